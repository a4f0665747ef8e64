import { describe, expect, it } from 'vitest';
import { RATE_CODES, rateOn } from '../../src/domain/compensation/rates.ts';
import { addDays } from '../../src/domain/time.ts';
import { compensationRates, parseRateTable } from '../../src/reference/compensation-rates.ts';
import { CsvError } from '../../src/reference/csv.ts';
import { ISSUE_RATES, RATES } from '../domain/compensation/fixture.ts';

const HEADER = 'ersattning,belopp,enhet,giltig_fran,giltig_till,verifierad,kalla';

describe('the compensation rates (reference-data/compensation_rates.csv)', () => {
  it('parses, every code has a rate from 1 July 2017 (education from 1 January 2018), and no two rows of one code are in force on one day', () => {
    const table = compensationRates();
    for (const code of RATE_CODES) {
      // The education amounts of 4 § förordning 2017:193 are in force from 2018 (SFS 2017:1315); older rules before.
      const first = code.startsWith('SKOLA_') ? '2018-01-01' : '2017-07-01';
      expect(rateOn(table, code, first), code).not.toBeNull();
      expect(rateOn(table, code, addDays(first, -1)), code).toBeNull();
    }
  });

  it('holds the education amounts of 4 § förordning 2017:193 (SFS 2017:1315, then SFS 2018:1971), unverified after 2019', () => {
    const table = compensationRates();
    expect(rateOn(table, 'SKOLA_GRUNDSKOLA_AR', '2018-06-01')?.amount).toBe(102_100);
    expect(rateOn(table, 'SKOLA_GYMNASIESKOLA_AR', '2018-06-01')?.amount).toBe(116_100);
    expect(rateOn(table, 'SKOLA_FORSKOLEKLASS_AR', '2018-06-01')?.amount).toBe(52_000);
    expect(rateOn(table, 'SKOLA_GRUNDSKOLA_AR', '2019-06-01')).toMatchObject({
      amount: 104_800,
      verified: true,
    });
    expect(rateOn(table, 'SKOLA_GYMNASIESKOLA_AR', '2019-06-01')?.amount).toBe(119_100);
    expect(rateOn(table, 'SKOLA_FORSKOLEKLASS_AR', '2019-06-01')?.amount).toBe(53_400);
    expect(rateOn(table, 'SKOLA_GRUNDSKOLA_AR', '2026-06-01')).toMatchObject({
      amount: 104_800,
      verified: false,
    });
  });

  it('holds the rates the issue names on every day from 2017 to 2030', () => {
    const table = compensationRates();
    for (let year = 2017; year <= 2030; year++)
      for (const day of [`${year}-01-01`, `${year}-07-01`, `${year}-12-31`])
        for (const [code] of ISSUE_RATES)
          expect(rateOn(table, code, day)?.amount, `${code} ${day}`).toBe(rateOn(RATES, code, day)?.amount);
  });

  it('marks as not verified the rates no source states: the schablons and annual rates from 2025, the 750 kr from 2024', () => {
    const table = compensationRates();
    expect(rateOn(table, 'SCHABLON_DYGN', '2024-06-01')?.verified).toBe(true);
    expect(rateOn(table, 'SCHABLON_DYGN', '2025-06-01')?.verified).toBe(false);
    expect(rateOn(table, 'UNGA_DYGN', '2023-06-01')?.verified).toBe(true);
    expect(rateOn(table, 'UNGA_DYGN', '2024-06-01')?.verified).toBe(false);
    expect(rateOn(table, 'FAST_AR', '2026-12-31')?.verified).toBe(false);
    expect(rateOn(table, 'RORLIG_AR', '2026-12-31')?.verified).toBe(false);
    for (const rows of table.values()) for (const row of rows) expect(row.source).not.toBe('');
  });

  it('says each source in Swedish for the people who read it: no research notes, no internal question numbers', () => {
    const table = compensationRates();
    for (const rows of table.values())
      for (const row of rows) expect(row.source).not.toMatch(/research|question|F\.\d|found|carried/i);
  });

  it('takes a new row without a change of code, and refuses one that overlaps, naming its line', () => {
    const shipped = `${HEADER}\nSCHABLON_DYGN,1000,kr_per_dygn,2024-01-01,2026-12-31,nej,x\n`;
    const table = parseRateTable(
      `${shipped}SCHABLON_DYGN,1100,kr_per_dygn,2027-01-01,,ja,SFS 2026:1\n`,
      'r.csv',
    );
    expect(rateOn(table, 'SCHABLON_DYGN', '2026-12-31')?.amount).toBe(1000);
    expect(rateOn(table, 'SCHABLON_DYGN', '2027-01-01')?.amount).toBe(1100);
    expect(() =>
      parseRateTable(`${shipped}SCHABLON_DYGN,1100,kr_per_dygn,2026-12-31,,ja,y\n`, 'r.csv'),
    ).toThrow(CsvError);
  });
});
