/**
 * The published history of unaccompanied children's arrivals and of the Migration Agency's forecasts (reference-data,
 * see its README and ADR 0039): the yearly outcomes and past forecasts the forecast-accuracy view sets side by side.
 * A malformed row is an error naming its line, never a figure made up here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from '../domain/time.ts';
import { CsvError, parseCsv, type CsvProblem } from './csv.ts';
import { REFERENCE_DIR } from './load.ts';

const OUTCOMES = 'ekb_arrivals_per_year.csv';
const FORECASTS = 'ekb_forecasts_history.csv';
const read = (name: string) => readFileSync(join(REFERENCE_DIR, name), 'utf8');
const whole = (value: string) => (/^[0-9]+$/u.test(value) ? Number(value) : null);

/** Year → the number of unaccompanied children who applied for asylum that year. */
export function yearlyOutcomes(): [year: number, count: number][] {
  const problems: CsvProblem[] = [];
  const result: [number, number][] = [];
  for (const { line, cells } of parseCsv(read(OUTCOMES), OUTCOMES, ['ar', 'antal'])) {
    const [year = '', count = ''] = cells;
    const y = whole(year);
    const n = whole(count);
    if (y === null || n === null)
      problems.push({ line, message: `"${year}", "${count}" is not a year and a count` });
    else result.push([y, n]);
  }
  if (problems.length > 0) throw new CsvError(OUTCOMES, problems);
  return result;
}

export interface PublishedForecast {
  readonly year: number;
  readonly publishedOn: string;
  readonly forecast: number;
  readonly source: string;
}

/** The Agency's past forecasts, as published (the first of the month where only the month is known). */
export function forecastHistory(): PublishedForecast[] {
  const problems: CsvProblem[] = [];
  const result: PublishedForecast[] = [];
  for (const { line, cells } of parseCsv(read(FORECASTS), FORECASTS, [
    'ar',
    'publicerad',
    'prognos',
    'kalla',
  ])) {
    const [year = '', publishedOn = '', forecast = '', source = ''] = cells;
    const y = whole(year);
    const n = whole(forecast);
    if (y === null || n === null || !isIsoDate(publishedOn) || source === '')
      problems.push({ line, message: 'a year, a publication day, a whole forecast and a source are needed' });
    else result.push({ year: y, publishedOn, forecast: n, source });
  }
  if (problems.length > 0) throw new CsvError(FORECASTS, problems);
  return result;
}
