import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrivalDaysOfCare,
  moveDateProblem,
  onCallPlacementHolds,
} from '../../../src/domain/responsibility/handover.ts';
import {
  continuedUntilProblem,
  dailyActions,
  reportedInTime,
  turning18Dates,
  type DailyFacts,
} from '../../../src/domain/responsibility/turning18.ts';
import {
  isTransferable,
  periodsAfterTransfer,
  transferDateProblem,
  transferRelation,
} from '../../../src/domain/responsibility/transfer.ts';
import { responsibility } from '../../../src/domain/case/machines.ts';

describe('the arrival municipality’s days of care until the take-over', () => {
  it('counts nights from the arrival to the day the child moved', () => {
    expect(
      arrivalDaysOfCare(
        { arrivalDate: '2026-11-01', movedOn: '2026-11-05', acknowledgedOn: null },
        '2026-11-23',
      ),
    ).toEqual({
      days: 4,
      until: '2026-11-05',
      basis: 'moved',
    });
  });
  it('takes the acknowledgement of receipt when no move was recorded', () => {
    expect(
      arrivalDaysOfCare(
        { arrivalDate: '2026-11-01', movedOn: null, acknowledgedOn: '2026-11-03' },
        '2026-11-23',
      ),
    ).toMatchObject({ days: 2, basis: 'acknowledged' });
  });
  it('prefers the recorded move over the acknowledgement', () => {
    expect(
      arrivalDaysOfCare(
        { arrivalDate: '2026-11-01', movedOn: '2026-11-04', acknowledgedOn: '2026-11-02' },
        '2026-11-23',
      ).until,
    ).toBe('2026-11-04');
  });
  it('counts to today while the child is still in the arrival municipality’s care', () => {
    expect(
      arrivalDaysOfCare({ arrivalDate: '2026-11-20', movedOn: null, acknowledgedOn: null }, '2026-11-23'),
    ).toEqual({ days: 3, until: '2026-11-23', basis: 'ongoing' });
  });
  it('counts across a month end, a leap day and the change to summer time', () => {
    expect(
      arrivalDaysOfCare(
        { arrivalDate: '2028-02-27', movedOn: '2028-03-02', acknowledgedOn: null },
        '2028-04-01',
      ).days,
    ).toBe(4);
    expect(
      arrivalDaysOfCare(
        { arrivalDate: '2026-03-28', movedOn: '2026-03-30', acknowledgedOn: null },
        '2026-04-01',
      ).days,
    ).toBe(2);
  });
  it('is never negative and never more than the days to today', () => {
    const day = fc
      .integer({ min: 0, max: 800 })
      .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day), fc.option(day), day, (arrival, moved, acknowledged, today) => {
        const { days } = arrivalDaysOfCare(
          { arrivalDate: arrival, movedOn: moved, acknowledgedOn: acknowledged },
          today,
        );
        expect(days).toBeGreaterThanOrEqual(0);
        if (moved === null && acknowledged === null)
          expect(days).toBe(Math.max(0, (Date.parse(today) - Date.parse(arrival)) / 86_400_000));
      }),
    );
  });
});

describe('the recorded move date', () => {
  const dates = { arrivalDate: '2026-11-01', assignedOn: '2026-11-03' };
  it('may lie between the anvisning and today', () => {
    expect(moveDateProblem('2026-11-03', dates, '2026-11-23')).toBeNull();
    expect(moveDateProblem('2026-11-23', dates, '2026-11-23')).toBeNull();
  });
  it('may not lie in the future, before the arrival or before the anvisning', () => {
    expect(moveDateProblem('2026-11-24', dates, '2026-11-23')).toBe('future');
    expect(moveDateProblem('2026-10-31', dates, '2026-11-23')).toBe('before_arrival');
    expect(moveDateProblem('2026-11-02', dates, '2026-11-23')).toBe('before_anvisning');
  });
});

describe('an on-call placement', () => {
  it('holds from its day to the next working day, not after it ended', () => {
    const placement = { from: '2026-11-20', validUntil: '2026-11-23', to: null };
    expect(onCallPlacementHolds(placement, '2026-11-22')).toBe(true);
    expect(onCallPlacementHolds(placement, '2026-11-23')).toBe(true);
    expect(onCallPlacementHolds(placement, '2026-11-24')).toBe(false);
    expect(onCallPlacementHolds({ ...placement, to: '2026-11-21' }, '2026-11-22')).toBe(false);
  });
});

describe('turning 18', () => {
  it('warns five weeks and asks for the notice three weeks before the birthday', () => {
    expect(turning18Dates('2009-01-10')).toEqual({
      birthday18: '2027-01-10',
      birthday21: '2030-01-10',
      warningDue: '2026-12-06',
      noticeDue: '2026-12-20',
    });
  });
  it('puts a 29 February birthday on 1 March in common years', () => {
    expect(turning18Dates('2008-02-29').birthday18).toBe('2026-03-01');
  });
  it('lets aftercare run after the 18th birthday up to the 21st', () => {
    expect(continuedUntilProblem('2030-01-10', '2009-01-10')).toBeNull();
    expect(continuedUntilProblem('2027-01-10', '2009-01-10')).toBe('not_after_18');
    expect(continuedUntilProblem('2030-01-11', '2009-01-10')).toBe('after_21');
  });
  it('knows whether continued responsibility was reported three weeks before the birthday', () => {
    expect(reportedInTime('2026-12-20', '2009-01-10')).toBe(true);
    expect(reportedInTime('2026-12-21', '2009-01-10')).toBe(false);
  });
});

