import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  ChildFacts,
  PlacementFact,
  ResponsibilityFact,
} from '../../../src/domain/compensation/calculator.ts';
import {
  compensationLines,
  explainChild,
  type CompensationLine,
} from '../../../src/domain/compensation/lines.ts';
import { addDays } from '../../../src/domain/time.ts';
import { ISSUE_RATES, LUND, MALMO, rateTable, RATES } from './fixture.ts';

const BASE = '2016-01-01';
const date = (min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(BASE, n));

// Many generated children are adults before any day counts: 300 runs give each daily code some dozens of cases.

/** Periods of one child that do not overlap: each after a gap (0 = adjoining) from the one before; the last may be open. */
function periods<T>(extra: fc.Arbitrary<T>, minLength = 0) {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 3000 }),
      parts: fc.array(
        fc.record({
          gap: fc.oneof(fc.constant(0), fc.nat(90)),
          length: fc.integer({ min: 1, max: 700 }),
          code: fc.constantFrom(MALMO, LUND),
          extra,
        }),
        { minLength, maxLength: 4 },
      ),
      lastOpen: fc.boolean(),
    })
    .map(({ start, parts, lastOpen }) => {
      let at = start;
      return parts.map(({ gap, length, code, extra }, i) => {
        const from = addDays(BASE, at + gap);
        at += gap + length;
        const to = lastOpen && i === parts.length - 1 ? null : addDays(BASE, at);
        return { municipalityCode: code, from, to, extra };
      });
    });
}

const lvu = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6000 }));

const child: fc.Arbitrary<ChildFacts> = fc
  .record({
    birthDate: date(-6500, -1500),
    arrival: fc.oneof(
      fc.constant(null),
      fc.record({ municipalityCode: fc.constantFrom(MALMO, LUND), date: date(0, 4000) }),
    ),
    anvisningDate: date(0, 4000),
    takeOver: fc.oneof(
      fc.constant(null),
      { arbitrary: fc.constant('placed' as const), weight: 3 },
      date(0, 4200),
    ),
    permitDate: fc.option(date(0, 4200), { freq: 3 }),
    responsibility: fc.option(periods(fc.constant(null)), { freq: 3 }),
    placements: periods(lvu, 1),
  })
  .map(({ responsibility, placements, takeOver, ...facts }) => ({
    childId: 'B1',
    assignedMunicipalityCode: MALMO,
    ...facts,
    // Taken over on a day of its own, on the first placement's first day ('placed'), or not yet.
    takeOverDate: takeOver === 'placed' ? (placements[0]?.from ?? null) : takeOver,
    // Most often the responsibility follows the placements (null: the same periods), else periods of its own.
    responsibility: (responsibility ?? placements).map(
      ({ municipalityCode, from, to }): ResponsibilityFact => ({
        municipalityCode,
        from,
        to,
      }),
    ),
    placements: placements.map(({ extra, ...p }): PlacementFact => ({
      ...p,
      form: 'hvb',
      lvu: extra !== null,
      dailyCost: extra,
    })),
  }));

const WINDOW = { from: '2016-01-01', to: '2028-12-31' };

function summed(lines: readonly CompensationLine[]): Map<string, [number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const l of lines) {
    const key = `${l.municipalityCode},${l.period},${l.code}`;
    const [count, amount] = sums.get(key) ?? [0, 0];
    sums.set(key, [count + l.count, amount + l.amount]);
  }
  return sums;
}

describe('the compensation, for any child', () => {
  it('never changes when the days counted are split anywhere in two', () => {
    fc.assert(
      fc.property(child, fc.integer({ min: 0, max: 4500 }), (c, split) => {
        const day = addDays(BASE, split);
        const whole = compensationLines([c], WINDOW, RATES);
        const halves = [
          ...compensationLines([c], { from: WINDOW.from, to: day }, RATES),
          ...compensationLines([c], { from: addDays(day, 1), to: WINDOW.to }, RATES),
        ];
        expect(summed(halves)).toEqual(summed(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('never changes when a placement or a responsibility period is split anywhere into two that adjoin', () => {
    fc.assert(
      fc.property(child, fc.nat(), fc.nat(), fc.boolean(), (c, which, at, ofPlacement) => {
        const list: readonly (PlacementFact | ResponsibilityFact)[] = ofPlacement
          ? c.placements
          : c.responsibility;
        const period = list[which % Math.max(1, list.length)];
        if (period === undefined) return;
        const length =
          period.to === null ? 1000 : (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
        if (length < 2) return;
        const cut = addDays(period.from, 1 + (at % (length - 1)));
        const split = [...list].flatMap((p) =>
          p === period
            ? [
                { ...p, to: cut },
                { ...p, from: cut },
              ]
            : [p],
        );
        const changed = ofPlacement
          ? { ...c, placements: split as PlacementFact[] }
          : { ...c, responsibility: split as ResponsibilityFact[] };
        expect(compensationLines([changed], WINDOW, RATES)).toEqual(compensationLines([c], WINDOW, RATES));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing before a rate row added for a future date', () => {
    fc.assert(
      fc.property(child, fc.integer({ min: 2950, max: 4500 }), fc.nat(5000), (c, offset, amount) => {
        const from = addDays(BASE, offset); // after 2024-01-01
        const rows = ISSUE_RATES.map((r) =>
          r[0] === 'SCHABLON_DYGN' && r[3] === '' ? ([...r.slice(0, 3), addDays(from, -1)] as typeof r) : r,
        );
        const withRow = rateTable([...rows, ['SCHABLON_DYGN', amount, from, '']]);
        const before = { from: WINDOW.from, to: addDays(from, -1) };
        expect(compensationLines([c], before, withRow)).toEqual(compensationLines([c], before, RATES));
      }),
      { numRuns: 300 },
    );
  });

  it('pays whole kronor only, and its explanation sums to its lines', () => {
    fc.assert(
      fc.property(child, (c) => {
        const lines = compensationLines([c], WINDOW, RATES);
        for (const l of lines) expect(Number.isInteger(l.amount) && l.amount > 0).toBe(true);
        const total = lines.reduce((sum, l) => sum + l.amount, 0);
        expect(explainChild(c, WINDOW, RATES).total).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
