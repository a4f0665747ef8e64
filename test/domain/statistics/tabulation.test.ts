import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARRIVAL_AGE_GROUPS,
  arrivalAgeGroup,
  cellKey,
  cellsByKey,
  tabulate,
  TOTAL,
  type Dimension,
} from '../../../src/domain/statistics/tabulation.ts';

const KON: Dimension = { name: 'kon', values: ['flicka', 'pojke'] };
const LAN: Dimension = { name: 'lan', values: ['01', '03', '04'] };

describe('tabulate', () => {
  it('counts every combination of values and TOTAL, zeros and the grand total included, in layout order', () => {
    const table = tabulate(
      [LAN, KON],
      [
        ['01', 'flicka'],
        ['01', 'pojke'],
        ['01', 'pojke'],
        ['04', 'pojke'],
      ],
    );
    expect(table.cells.map((c) => `${c.key.join('/')}=${c.count}`)).toEqual([
      '01/flicka=1',
      '01/pojke=2',
      '01/total=3',
      '03/flicka=0',
      '03/pojke=0',
      '03/total=0',
      '04/flicka=0',
      '04/pojke=1',
      '04/total=1',
      'total/flicka=1',
      'total/pojke=3',
      'total/total=4',
    ]);
    expect(cellsByKey(table.cells).get(cellKey([TOTAL, 'pojke']))?.count).toBe(3);
  });

  it('has one cell, the grand total, without dimensions; and all zeros without records', () => {
    expect(tabulate([], [[], []]).cells).toEqual([{ key: [], count: 2 }]);
    const empty = tabulate([LAN, KON, { name: 'ar', values: [] }], []);
    expect(empty.cells).toHaveLength(4 * 3 * 1);
    expect(empty.cells.every((c) => c.count === 0 && c.key[2] === TOTAL)).toBe(true);
  });

  it('refuses a record value outside its dimension (TOTAL included), a short record and a bad dimension', () => {
    expect(() => tabulate([LAN, KON], [['01', 'annan']])).toThrow(
      'record 1: "annan" is not a value of dimension kon',
    );
    expect(() =>
      tabulate(
        [LAN, KON],
        [
          ['01', 'flicka'],
          [TOTAL, 'flicka'],
        ],
      ),
    ).toThrow('record 2: "total" is not a value of dimension lan');
    expect(() => tabulate([LAN, KON], [['01']])).toThrow('record 1 has 1 values');
    expect(() => tabulate([{ name: 'x', values: ['a', TOTAL] }], [])).toThrow('marks a margin');
    expect(() => tabulate([{ name: 'x', values: ['a', 'a'] }], [])).toThrow('"a" twice');
    expect(() => tabulate([KON, KON], [])).toThrow('kon appears twice');
  });

  it('every margin is the sum of its parts along each dimension and the inner cells count the records', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
          .chain((sizes) =>
            fc.tuple(
              fc.constant(sizes),
              fc.array(fc.tuple(...sizes.map((n) => fc.integer({ min: 0, max: n - 1 }))), { maxLength: 60 }),
            ),
          ),
        ([sizes, picks]) => {
          const dimensions = sizes.map((n, d) => ({
            name: `d${d}`,
            values: Array.from({ length: n }, (_, i) => `v${i}`),
          }));
          const records = picks.map((p) => p.map((i) => `v${i}`));
          const table = tabulate(dimensions, records);
          expect(table.cells).toHaveLength(sizes.reduce((a, n) => a * (n + 1), 1));
          const byKey = cellsByKey(table.cells);
          expect(byKey.size).toBe(table.cells.length);
          for (const cell of table.cells) {
            const matching = records.filter((r) =>
              r.every((v, d) => cell.key[d] === TOTAL || cell.key[d] === v),
            );
            expect(cell.count).toBe(matching.length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('tabulates 100,000 records over 120 × 22 × 3 × 5 (66,792 cells with margins)', () => {
    const dimensions = [
      { name: 'month', values: Array.from({ length: 120 }, (_, i) => `m${i}`) },
      { name: 'county', values: Array.from({ length: 22 }, (_, i) => `c${i}`) },
      { name: 'kon', values: ['a', 'b', 'c'] },
      { name: 'age', values: ['0', '1', '2', '3', '4'] },
    ];
    const random = fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { numRuns: 100_000, seed: 7 });
    const records = random.map((r) => dimensions.map((d) => d.values[r % d.values.length] ?? ''));
    const table = tabulate(dimensions, records); // timed by bench/disclosure.ts
    expect(table.cells).toHaveLength(121 * 23 * 4 * 6);
    expect(table.cells.at(-1)).toEqual({ key: [TOTAL, TOTAL, TOTAL, TOTAL], count: 100_000 });
  });
});

describe('arrivalAgeGroup', () => {
  it('groups completed years at arrival, the birthday counting from its day', () => {
    expect(ARRIVAL_AGE_GROUPS).toEqual(['0-6', '7-12', '13-15', '16-17']);
    expect(arrivalAgeGroup('2010-05-10', '2010-05-10')).toBe('0-6');
    expect(arrivalAgeGroup('2010-05-10', '2017-05-09')).toBe('0-6');
    expect(arrivalAgeGroup('2010-05-10', '2017-05-10')).toBe('7-12');
    expect(arrivalAgeGroup('2010-05-10', '2023-05-09')).toBe('7-12');
    expect(arrivalAgeGroup('2010-05-10', '2023-05-10')).toBe('13-15');
    expect(arrivalAgeGroup('2010-05-10', '2026-05-10')).toBe('16-17');
    expect(arrivalAgeGroup('2010-05-10', '2028-05-09')).toBe('16-17');
    expect(arrivalAgeGroup('2008-02-29', '2026-02-28')).toBe('16-17');
  });

  it('is null at 18 and over, and for an arrival before birth', () => {
    expect(arrivalAgeGroup('2010-05-10', '2028-05-10')).toBeNull();
    expect(arrivalAgeGroup('2010-05-10', '2010-05-09')).toBeNull();
  });
});
