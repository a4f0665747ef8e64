import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, isWorkingDay } from '../../../src/domain/deadlines/calendar.ts';
import { ageAt } from '../../../src/domain/placement/stodboende.ts';
import {
  dateProblems,
  endProblems,
  freePlaces,
  needsSpecialReason,
  onCallValidUntil,
  placementProblems,
  type PlacementFacts,
} from '../../../src/domain/placement/rules.ts';

const base: PlacementFacts = {
  form: 'hvb',
  legalBasis: 'SoL',
  fromDate: '2026-11-20',
  today: '2026-11-23',
  birthDate: '2010-05-05',
  specialReason: null,
  provider: { form: 'hvb', active: true },
  follows: null,
};
const fields = (facts: Partial<PlacementFacts>) =>
  placementProblems({ ...base, ...facts }).map((p) => `${p.field}:${p.code}`);

describe('a placement decision', () => {
  it('is valid in an HVB of the right form', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses stödboende before the child turns 16, counted on the first day', () => {
    expect(
      fields({ form: 'stodboende', provider: { form: 'stodboende', active: true }, birthDate: '2010-11-21' }),
    ).toEqual(['form:placement_stodboende_under_16']);
    // Turns 16 on the first day: allowed with a special reason.
    expect(
      fields({
        form: 'stodboende',
        provider: { form: 'stodboende', active: true },
        birthDate: '2010-11-20',
        specialReason: 'Mogen, klarar eget boende',
      }),
    ).toEqual([]);
  });

  it('asks a 16–17-year-old’s stödboende for a recorded special reason, naming the field', () => {
    const stod = { form: 'stodboende' as const, provider: { form: 'stodboende', active: true } };
    expect(fields({ ...stod, birthDate: '2009-01-01' })).toEqual(['specialReason:required']);
    expect(fields({ ...stod, birthDate: '2009-01-01', specialReason: '   ' })).toEqual([
      'specialReason:required',
    ]);
    expect(
      fields({ ...stod, birthDate: '2009-01-01', specialReason: 'Har bott i eget boende förut' }),
    ).toEqual([]);
    // From 18 (aftercare) no special reason is needed.
    expect(fields({ ...stod, birthDate: '2008-11-20' })).toEqual([]);
  });

  it('knows which ages need the special reason', () => {
    expect(needsSpecialReason('stodboende', '2010-11-20', '2026-11-20')).toBe(true);
    expect(needsSpecialReason('stodboende', '2008-11-21', '2026-11-20')).toBe(true);
    expect(needsSpecialReason('stodboende', '2008-11-20', '2026-11-20')).toBe(false);
    expect(needsSpecialReason('hvb', '2010-01-01', '2026-11-20')).toBe(false);
  });

  it('requires the provider’s form to match and the provider to take children', () => {
    expect(fields({ form: 'familjehem' })).toEqual(['form:placement_form_mismatch']);
    expect(fields({ provider: { form: 'hvb', active: false } })).toEqual([
      'providerId:placement_provider_inactive',
    ]);
  });

  it('places in a SiS special youth home only under LVU', () => {
    const sis = { form: 'sis' as const, provider: { form: 'sis', active: true } };
    expect(fields({ ...sis })).toEqual(['legalBasis:placement_sis_requires_lvu']);
    expect(fields({ ...sis, legalBasis: 'LVU' })).toEqual([]);
  });

  it('never begins in the future', () => {
    expect(fields({ fromDate: '2026-11-24' })).toEqual(['fromDate:future']);
  });

  it('never overlaps: a move begins after the current placement began, a new placement on or after the last one ended', () => {
    expect(fields({ follows: { kind: 'move', from: '2026-11-20', to: null } })).toEqual([
      'fromDate:placement_move_not_after_current',
    ]);
    expect(fields({ follows: { kind: 'move', from: '2026-11-19', to: null } })).toEqual([]);
    expect(fields({ follows: { kind: 'after_ended', from: '2026-01-01', to: '2026-11-21' } })).toEqual([
      'fromDate:placement_overlaps_previous',
    ]);
    expect(fields({ follows: { kind: 'after_ended', from: '2026-01-01', to: '2026-11-20' } })).toEqual([]);
    expect(fields({ follows: { kind: 'after_on_call', from: '2026-11-21', to: null } })).toEqual([
      'fromDate:placement_before_on_call',
    ]);
    expect(fields({ follows: { kind: 'after_on_call', from: '2026-11-20', to: null } })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(fields({ form: 'sis', provider: { form: 'hvb', active: false }, fromDate: '2027-01-01' })).toEqual(
      [
        'fromDate:future',
        'form:placement_form_mismatch',
        'providerId:placement_provider_inactive',
        'legalBasis:placement_sis_requires_lvu',
      ],
    );
  });
});

describe('an on-call placement', () => {
  it.each([
    ['a Monday night holds to Tuesday', '2026-11-23', '2026-11-24'],
    ['a Friday night holds over the weekend to Monday', '2026-11-20', '2026-11-23'],
    ['Christmas Eve holds past Christmas and Boxing Day to the 28th', '2026-12-24', '2026-12-28'],
    ['the night before midsummer eve holds to the Monday after', '2026-06-18', '2026-06-22'],
    ['New Year’s Eve holds past New Year’s Day (a Friday) to Monday', '2026-12-31', '2027-01-04'],
    ['the Thursday before Easter holds to the Tuesday after Easter Monday', '2027-03-25', '2027-03-30'],
  ])('%s', (_label, decided, until) => {
    expect(onCallValidUntil(decided)).toBe(until);
  });

  it('always holds to a working day after the decision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const decided = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
        const until = onCallValidUntil(decided);
        return until > decided && isWorkingDay(until);
      }),
    );
  });
});

describe('ending a placement and dated steps', () => {
  it('ends on or after the first day, never in the future', () => {
    expect(endProblems({ from: '2026-11-01' }, '2026-10-31', '2026-11-23').map((p) => p.code)).toEqual([
      'placement_end_before_start',
    ]);
    expect(endProblems({ from: '2026-11-01' }, '2026-11-01', '2026-11-23')).toEqual([]);
    expect(endProblems({ from: '2026-11-01' }, '2026-11-24', '2026-11-23').map((p) => p.code)).toEqual([
      'future',
    ]);
  });
  it('a dated step names its own field', () => {
    expect(dateProblems('doneOn', '2026-11-01', '2026-11-02', '2026-11-23')).toEqual([
      {
        field: 'doneOn',
        code: 'placement_date_too_early',
        message: 'Datumet kan inte ligga före 2026-11-02',
      },
    ]);
    expect(dateProblems('doneOn', '2026-11-02', '2026-11-02', '2026-11-23')).toEqual([]);
  });
  it('free places are places minus the children placed, negative when over-occupied', () => {
    expect(freePlaces(8, 5)).toBe(3);
    expect(freePlaces(1, 2)).toBe(-1);
  });
});

describe('the age the UI and the server both use', () => {
  it('is the calendar’s age, for any birth date and day (29 February included)', () => {
    const day = fc
      .integer({ min: 0, max: 12_000 })
      .map((n) => new Date(Date.UTC(1996, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => ageAt(a, b) === ageOn(a, b)));
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
  });
});
