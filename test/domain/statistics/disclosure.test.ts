import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disclosureProblems,
  MIN_PUBLISHED,
  protect,
  type ProtectedCell,
  type ProtectedTable,
} from '../../../src/domain/statistics/disclosure.ts';
import {
  cellKey,
  cellsByKey,
  tabulate,
  TOTAL,
  type CountTable,
  type Dimension,
} from '../../../src/domain/statistics/tabulation.ts';

/** A table from inner counts: `spec` maps each inner key (values joined by '/') to its count. */
function table(dimensions: readonly Dimension[], spec: Record<string, number>): CountTable {
  const records = Object.entries(spec).flatMap(([key, n]) => Array.from({ length: n }, () => key.split('/')));
  return tabulate(dimensions, records);
}

/** The protected table as `key=count` words, `..` for a suppressed cell and `*` after a primary one. */
const pattern = (p: ProtectedTable) =>
  p.cells.map((c) => `${c.key.join('/')}=${c.count ?? '..'}${c.primary ? '*' : ''}`).join(' ');

/** The table with the cells whose keys are given published at their exact counts (a deliberately broken pattern). */
function publish(p: ProtectedTable, exact: CountTable, ...keys: string[]): ProtectedTable {
  const counts = cellsByKey(exact.cells);
  return {
    dimensions: p.dimensions,
    cells: p.cells.map((c) =>
      keys.includes(c.key.join('/'))
        ? { ...c, suppressed: false, primary: false, count: counts.get(cellKey(c.key))?.count ?? 0 }
        : c,
    ),
  };
}

const X: Dimension = { name: 'x', values: ['a', 'b', 'c', 'd'] };
const R: Dimension = { name: 'r', values: ['r1', 'r2'] };
const C: Dimension = { name: 'c', values: ['c1', 'c2'] };

describe('protect: hand-made tables', () => {
  it('suppresses a 3 and its smallest non-zero sibling; zeros and the total stay', () => {
    const t = table([X], { a: 3, b: 10, c: 20 });
    expect(pattern(protect(t))).toBe('a=..* b=.. c=20 d=0 total=33');
  });

  it('parts 1 + 1 under a published total need more: the suppressed parts must sum to at least their number + 4', () => {
    expect(pattern(protect(table([X], { a: 1, b: 1, c: 10 })))).toBe('a=..* b=..* c=.. d=0 total=12');
    expect(pattern(protect(table([X], { a: 1, b: 1, c: 1, d: 7 })))).toBe('a=..* b=..* c=..* d=.. total=10');
    // 3 + 8 = 11 ≥ 2 + 4: the 8 is enough; the zeros are shown
    expect(pattern(protect(table([X], { a: 3, c: 8 })))).toBe('a=..* b=0 c=.. d=0 total=11');
  });

  it('never suppresses a zero: a lone small count and its small total are both primary', () => {
    expect(pattern(protect(table([X], { a: 3 })))).toBe('a=..* b=0 c=0 d=0 total=..*');
    expect(pattern(protect(table([X], {})))).toBe('a=0 b=0 c=0 d=0 total=0');
    expect(pattern(protect(table([X], { a: 5, b: 7 })))).toBe('a=5 b=7 c=0 d=0 total=12');
  });

  it('2-D: a relation whose single non-zero part is suppressed gets its total suppressed too', () => {
    // r1/c1 = 3 (primary) needs a partner in its row (r1/c2 = 20, the only one) and its column (r2/c1 = 6, the only
    // one, or the column total); column c2's single non-zero part is then r1/c2, so its total goes too.
    const t = table([R, C], { 'r1/c1': 3, 'r1/c2': 20, 'r2/c1': 6 });
    const p = protect(t);
    expect(pattern(p)).toBe(
      'r1/c1=..* r1/c2=.. r1/total=23 r2/c1=6 r2/c2=0 r2/total=6 total/c1=.. total/c2=.. total/total=29',
    );
    expect(disclosureProblems(p, t)).toEqual([]);
  });

  it('3-D: one small inner cell among tens takes the whole inner cube with it, and every margin is shown', () => {
    const spec: Record<string, number> = {};
    for (const a of ['a1', 'a2'])
      for (const b of ['b1', 'b2']) for (const c of ['c1', 'c2']) spec[`${a}/${b}/${c}`] = 10;
    spec['a1/b1/c1'] = 2;
    const t = table(
      [
        { name: 'a', values: ['a1', 'a2'] },
        { name: 'b', values: ['b1', 'b2'] },
        { name: 'c', values: ['c1', 'c2'] },
      ],
      spec,
    );
    const p = protect(t);
    const hidden = p.cells.filter((c) => c.suppressed).map((c) => c.key.join('/'));
    expect(hidden).toEqual(Object.keys(spec).sort());
    expect(p.cells.find((c) => c.key.every((v) => v === TOTAL))?.count).toBe(72);
    expect(disclosureProblems(p, t)).toEqual([]);
  });

  it('refuses a table that is not complete and additive', () => {
    const t = table([X], { a: 5 });
    expect(() => protect({ ...t, cells: t.cells.slice(1) })).toThrow('cell (x=a) is missing');
    expect(() =>
      protect({ ...t, cells: t.cells.map((c) => (c.key[0] === 'b' ? { ...c, count: 1 } : c)) }),
    ).toThrow('x over the whole table: the parts sum to 6, the total is 5');
  });
});

