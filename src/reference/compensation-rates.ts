/**
 * The state compensation's rates from reference-data/compensation_rates.csv (see its README): read and checked once;
 * a row that does not parse, or two rows of one code in force on the same day, is an error, never a guess.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRateTable, type RateTable } from '../domain/compensation/rates.ts';
import { CsvError, parseCsv } from './csv.ts';
import { REFERENCE_DIR } from './load.ts';

const RATES_FILE = 'compensation_rates.csv';
let rates: RateTable | undefined;

/** Parses a rate table's text (the shipped file's format); throws CsvError naming each bad line. */
export function parseRateTable(text: string, file: string): RateTable {
  const rows = parseCsv(text, file, [
    'ersattning',
    'belopp',
    'enhet',
    'giltig_fran',
    'giltig_till',
    'verifierad',
    'kalla',
  ]).map(
    ({
      line,
      cells: [code = '', amount = '', unit = '', validFrom = '', validTo = '', verified = '', source = ''],
    }) => ({
      line,
      code,
      amount,
      unit,
      validFrom,
      validTo,
      verified,
      source,
    }),
  );
  const { table, problems } = buildRateTable(rows);
  if (problems.length > 0) throw new CsvError(file, problems);
  return table;
}

/** The shipped rate table. */
export function compensationRates(): RateTable {
  rates ??= parseRateTable(readFileSync(join(REFERENCE_DIR, RATES_FILE), 'utf8'), RATES_FILE);
  return rates;
}
