import { describe, expect, it } from 'vitest';
import { asylum } from '../../../src/domain/case/machines.ts';
import {
  bookedInterviews,
  checkDecision,
  checkInterview,
  checkNotBefore,
  checkNotFuture,
  comingInterviews,
  DECISION_EVENTS,
  finalOutcome,
  interviewEvent,
  interviewsAtDecision,
  isPermit,
  withInterviewDate,
  withoutInterviewDates,
} from '../../../src/domain/asylum/asylum.ts';

const decision = (d: Partial<Parameters<typeof checkDecision>[0]>) =>
  checkDecision({
    decision: 'refused',
    decidedOn: '2026-10-01',
    permitEndsOn: null,
    notBefore: '2026-05-01',
    dateField: 'decidedOn',
    ...d,
  });

describe('the asylum case', () => {
  it('records each first-instance decision with an event of the asylum machine', () => {
    const events = new Set(asylum.transitions.map((t) => t.event));
    for (const event of Object.values(DECISION_EVENTS)) expect(events).toContain(event);
  });

  it('counts permanent and temporary permits as permits, and nothing else', () => {
    expect(isPermit('permanent_permit')).toBe(true);
    expect(isPermit('temporary_permit')).toBe(true);
    for (const other of ['refused', 'dublin_transfer', 'written_off', null])
      expect(isPermit(other)).toBe(false);
  });

  it('books a future interview and records one held today or earlier', () => {
    expect(interviewEvent('2026-11-24', '2026-11-23')).toBe('schedule_interview');
    expect(interviewEvent('2026-11-23', '2026-11-23')).toBe('interview');
    expect(interviewEvent('2026-10-01', '2026-11-23')).toBe('interview');
  });

  it('keeps each interview date once, in order, and lists those still to come', () => {
    const dates = withInterviewDate(withInterviewDate(['2026-12-10'], '2026-10-05'), '2026-12-10');
    expect(dates).toEqual(['2026-10-05', '2026-12-10']);
    expect(comingInterviews(dates, '2026-11-23')).toEqual(['2026-12-10']);
  });

  it('refuses an interview before the application or more than a year ahead', () => {
    const base = { appliedOn: '2026-09-01', today: '2026-11-23', latestOn: '2027-11-23' };
    expect(checkInterview({ ...base, interviewOn: '2026-08-31' }).map((p) => p.code)).toEqual([
      'asylum_before_application',
    ]);
    expect(checkInterview({ ...base, interviewOn: '2027-11-24' }).map((p) => p.code)).toEqual([
      'asylum_too_far_ahead',
    ]);
    expect(checkInterview({ ...base, interviewOn: '2026-12-01' })).toEqual([]);
  });

  it('a temporary permit needs an end date after the decision date', () => {
    expect(decision({ decision: 'temporary_permit' }).map((p) => [p.field, p.code])).toEqual([
      ['permitEndsOn', 'asylum_permit_end_required'],
    ]);
    expect(decision({ decision: 'temporary_permit', permitEndsOn: '2026-10-01' }).map((p) => p.code)).toEqual(
      ['asylum_permit_end_not_after_decision'],
    );
    expect(decision({ decision: 'temporary_permit', permitEndsOn: '2029-10-01' })).toEqual([]);
  });

  it('other decisions carry no end date, and no decision comes before the application', () => {
    expect(decision({ decision: 'permanent_permit', permitEndsOn: '2029-10-01' }).map((p) => p.code)).toEqual(
      ['asylum_permit_end_not_allowed'],
    );
    expect(decision({ decidedOn: '2026-04-30' }).map((p) => [p.field, p.code])).toEqual([
      ['decidedOn', 'asylum_date_too_early'],
    ]);
    expect(decision({})).toEqual([]);
  });

  it('each step comes on or after the one before it', () => {
    expect(checkNotBefore('appealedOn', '2026-10-01', '2026-10-02').map((p) => p.code)).toEqual([
      'asylum_date_too_early',
    ]);
    expect(checkNotBefore('appealedOn', '2026-10-02', '2026-10-02')).toEqual([]);
    expect(checkNotBefore('appealedOn', '2026-10-02', null)).toEqual([]);
  });

  it('after an appeal the final decision is the court’s outcome, which must be given', () => {
    expect(finalOutcome({ appealed: true, decision: 'refused', outcome: null })).toMatchObject({
      ok: false,
      problem: { code: 'asylum_outcome_required' },
    });
    expect(finalOutcome({ appealed: true, decision: 'refused', outcome: 'temporary_permit' })).toEqual({
      ok: true,
      decision: 'temporary_permit',
    });
  });

  it('without an appeal the Agency’s decision gains legal force as it was', () => {
    expect(finalOutcome({ appealed: false, decision: 'permanent_permit', outcome: null })).toEqual({
      ok: true,
      decision: 'permanent_permit',
    });
    expect(finalOutcome({ appealed: false, decision: 'refused', outcome: 'permanent_permit' })).toMatchObject(
      { ok: false, problem: { code: 'asylum_outcome_not_appealed' } },
    );
    expect(finalOutcome({ appealed: false, decision: null, outcome: null })).toMatchObject({ ok: false });
  });
});

describe('dates of steps that have happened', () => {
  it('are today or earlier', () => {
    expect(checkNotFuture('decidedOn', '2026-11-24', '2026-11-23').map((p) => [p.field, p.code])).toEqual([
      ['decidedOn', 'future'],
    ]);
    expect(checkNotFuture('decidedOn', '2026-11-23', '2026-11-23')).toEqual([]);
  });
});

describe('a decision while an interview is booked', () => {
  it('an interview after today is booked; today’s or an earlier one counts as held', () => {
    expect(bookedInterviews(['2026-11-20', '2026-11-23', '2026-12-03', '2026-11-30'], '2026-11-23')).toEqual([
      '2026-11-30',
      '2026-12-03',
    ]);
  });
  it.each(['permanent_permit', 'temporary_permit', 'dublin_transfer', 'written_off'] as const)(
    '%s is decided and cancels every booked interview',
    (decision) => {
      expect(interviewsAtDecision(decision, ['2026-12-03', '2026-11-30'])).toEqual({
        ok: true,
        cancel: ['2026-11-30', '2026-12-03'],
      });
    },
  );
  it('a refusal waits for the first booked interview', () => {
    expect(interviewsAtDecision('refused', ['2026-12-03', '2026-11-30'])).toEqual({
      ok: false,
      interviewOn: '2026-11-30',
    });
  });
  it('without a booked interview nothing changes', () => {
    expect(interviewsAtDecision('refused', [])).toEqual({ ok: true, cancel: [] });
    expect(withoutInterviewDates(['2026-10-01', '2026-12-03'], ['2026-12-03'])).toEqual(['2026-10-01']);
  });
});