describe('disclosureProblems', () => {
  const t = table([X], { a: 3, b: 10, c: 20 });
  const p = protect(t);

  it('is [] for the protected table, with or without the exact one', () => {
    expect(disclosureProblems(p)).toEqual([]);
    expect(disclosureProblems(p, t)).toEqual([]);
  });

  it('names a relation with exactly one suppressed member, and suppressed parts that are too small', () => {
    expect(disclosureProblems(publish(p, t, 'b'))).toEqual([
      'x over the whole table: exactly one suppressed member, (x=a)',
      'x over the whole table: the 1 suppressed parts sum to 3 (total less published parts), under 5',
    ]);
    const ones = table([X], { a: 1, b: 1, c: 10 });
    expect(disclosureProblems(publish(protect(ones), ones, 'c'))).toEqual([
      'x over the whole table: the 2 suppressed parts sum to 2 (total less published parts), under 6',
    ]);
  });

  it('names a published count of 1–4 and a primary cell published', () => {
    const shown: ProtectedTable = {
      ...p,
      cells: p.cells.map((c) => (c.key[0] === 'a' ? { ...c, suppressed: false, count: 3 } : c)),
    };
    expect(disclosureProblems(shown)).toEqual([
      'cell (x=a): primary but published',
      `cell (x=a): the count 3 (1–${MIN_PUBLISHED - 1}) is published`,
      'x over the whole table: exactly one suppressed member, (x=b)', // b = 10: no sum problem
    ]);
  });

  it('against the exact table: a published count that differs, a suppressed zero, a wrong primary mark (a missing one is no problem)', () => {
    const changed: ProtectedTable = {
      ...p,
      cells: p.cells.map((c): ProtectedCell => {
        if (c.key[0] === 'c') return { ...c, count: 21 };
        if (c.key[0] === 'd') return { ...c, count: null, suppressed: true };
        if (c.key[0] === TOTAL) return { ...c, count: 34 };
        if (c.key[0] === 'b') return { ...c, primary: true };
        return c;
      }),
    };
    expect(disclosureProblems(changed, t)).toEqual([
      'cell (x=b): marked primary, but the exact count is 10',
      'cell (x=c): published 21, the exact count is 20',
      'cell (x=d): a zero is suppressed',
      'cell (x=total): published 34, the exact count is 33',
    ]);
    const unmarked = { ...p, cells: p.cells.map((c) => ({ ...c, primary: false })) };
    expect(disclosureProblems(unmarked, t)).toEqual([]);
    expect(disclosureProblems({ ...p, dimensions: [R] }, t)).toEqual([
      'cell (a) is not a combination of the dimensions',
      'cell (b) is not a combination of the dimensions',
      'cell (c) is not a combination of the dimensions',
      'cell (d) is not a combination of the dimensions',
    ]);
  });
});

/** Inner counts: mostly zeros, many 1–4s, some larger. */
const countArbitrary = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 40 }) },
);

const tableArbitrary = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 })
  .filter((sizes) => sizes.reduce((a, n) => a * n, 1) <= 400)
  .chain((sizes) => {
    const inner = sizes.reduce((a, n) => a * n, 1);
    return fc.array(countArbitrary, { minLength: inner, maxLength: inner }).map((counts) => {
      const dimensions = sizes.map((n, d) => ({
        name: `d${d}`,
        values: Array.from({ length: n }, (_, i) => `v${i}`),
      }));
      const records: string[][] = [];
      counts.forEach((count, flat) => {
        let rest = flat;
        const key = new Array<string>(sizes.length);
        for (let d = sizes.length - 1; d >= 0; d--) {
          const n = sizes[d] ?? 1;
          key[d] = `v${rest % n}`;
          rest = Math.floor(rest / n);
        }
        for (let i = 0; i < count; i++) records.push(key);
      });
      return tabulate(dimensions, records);
    });
  });

/**
 * The rules checked independently of disclosure.ts, by keys: every additive relation (a cell with TOTAL in dimension
 * d, and the cells that put one of d's values there) has 0 or ≥ 2 suppressed members, and under a published total the
 * suppressed parts sum (exactly) to at least their number + 4. Returns the violations found.
 */
