import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityFlags,
  capacityProblems,
  mayRemind,
  mayReportOn,
  periodProblems,
  reportDue,
  totalPlaces,
  type CapacityAnswers,
} from '../../../src/domain/county/capacity.ts';

const ANSWERS: CapacityAnswers = {
  places: {
    hvb_own: { guaranteed: 10, movable: 2 },
    hvb_purchased: { guaranteed: 6, movable: 0 },
    stodboende: { guaranteed: 8, movable: 4 },
    familjehem: { guaranteed: 7, movable: 1 },
    jourhem: { guaranteed: 3, movable: 1 },
  },
  targetGroups: { girls: 8, younger: 5, special_needs: 2 },
  languageIntroductionPlaces: 30,
  healthAccess: 'good',
  healthNote: '',
  leisureNote: '',
  godMenAvailable: 12,
  specialCustodiansAvailable: 3,
  selfAssessment: 'God beredskap.',
};

describe('the capacity report', () => {
  it('counts every guaranteed and movable place of every housing form', () => {
    expect(totalPlaces(ANSWERS)).toBe(42);
  });

  it('refuses a target group with more places than the municipality has in all', () => {
    expect(capacityProblems(ANSWERS)).toEqual([]);
    expect(
      capacityProblems({ ...ANSWERS, targetGroups: { girls: 43, younger: 42, special_needs: 0 } }),
    ).toEqual([{ field: 'targetGroups.girls', code: 'exceeds_total_places' }]);
  });

  it('flags fewer places than children placed now, and free places beyond what is reported', () => {
    expect(capacityFlags(ANSWERS, { placedNow: 40, registeredPlaces: 50, freePlaces: 10 })).toEqual([]);
    expect(capacityFlags(ANSWERS, { placedNow: 43, registeredPlaces: 50, freePlaces: 43 })).toEqual([
      'fewer_places_than_placed',
      'register_exceeds_report',
    ]);
  });
});

describe('the periods', () => {
  const spring = { startsOn: '2027-01-01', endsOn: '2027-06-30', dueOn: '2027-03-31' };

  it('refuses an end or a due day before the start and a period that overlaps another', () => {
    expect(periodProblems(spring, [])).toEqual([]);
    expect(periodProblems({ ...spring, endsOn: '2026-12-31', dueOn: '2026-12-01' }, [])).toEqual([
      { field: 'endsOn', code: 'before_start' },
      { field: 'dueOn', code: 'due_before_start' },
    ]);
    expect(
      periodProblems(spring, [{ startsOn: '2026-07-01', endsOn: '2027-01-01', dueOn: '2026-09-30' }]),
    ).toEqual([{ field: 'startsOn', code: 'overlaps_period' }]);
    expect(
      periodProblems(spring, [{ startsOn: '2026-07-01', endsOn: '2026-12-31', dueOn: '2026-09-30' }]),
    ).toEqual([]);
  });

  it('makes a missing report due from the first day and overdue after the due day (the reminder task)', () => {
    expect(reportDue(spring, false, '2026-12-31')).toBe('not_yet');
    expect(reportDue(spring, false, '2027-01-01')).toBe('due');
    expect(reportDue(spring, false, '2027-03-31')).toBe('due');
    expect(reportDue(spring, false, '2027-04-01')).toBe('overdue');
    expect(reportDue(spring, true, '2027-04-01')).toBe('reported');
  });

  it('takes a report from the first day to the last day or the due day, whichever is later', () => {
    expect(mayReportOn(spring, '2026-12-31')).toBe(false);
    expect(mayReportOn(spring, '2027-01-01')).toBe(true);
    expect(mayReportOn(spring, '2027-06-30')).toBe(true);
    expect(mayReportOn(spring, '2027-07-01')).toBe(false);
    expect(mayReportOn({ ...spring, dueOn: '2027-07-15' }, '2027-07-15')).toBe(true);
  });

  it('lets the county remind while reports are taken and someone still owes one', () => {
    expect(mayRemind(spring, ['reported', 'due'], '2027-02-01')).toBe(true);
    expect(mayRemind(spring, ['reported', 'overdue'], '2027-05-01')).toBe(true);
    expect(mayRemind(spring, ['reported', 'reported'], '2027-02-01')).toBe(false);
    expect(mayRemind(spring, [], '2027-02-01')).toBe(false);
    expect(mayRemind(spring, ['not_yet'], '2026-12-31')).toBe(false);
    expect(mayRemind(spring, ['overdue'], '2027-07-01')).toBe(false);
  });

  it('finds an overlap exactly when two periods share a day', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, day, (a, b, c, d) => {
        const p = { startsOn: a < b ? a : b, endsOn: a < b ? b : a, dueOn: a < b ? a : b };
        const q = { startsOn: c < d ? c : d, endsOn: c < d ? d : c, dueOn: c < d ? c : d };
        const shares = p.startsOn <= q.endsOn && q.startsOn <= p.endsOn;
        expect(periodProblems(p, [q]).some((x) => x.code === 'overlaps_period')).toBe(shares);
      }),
    );
  });
});
