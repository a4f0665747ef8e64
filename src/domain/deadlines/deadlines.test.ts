import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, ageOn, birthday, isWorkingDay, onOrNextWorkingDay } from './calendar.ts';
import { compareDeadlines, DEADLINE_RULES, deadlines, dueFor } from './rules.ts';

describe('Swedish working days (lag 1930:173)', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-06-19', false], // midsommarafton
    ['2026-12-24', false], // julafton
    ['2026-12-31', false], // nyårsafton
    ['2026-06-06', false], // nationaldagen (a Saturday in 2026, a holiday anyway)
    ['2026-05-14', false], // Kristi himmelsfärdsdag
    ['2026-04-03', false], // långfredagen
    ['2026-04-06', false], // annandag påsk
    ['2026-01-05', true], // trettondagsafton is a working day
    ['2026-04-30', true], // valborgsmässoafton is a working day
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
  it('moves a deadline on a holiday weekend to the next working day', () => {
    expect(onOrNextWorkingDay('2026-12-24')).toBe('2026-12-28'); // julafton, juldagen, annandag jul, Sunday
    expect(onOrNextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Easter
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22'); // over midsommar
  });
});

describe('calendar arithmetic', () => {
  it('adds months, clamping to the month’s last day, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
  });
  it('a child born on 29 February turns 18 on 1 March in a common year', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('deadline rules', () => {
  it('every rule carries its legal source', () => {
    for (const rule of Object.values(DEADLINE_RULES)) expect(rule.source.length).toBeGreaterThan(10);
  });
  it('a protection assessment is due the day after the report, moved past a weekend', () => {
    expect(deadlines.protectionAssessment('2026-11-23')).toEqual({ rule: 'protection-assessment', due: '2026-11-24' });
    expect(deadlines.protectionAssessment('2026-11-20').due).toBe('2026-11-23'); // Friday → Monday
  });
  it('a preliminary assessment is due 14 days after the report; over Christmas it moves to the next working day', () => {
    expect(deadlines.preliminaryAssessment('2026-11-02').due).toBe('2026-11-16');
    expect(deadlines.preliminaryAssessment('2026-12-10').due).toBe('2026-12-28'); // 24 Dec → 28 Dec
  });
  it('an investigation is due four months after it opened', () => {
    expect(deadlines.investigation('2026-10-31').due).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
  });
  it('the care is reviewed six months after the placement', () => {
    expect(deadlines.careReview('2026-06-20').due).toBe('2026-12-21'); // 20 Dec is a Sunday
  });
  it('school starts within a month of arrival (guidance: not moved)', () => {
    expect(deadlines.schoolStart('2026-01-31').due).toBe('2026-02-28');
  });
  it('turning 18: the warning five weeks before, the notice three weeks before', () => {
    expect(deadlines.turning18Warning('2008-12-24').due).toBe('2026-11-19');
    expect(deadlines.continuedResponsibilityNotice('2008-12-24').due).toBe('2026-12-03');
  });
  it('changes are reported by the 7th of the next month, or after the quarter for permit holders', () => {
    expect(deadlines.changeReport('2026-11-23', false).due).toBe('2026-12-07');
    expect(deadlines.changeReport('2026-11-23', true).due).toBe('2027-01-07');
    expect(deadlines.changeReport('2026-01-15', true).due).toBe('2026-04-07');
    expect(deadlines.changeReport('2026-12-31', false).due).toBe('2027-01-07');
  });
  it('an on-call placement holds until the next working day', () => {
    expect(deadlines.onCallPlacement('2026-06-18').due).toBe('2026-06-22');
  });
  it('a god man is appointed within three days of the request (practice, not moved)', () => {
    expect(deadlines.godManAppointment('2026-12-30').due).toBe('2027-01-02');
  });
  it('every rule names who must act', () => {
    for (const rule of Object.values(DEADLINE_RULES)) expect(['social_services', 'guardianship', 'migration_agency', 'region']).toContain(rule.actor);
  });
  // The table the engine uses: each rule's due date from the event that starts it, with a pinned calendar.
  const context = { on: '2026-02-27', birthDate: '2008-02-29', arrivalDate: '2026-01-31', permitHolder: false };
  it.each([
    ['protection-assessment', '2026-03-02'], // Friday → next day Saturday → Monday
    ['preliminary-assessment', '2026-03-13'],
    ['investigation', '2026-06-29'], // 27 Jun is a Saturday
    ['care-review', '2026-08-27'],
    ['school-start', '2026-02-28'], // one month from 31 Jan, clamped; guidance is not moved
    ['relative-assessment', '2026-03-02'],
    ['turning-18-warning', '2026-01-25'], // 18th birthday of a 29 Feb child: 1 Mar 2026
    ['continued-responsibility-notice', '2026-02-08'],
    ['change-report', '2026-03-07'],
    ['on-call-placement', '2026-03-02'],
    ['god-man-appointment', '2026-03-02'],
  ] as const)('dueFor %s from 2026-02-27 is %s', (rule, due) => {
    expect(dueFor(rule, context)).toEqual({ rule, due });
  });
  it('a leap year moves the month-end arithmetic', () => {
    expect(dueFor('investigation', { ...context, on: '2027-10-31' }).due).toBe('2028-02-29');
    expect(dueFor('care-review', { ...context, on: '2027-08-31' }).due).toBe('2028-02-29');
    expect(dueFor('change-report', { ...context, on: '2028-02-29', permitHolder: true }).due).toBe('2028-04-07');
  });
  it('lists overdue deadlines first', () => {
    const list = [
      { rule: 'school-start' as const, due: '2026-12-01' },
      { rule: 'investigation' as const, due: '2026-11-01' },
      { rule: 'care-review' as const, due: '2026-11-30' },
    ].sort(compareDeadlines('2026-11-23'));
    expect(list.map((d) => d.rule)).toEqual(['investigation', 'care-review', 'school-start']);
  });
});