function independentViolations(p: ProtectedTable, exact: CountTable): string[] {
  const exactBy = cellsByKey(exact.cells);
  const protectedBy = cellsByKey(p.cells);
  const found: string[] = [];
  for (const total of p.cells) {
    p.dimensions.forEach((dimension, d) => {
      if (total.key[d] !== TOTAL) return;
      const parts = dimension.values.map((v) => cellKey(total.key.map((x, i) => (i === d ? v : x))));
      const hidden = parts.filter((k) => protectedBy.get(k)?.suppressed === true);
      const members = hidden.length + (total.suppressed ? 1 : 0);
      if (members === 1) found.push(`one suppressed member: ${total.key.join('/')} along ${dimension.name}`);
      const sum = hidden.reduce((s, k) => s + (exactBy.get(k)?.count ?? 0), 0);
      if (!total.suppressed && hidden.length > 0 && sum < hidden.length + 4)
        found.push(`suppressed parts sum ${sum}: ${total.key.join('/')} along ${dimension.name}`);
    });
  }
  return found;
}

describe('protect: properties on random tables', () => {
  it('satisfies every rule, publishes exact counts, no 1–4 and hides no zero; deterministic', () => {
    fc.assert(
      fc.property(tableArbitrary, (t) => {
        const p = protect(t);
        expect(disclosureProblems(p, t)).toEqual([]);
        expect(independentViolations(p, t)).toEqual([]);
        t.cells.forEach((exact, i) => {
          const cell = p.cells[i];
          expect(cell?.key).toEqual(exact.key);
          if (cell?.suppressed === true) expect(exact.count).toBeGreaterThan(0);
          else expect(cell?.count).toBe(exact.count);
          if (exact.count >= 1 && exact.count <= 4) expect(cell?.suppressed).toBe(true);
          expect(cell?.primary).toBe(exact.count >= 1 && exact.count <= 4);
        });
        expect(protect(t)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('the check catches a broken pattern: a primary cell published, or one member of a pair of suppressions', () => {
    fc.assert(
      fc.property(tableArbitrary, fc.nat(), (t, pick) => {
        const p = protect(t);
        const primaries = p.cells.filter((c) => c.primary);
        if (primaries.length > 0) {
          const cell = primaries[pick % primaries.length];
          const broken = publish(p, t, cell?.key.join('/') ?? '');
          expect(disclosureProblems(broken).some((m) => m.includes('is published'))).toBe(true);
        }
        // A relation with exactly two suppressed members: publishing either leaves exactly one.
        const byKey = cellsByKey(p.cells);
        for (const total of p.cells)
          for (const [d, dimension] of p.dimensions.entries()) {
            if (total.key[d] !== TOTAL) continue;
            const members = [
              total,
              ...dimension.values.map((v) => byKey.get(cellKey(total.key.map((x, i) => (i === d ? v : x))))),
            ].filter((c) => c?.suppressed === true);
            if (members.length !== 2) continue;
            const broken = publish(p, t, members[pick % 2]?.key.join('/') ?? '');
            expect(disclosureProblems(broken).some((m) => m.includes('exactly one suppressed member'))).toBe(
              true,
            );
            expect(independentViolations(broken, t).length).toBeGreaterThan(0);
            return;
          }
      }),
      { numRuns: 200 },
    );
  });

  it('protects a realistic table: 100,000 random records over 120 × 22 × 3 × 5, all margins', () => {
    const dimensions = [
      { name: 'manad', values: Array.from({ length: 120 }, (_, i) => `m${i}`) },
      { name: 'lan', values: Array.from({ length: 22 }, (_, i) => `c${i}`) },
      { name: 'kon', values: ['flicka', 'pojke', 'annat'] },
      { name: 'alder', values: ['0-6', '7-12', '13-15', '16-17', '18+'] },
    ];
    // Skewed like real arrivals: most in a few counties and ages, few in others, many cells empty or small.
    const random = fc.sample(fc.tuple(fc.nat(119), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(99)), {
      numRuns: 100_000,
      seed: 15,
    });
    const records = random.map(([month, county, r]) => [
      `m${month}`,
      `c${Math.min(21, Math.floor(county * county * 22))}`,
      r < 70 ? 'pojke' : r < 98 ? 'flicka' : 'annat',
      ['16-17', '13-15', '7-12', '0-6', '18+'][r % 7 < 4 ? 0 : r % 7 < 6 ? 1 : (r % 3) + 2] ?? '',
    ]);
    const t = tabulate(dimensions, records);
    const p = protect(t); // timed by bench/disclosure.ts; the test's 5 s timeout bounds it here
    expect(t.cells).toHaveLength(121 * 23 * 4 * 6);
    expect(disclosureProblems(p, t)).toEqual([]);
    expect(p.cells.some((c) => c.primary)).toBe(true);
    expect(p.cells.some((c) => c.suppressed && !c.primary)).toBe(true);
  });
});
