/**
 * `anvisa statistics tabulate`: a protected count table of children from a file (issue 15), for export. Opens no
 * database. Every combination of the chosen dimensions' values and their totals is a row, zeros included; a count
 * suppressed by the disclosure control is written `..`. Bad input: exit 2 with `file:line: reason`, and no output
 * file (written to a temporary file and renamed only when all is done).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { disclosureProblems, protect, type ProtectedTable } from '../domain/statistics/disclosure.ts';
import {
  ARRIVAL_AGE_GROUPS,
  arrivalAgeGroup,
  tabulate,
  type Dimension,
} from '../domain/statistics/tabulation.ts';
import { ageOn, isIsoDate } from '../domain/time.ts';
import { CsvError, parseCsv, type CsvProblem } from '../reference/csv.ts';
import { knownCountyCodes, knownMunicipalityCodes } from '../reference/load.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

const DIMENSIONS = ['lan', 'kommun', 'kon', 'aldersgrupp', 'ar'] as const;
type DimensionName = (typeof DIMENSIONS)[number];
const GENDERS = ['flicka', 'pojke'];
const HEADER = ['barn_id', 'kommunkod', 'kon', 'fodelsedatum', 'ankomstdatum'];

interface Child {
  readonly municipalityCode: string;
  readonly gender: string;
  readonly ageGroup: string;
  readonly year: string;
}

/** The --by list: known dimensions, each once, not both lan and kommun. */
function dimensionNames(by: string): DimensionName[] {
  const names = by.split(',').map((n) => n.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (!(DIMENSIONS as readonly string[]).includes(name))
      throw new UsageError(`unknown dimension "${name}" in --by (one of ${DIMENSIONS.join(', ')})`);
    if (seen.has(name)) throw new UsageError(`dimension ${name} appears twice in --by`);
    seen.add(name);
  }
  if (seen.has('lan') && seen.has('kommun'))
    throw new UsageError('--by may not hold both lan and kommun (each municipality lies in one county)');
  return names as DimensionName[];
}

/** c.csv: barn_id,kommunkod,kon,fodelsedatum,ankomstdatum — checked whole; every problem with its line. */
function readTabulationChildren(file: string, known: ReadonlySet<string>): Child[] {
  const text = readFileSync(file, 'utf8');
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  if (header !== HEADER.join(','))
    throw new CsvError(file, [{ line: 1, message: `the header is "${header}", not ${HEADER.join(',')}` }]);
  const problems: CsvProblem[] = [];
  const add = (line: number, message: string) => problems.push({ line, message });
  const lines = new Map<string, number>();
  const children: Child[] = [];
  for (const { line, cells } of parseCsv(text, file, HEADER, true)) {
    const [id = '', code = '', gender = '', birth = '', arrival = ''] = cells;
    if (id === '') add(line, 'barn_id is empty');
    else if (/["\s]/.test(id)) add(line, `barn_id "${id}" may not hold quotes or spaces`);
    else if (lines.has(id)) add(line, `barn_id ${id} appears twice (first on line ${lines.get(id)})`);
    else lines.set(id, line);
    if (!known.has(code)) add(line, `unknown kommunkod ${code}`);
    if (!GENDERS.includes(gender)) add(line, `kon "${gender}" is neither flicka nor pojke`);
    const birthOk = isIsoDate(birth);
    const arrivalOk = isIsoDate(arrival);
    if (!birthOk) add(line, `fodelsedatum "${birth}" is not a date written YYYY-MM-DD`);
    if (!arrivalOk) add(line, `ankomstdatum "${arrival}" is not a date written YYYY-MM-DD`);
    if (!birthOk || !arrivalOk) continue;
    const ageGroup = arrivalAgeGroup(birth, arrival);
    if (arrival < birth) add(line, `ankomstdatum ${arrival} is before fodelsedatum ${birth}`);
    else if (ageGroup === null)
      add(line, `the child is ${ageOn(birth, arrival)} at ankomstdatum ${arrival}, not 0–17`);
    if (ageGroup !== null)
      children.push({ municipalityCode: code, gender, ageGroup, year: arrival.slice(0, 4) });
  }
  if (problems.length > 0) throw new CsvError(file, problems);
  return children;
}

/** t.csv: one column per dimension, then antal (`..` when suppressed); header, LF, no quotes. Written atomically. */
function writeTable(file: string, table: ProtectedTable): void {
  const text = [[...table.dimensions.map((d) => d.name), 'antal'].join(',')];
  for (const cell of table.cells) text.push(`${cell.key.join(',')},${cell.count ?? '..'}`);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${text.join('\n')}\n`, 'utf8');
  renameSync(temporary, file);
}

export function statisticsCommand(args: readonly string[], out: Out): number {
  const [command, ...rest] = args;
  if (command !== 'tabulate') throw new UsageError(`unknown command: statistics ${command ?? ''}`.trim());
  const { values } = parseArgs({
    args: rest,
    options: { children: { type: 'string' }, by: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const { children: childrenFile, by, out: outFile } = values;
  if (childrenFile === undefined || by === undefined || outFile === undefined)
    throw new UsageError('statistics tabulate needs --children, --by and --out');
  const names = dimensionNames(by);

  const started = performance.now();
  const municipalities = [...knownMunicipalityCodes()].sort();
  const children = readTabulationChildren(childrenFile, new Set(municipalities));
  const years = [...new Set(children.map((c) => c.year))].sort();
  const dimension = (name: DimensionName): Dimension => {
    if (name === 'lan') return { name, values: knownCountyCodes() };
    if (name === 'kommun') return { name, values: municipalities };
    if (name === 'kon') return { name, values: GENDERS };
    if (name === 'aldersgrupp') return { name, values: ARRIVAL_AGE_GROUPS };
    return { name, values: years };
  };
  const value = (child: Child, name: DimensionName): string => {
    if (name === 'lan') return child.municipalityCode.slice(0, 2);
    if (name === 'kommun') return child.municipalityCode;
    if (name === 'kon') return child.gender;
    if (name === 'aldersgrupp') return child.ageGroup;
    return child.year;
  };
  const exact = tabulate(
    names.map(dimension),
    children.map((child) => names.map((name) => value(child, name))),
  );
  const table = protect(exact);
  // An export: the reviewer's check runs before anything is written (a failure is a fault here, not bad input).
  const problems = disclosureProblems(table, exact);
  if (problems.length > 0)
    throw new Error(`the protected table breaks the disclosure rules: ${problems.slice(0, 3).join('; ')}`);
  writeTable(outFile, table);
  const suppressed = table.cells.filter((c) => c.suppressed);
  out(
    `statistics tabulate: ${children.length} children by ${names.join(', ')}: ${table.cells.length} rows, ${suppressed.length} suppressed (${suppressed.filter((c) => c.primary).length} of them 1–4) (${(performance.now() - started).toFixed(0)} ms)`,
  );
  return 0;
}
