import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countyTotal,
  defaultShareYear,
  redistribute,
  shareYear,
} from '../../../src/domain/county/redistribution.ts';

// Skåne (12): Malmö 1280, Lund 1281, Svalöv 1214; Sundsvall 2281 is in Västernorrland.
const SHARES = new Map([
  ['1280', 30],
  ['1281', 10],
  ['1214', 2],
  ['2281', 8],
]);

describe('redistribution within a county (E-R1…E-R4)', () => {
  it('moves promille from the ceding municipality to the receiving one, down to 0 ‰ (E-R4)', () => {
    const { problems, shares } = redistribute('12', SHARES, [
      { fromCode: '1214', toCode: '1280', promille: 2 },
    ]);
    expect(problems).toEqual([]);
    expect(shares.get('1214')).toBe(0);
    expect(shares.get('1280')).toBe(32);
  });

  it('lets several municipalities cede to the same one (E-R4)', () => {
    const { problems, shares } = redistribute('12', SHARES, [
      { fromCode: '1214', toCode: '1280', promille: 1 },
      { fromCode: '1281', toCode: '1280', promille: 4 },
    ]);
    expect(problems).toEqual([]);
    expect(shares.get('1280')).toBe(35);
  });

  it('refuses a municipality outside the proposing county, naming the field (E-R1)', () => {
    expect(redistribute('12', SHARES, [{ fromCode: '1280', toCode: '2281', promille: 1 }]).problems).toEqual([
      { index: 0, field: 'toCode', code: 'other_county' },
    ]);
    expect(redistribute('22', SHARES, [{ fromCode: '1280', toCode: '2281', promille: 1 }]).problems).toEqual([
      { index: 0, field: 'fromCode', code: 'other_county' },
    ]);
  });

  it('refuses ceding below 0 ‰, naming what is left, also over several transfers', () => {
    expect(
      redistribute('12', SHARES, [
        { fromCode: '1214', toCode: '1280', promille: 1 },
        { fromCode: '1214', toCode: '1281', promille: 2 },
      ]).problems,
    ).toEqual([{ index: 1, field: 'promille', code: 'exceeds_share', available: 1 }]);
  });

  it('refuses the same municipality on both sides, unknown codes and parts of a per mille', () => {
    expect(redistribute('12', SHARES, [{ fromCode: '1280', toCode: '1280', promille: 1 }]).problems).toEqual([
      { index: 0, field: 'toCode', code: 'same_municipality' },
    ]);
    expect(redistribute('12', SHARES, [{ fromCode: '1299', toCode: '1280', promille: 1 }]).problems).toEqual([
      { index: 0, field: 'fromCode', code: 'unknown_municipality' },
    ]);
    expect(
      redistribute('12', SHARES, [{ fromCode: '1281', toCode: '1280', promille: 0.5 }]).problems,
    ).toEqual([{ index: 0, field: 'promille', code: 'not_whole_promille' }]);
  });

  it('never changes the county’s total nor any other county’s shares, and never leaves a share below 0', () => {
    const codes = ['1280', '1281', '1214', '2281'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fromCode: fc.constantFrom(...codes),
            toCode: fc.constantFrom(...codes),
            promille: fc.integer({ min: -2, max: 40 }),
          }),
          { maxLength: 6 },
        ),
        (transfers) => {
          const { shares } = redistribute('12', SHARES, transfers);
          expect(countyTotal('12', shares)).toBe(countyTotal('12', SHARES));
          expect(shares.get('2281')).toBe(8);
          for (const value of shares.values()) expect(value).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('reads the year from the version’s first day', () => {
    expect(shareYear('2027-01-01')).toBe(2027);
  });

  it('opens on the latest year ahead that has shares, else on this year', () => {
    expect(defaultShareYear([2026, 2027], '2026-11-23')).toBe(2027);
    expect(defaultShareYear([2028, 2026, 2027], '2026-11-23')).toBe(2028);
    expect(defaultShareYear([2025, 2026], '2026-11-23')).toBe(2026);
    expect(defaultShareYear([], '2026-11-23')).toBe(2026);
  });
});
