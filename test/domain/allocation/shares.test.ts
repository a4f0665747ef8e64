import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTransfers,
  populationShares,
  proposeShares,
  validateShares,
  type ProposalInput,
} from '../../../src/domain/allocation/shares.ts';

const known = new Set(['0114', '0115', '1280', '1281']);
const row = (line: number, code: string, value: string) => ({ line, code, value });

describe('validating decided shares', () => {
  it('accepts known codes with whole numbers ≥ 0 summing to 1000, zeros included', () => {
    const { shares, problems } = validateShares(
      [row(2, '0114', '400'), row(3, '0115', '0'), row(4, '1280', '500'), row(5, '1281', '100')],
      known,
      { requireAll: true },
    );
    expect(problems).toEqual([]);
    expect(shares.get('0115')).toBe(0);
  });
  it('lists every problem with its line', () => {
    const { problems } = validateShares(
      [row(2, '9999', '10'), row(3, '0114', '-1'), row(4, '0114', '2.5'), row(5, '12', '1')],
      known,
      { requireAll: true },
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 4, 5]);
    expect(problems[0]?.message).toBe('unknown kommunkod 9999');
  });
  it('refuses a sum other than 1000 and, for decided shares, missing municipalities', () => {
    const rows = [row(2, '0114', '400'), row(3, '1280', '500')];
    expect(validateShares(rows, known, { requireAll: true }).problems.map((p) => p.message)).toEqual([
      '2 municipalities are missing, e.g. 0115, 1281',
      'the shares sum to 900, not 1000',
    ]);
    expect(validateShares([...rows, row(4, '1281', '100')], known, { requireAll: false }).problems).toEqual(
      [],
    );
  });
});

const input = (code: string, population: number, extra: Partial<ProposalInput> = {}): ProposalInput => ({
  code,
  population,
  newlyArrived: 0,
  unaccompanied: 0,
  asylumDays: 0,
  arrivalDays: 0,
  ...extra,
});

describe('the default share proposal', () => {
  it('gives population shares when nobody received anyone, with every share at least 1 ‰', () => {
    const p = proposeShares([input('0001', 900_000), input('0002', 99_500), input('0003', 500)], 1000);
    expect(p.shares.map((s) => s.share)).toEqual([900, 99, 1]);
    expect(p.shares[2]?.explanation.adjustment).toBe('raised to 1');
  });
  it('lowers the share of a municipality that already received more than its population share', () => {
    const p = proposeShares(
      [input('0001', 500_000, { newlyArrived: 400, asylumDays: 36_500 }), input('0002', 500_000)],
      1000,
    );
    const [a, b] = p.shares;
    expect(a?.explanation.priorReception).toBe('500.0000');
    expect(p.total).toBe('1500.0000');
    expect(a?.explanation.raw).toBe('250.0000');
    expect([a?.share, b?.share]).toEqual([250, 750]);
  });
  it('weights are configuration', () => {
    const heavy = proposeShares(
      [input('0001', 500_000, { newlyArrived: 200 }), input('0002', 500_000)],
      1000,
      {
        newlyArrived: 2000,
        unaccompanied: 1000,
        asylumDays: 1000,
        arrivalDays: 1000,
      },
    );
    expect(heavy.shares[0]?.explanation.priorReception).toBe('400.0000');
  });
  it('always sums to exactly 1000 with every share ≥ 1, and is deterministic (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            population: fc.integer({ min: 0, max: 1_000_000 }),
            ny: fc.nat(3000),
            ekb: fc.nat(300),
            days: fc.nat(200_000),
          }),
          { minLength: 1, maxLength: 290 },
        ),
        fc.nat(50_000),
        (rows, forecast) => {
          const inputs = rows.map((r, i) =>
            input(String(1000 + i), r.population + 1, {
              newlyArrived: r.ny,
              unaccompanied: r.ekb,
              asylumDays: r.days,
            }),
          );
          const p = proposeShares(inputs, forecast);
          expect(p.shares.reduce((a, s) => a + s.share, 0)).toBe(1000);
          expect(Math.min(...p.shares.map((s) => s.share))).toBeGreaterThanOrEqual(1);
          expect(proposeShares(inputs, forecast)).toEqual(p);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('gives 2024 population shares summing to 1000', () => {
    const shares = populationShares([
      { code: '0180', population: 988_943 },
      { code: '1280', population: 362_133 },
      { code: '2583', population: 2_000 },
    ]);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('transfers within a county', () => {
  const shares = new Map([
    ['1280', 40],
    ['1281', 12],
    ['0180', 100],
  ]);
  it('moves per mille between municipalities of one county, keeping the county total', () => {
    const { shares: next, problems } = applyTransfers(shares, [
      { fromCode: '1281', toCode: '1280', promille: 12 },
    ]);
    expect(problems).toEqual([]);
    expect([next.get('1280'), next.get('1281')]).toEqual([52, 0]);
  });
  it('refuses transfers across counties or beyond the share', () => {
    const { problems } = applyTransfers(shares, [
      { fromCode: '1281', toCode: '0180', promille: 1 },
      { fromCode: '1281', toCode: '1280', promille: 13 },
    ]);
    expect(problems).toEqual([
      '1281 and 0180 are not in the same county',
      '1281 has 12 ‰ and cannot hand over 13',
    ]);
  });
});