describe('the daily rules', () => {
  const base: DailyFacts = {
    state: 'received',
    birthDate: '2008-11-20',
    periods: [{ from: '2026-01-05', to: null }],
    decidedToEnd: false,
    guardianshipOpen: true,
  };

  it('end responsibility on the 18th birthday when nothing was decided', () => {
    expect(dailyActions(base, '2026-11-19')).toEqual([]);
    expect(dailyActions(base, '2026-11-20')).toEqual([{ kind: 'end_at_18', on: '2026-11-20' }]);
    expect(dailyActions({ ...base, state: 'arrival_municipality' }, '2026-12-01')).toEqual([
      { kind: 'end_at_18', on: '2026-11-20' },
    ]);
  });
  it('let a decided end take hold on the birthday, once', () => {
    const decided = { ...base, state: 'ended', decidedToEnd: true };
    expect(dailyActions(decided, '2026-11-19')).toEqual([]);
    expect(dailyActions(decided, '2026-11-20')).toEqual([{ kind: 'end_as_decided', on: '2026-11-20' }]);
    expect(
      dailyActions({ ...decided, periods: [{ from: '2026-01-05', to: '2026-11-20' }] }, '2026-11-21'),
    ).toEqual([]);
  });
  it('leave an ended responsibility without a decision alone', () => {
    expect(dailyActions({ ...base, state: 'ended' }, '2026-12-01')).toEqual([]);
  });
  it('end the god man by law at 18 also when responsibility continues, and aftercare at its end date', () => {
    const continued: DailyFacts = {
      ...base,
      state: 'continued_after_18',
      periods: [
        { from: '2026-01-05', to: '2026-11-20' },
        { from: '2026-11-20', to: '2028-06-30' },
      ],
    };
    expect(dailyActions(continued, '2026-11-19')).toEqual([]);
    expect(dailyActions(continued, '2026-11-20')).toEqual([{ kind: 'end_guardianship', on: '2026-11-20' }]);
    expect(dailyActions({ ...continued, guardianshipOpen: false }, '2026-11-20')).toEqual([]);
    expect(dailyActions({ ...continued, guardianshipOpen: false }, '2028-06-30')).toEqual([
      { kind: 'end_aftercare', on: '2028-06-30' },
    ]);
  });
  it('are idempotent: after the actions took effect, nothing more is due', () => {
    expect(dailyActions({ ...base, state: 'ended' }, '2030-01-01')).toEqual([]);
    expect(
      dailyActions(
        { ...base, state: 'ended', decidedToEnd: true, periods: [{ from: '2026-01-05', to: '2026-11-20' }] },
        '2030-01-01',
      ),
    ).toEqual([]);
  });
});

describe('a transfer between municipalities', () => {
  it('is answered by the municipality that did not ask', () => {
    const handOver = { fromCode: '1280', toCode: '1281', requestedBy: 'from' as const };
    expect(transferRelation(['1281'], handOver)).toBe('answerer');
    expect(transferRelation(['1280'], handOver)).toBe('requester');
    expect(transferRelation(['2281'], handOver)).toBe('none');
    expect(transferRelation(['1280'], { ...handOver, requestedBy: 'to' })).toBe('answerer');
  });
  it('takes effect on a day between the current period’s start and today', () => {
    expect(transferDateProblem('2026-11-23', '2026-01-05', '2026-11-23')).toBeNull();
    expect(transferDateProblem('2026-11-24', '2026-01-05', '2026-11-23')).toBe('future');
    expect(transferDateProblem('2026-01-04', '2026-01-05', '2026-11-23')).toBe('before_current_period');
  });
  it('ends the running period and carries its end (and later periods) over to the new municipality', () => {
    const periods = [
      { municipalityCode: '1480', from: '2026-01-01', to: '2026-01-05' },
      { municipalityCode: '1280', from: '2026-01-05', to: '2026-12-01' },
      { municipalityCode: '1280', from: '2026-12-01', to: '2029-12-01' },
    ];
    const result = periodsAfterTransfer(periods, '1280', '2026-11-23');
    expect(result.closing).toBe(periods[1]);
    expect(result.newTo).toBe('2026-12-01');
    expect(result.laterPeriods).toEqual([periods[2]]);
  });
});

describe('which responsibility can move by transfer', () => {
  it('is an assigned, received or continued responsibility, never the arrival municipality’s care or an ended one', () => {
    expect(responsibility.states.filter(isTransferable)).toEqual([
      'assigned',
      'received',
      'continued_after_18',
    ]);
  });
});
