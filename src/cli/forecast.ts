/**
 * `anvisa forecast`: the arrivals forecast from a file of monthly counts, by the same pure functions the application
 * uses (src/domain/statistics/forecast.ts): the nation's months, and with --shares each municipality's share of them.
 * Opens no database. Bad input: exit 2 with `file:line: reason`, and no output file (written to a temporary file and
 * renamed only when all is done).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  ForecastInputError,
  forecastArrivals,
  MIN_HISTORY_MONTHS,
  municipalForecast,
  type ForecastMonth,
  type MonthCount,
} from '../domain/statistics/forecast.ts';
import { knownMunicipalityCodes } from '../reference/load.ts';
import { CsvError, parseCsv, type CsvProblem } from '../reference/csv.ts';
import { readCompensationShares } from './compensation-files.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

const MAX_MONTHS = 60;
const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

const monthIndex = (month: string) => {
  const m = MONTH.exec(month);
  return m === null ? null : Number(m[1]) * 12 + Number(m[2]) - 1;
};

/**
 * history.csv: manad,antal — consecutive months in order (YYYY-MM), counts whole numbers ≥ 0, at least `minMonths`
 * rows (36 for a forecast; one for an import of the recorded history).
 */
export function readHistory(
  file: string,
  minMonths = MIN_HISTORY_MONTHS,
): { history: MonthCount[]; lines: number[] } {
  const rows = parseCsv(readFileSync(file, 'utf8'), file, ['manad', 'antal'], true);
  const problems: CsvProblem[] = [];
  const history: MonthCount[] = [];
  const lines: number[] = [];
  let previous: { index: number; month: string } | null = null;
  for (const { line, cells } of rows) {
    const [month = '', count = ''] = cells;
    const index = monthIndex(month);
    if (index === null) problems.push({ line, message: `manad "${month}" is not a month written YYYY-MM` });
    else if (previous !== null && index !== previous.index + 1)
      problems.push({
        line,
        message: `manad ${month} does not follow ${previous.month}: the months must be consecutive, in order`,
      });
    if (!/^[0-9]+$/.test(count))
      problems.push({ line, message: `antal "${count}" is not a whole number ≥ 0` });
    if (index !== null) previous = { index, month };
    history.push({ month, count: Number(count) });
    lines.push(line);
  }
  if (problems.length === 0 && history.length < minMonths)
    problems.push({
      line: 1,
      message:
        minMonths === MIN_HISTORY_MONTHS
          ? `${history.length} months; a forecast needs at least ${MIN_HISTORY_MONTHS} consecutive months`
          : `${history.length} months; at least ${minMonths} needed`,
    });
  if (problems.length > 0) throw new CsvError(file, problems);
  return { history, lines };
}

interface Row {
  readonly code: string;
  readonly month: ForecastMonth;
}

/** forecast.csv: header, LF, no quotes, no BOM; manad,kommunkod,forvantat,p10,p90. Written atomically. */
function writeForecast(file: string, rows: readonly Row[]): void {
  const text = ['manad,kommunkod,forvantat,p10,p90'];
  for (const { code, month: m } of rows)
    text.push(`${m.month},${code},${m.expected.toFixed(2)},${m.p10.toFixed(2)},${m.p90.toFixed(2)}`);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${text.join('\n')}\n`, 'utf8');
  renameSync(temporary, file);
}

export function forecastCommand(args: readonly string[], out: Out): number {
  const { values } = parseArgs({
    args: [...args],
    options: {
      history: { type: 'string' },
      months: { type: 'string' },
      shares: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const { history: historyFile, months, shares: sharesFile, out: outFile } = values;
  if (historyFile === undefined || months === undefined || outFile === undefined)
    throw new UsageError('forecast needs --history, --months and --out');
  if (!/^[0-9]+$/.test(months) || Number(months) < 1 || Number(months) > MAX_MONTHS)
    throw new UsageError(`--months is a whole number of months from 1 to ${MAX_MONTHS}`);

  const started = performance.now();
  const { history, lines } = readHistory(historyFile);
  const shares =
    sharesFile === undefined
      ? []
      : readCompensationShares(sharesFile, knownMunicipalityCodes()).sort((a, b) =>
          a.municipalityCode < b.municipalityCode ? -1 : a.municipalityCode > b.municipalityCode ? 1 : 0,
        );
  let national: ForecastMonth[];
  try {
    national = forecastArrivals(history, Number(months));
  } catch (error) {
    // readHistory refuses all of these first; kept so that a rule added to the domain still names its line.
    if (!(error instanceof ForecastInputError)) throw error;
    const line = error.index === null ? 1 : (lines[error.index] ?? 1);
    throw new CsvError(historyFile, [{ line, message: error.message }]);
  }
  const perMunicipality = shares.map((s) => ({
    code: s.municipalityCode,
    months: municipalForecast(national, s.promille),
  }));
  const rows: Row[] = [];
  national.forEach((month, i) => {
    rows.push({ code: 'riket', month });
    for (const m of perMunicipality) {
      const share = m.months[i];
      if (share !== undefined) rows.push({ code: m.code, month: share });
    }
  });
  writeForecast(outFile, rows);
  out(
    `forecast: ${history.length} months to ${history.at(-1)?.month ?? ''}, ${national.length} months ahead (${national[0]?.month ?? ''} to ${national.at(-1)?.month ?? ''})${shares.length === 0 ? '' : `, ${shares.length} municipalities`}: ${rows.length} rows (${(performance.now() - started).toFixed(0)} ms)`,
  );
  return 0;
}
