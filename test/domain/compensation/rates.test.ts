import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRateTable, rateOn, type RateCells } from '../../../src/domain/compensation/rates.ts';
import { RATES } from './fixture.ts';

const row = (line: number, overrides: Partial<RateCells> = {}): RateCells => ({
  line,
  code: 'SCHABLON_DYGN',
  amount: '1350',
  unit: 'kr_per_dygn',
  validFrom: '2017-07-01',
  validTo: '2023-12-31',
  verified: 'ja',
  source: 'Migrationsverket 2023-12-27',
  ...overrides,
});

describe('the rate table', () => {
  it('answers the rate in force on a day, both ends of a row included', () => {
    expect(rateOn(RATES, 'SCHABLON_DYGN', '2023-12-31')?.amount).toBe(1_350);
    expect(rateOn(RATES, 'SCHABLON_DYGN', '2024-01-01')?.amount).toBe(1_000);
    expect(rateOn(RATES, 'SCHABLON_DYGN', '2017-07-01')?.amount).toBe(1_350);
    expect(rateOn(RATES, 'SCHABLON_DYGN', '2017-06-30')).toBeNull();
    expect(rateOn(RATES, 'UNGA_DYGN', '2031-01-01')?.amount).toBe(750);
  });

  it('refuses overlapping periods of one code, naming the later line', () => {
    const { problems } = buildRateTable([
      row(2),
      row(3, { amount: '1000', validFrom: '2023-12-31', validTo: '' }),
    ]);
    expect(problems).toEqual([
      {
        line: 3,
        message: 'SCHABLON_DYGN from 2023-12-31 overlaps the row of line 2 (2017-07-01 to 2023-12-31)',
      },
    ]);
    const open = buildRateTable([row(2, { validTo: '' }), row(3, { validFrom: '2030-01-01', validTo: '' })]);
    expect(open.problems.map((p) => p.line)).toEqual([3]);
  });

  it('refuses an unknown code, a wrong unit, an amount that is not whole kronor, an impossible date, a row ending before it begins, no source', () => {
    const { problems } = buildRateTable([
      row(2, { code: 'SCHABLON' }),
      row(3, { unit: 'kr_per_ar' }),
      row(4, { amount: '1350.50' }),
      row(5, { validFrom: '2023-02-30' }),
      row(6, { validTo: '2017-06-30' }),
      row(7, { verified: 'kanske' }),
      row(8, { source: ' ' }),
    ]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('changes nothing before a row added for a future date (the open row closed the day before)', () => {
    const days = fc
      .integer({ min: Date.UTC(2017, 6, 1), max: Date.UTC(2040, 0, 1) })
      .map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, days, fc.nat(5_000), (newFrom, day, amount) => {
        fc.pre(newFrom > '2024-01-01');
        const previousDay = new Date(Date.parse(`${newFrom}T00:00:00Z`) - 86_400_000)
          .toISOString()
          .slice(0, 10);
        const { table, problems } = buildRateTable([
          row(2),
          row(3, { amount: '1000', validFrom: '2024-01-01', validTo: previousDay }),
          row(4, { amount: String(amount), validFrom: newFrom, validTo: '' }),
        ]);
        expect(problems).toEqual([]);
        if (day < newFrom)
          expect(rateOn(table, 'SCHABLON_DYGN', day)?.amount).toBe(
            rateOn(RATES, 'SCHABLON_DYGN', day)?.amount,
          );
        else expect(rateOn(table, 'SCHABLON_DYGN', day)?.amount).toBe(amount);
      }),
    );
  });
});
