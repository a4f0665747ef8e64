/**
 * The files of `anvisa compensation compute` (issue 14, "The command"): UTF-8, comma-separated, a header row. Every
 * file is checked whole before anything is computed; a bad one throws CsvError with each problem's line.
 */
import { readFileSync } from 'node:fs';
import {
  PLACEMENT_FORMS,
  type ChildFacts,
  type PlacementFact,
  type PlacementForm,
  type ResponsibilityFact,
} from '../domain/compensation/calculator.ts';
import type { ShareFact } from '../domain/compensation/lines.ts';
import { isIsoDate } from '../domain/time.ts';
import { CsvError, parseCsv, type CsvProblem } from '../reference/csv.ts';

interface MutableChild extends ChildFacts {
  readonly responsibility: ResponsibilityFact[];
  readonly placements: PlacementFact[];
}

/** Collects a file's problems; `check` throws them all at once. */
function problemsOf(file: string) {
  const problems: CsvProblem[] = [];
  return {
    add: (line: number, message: string) => problems.push({ line, message }),
    check: () => {
      if (problems.length > 0) throw new CsvError(file, problems);
    },
  };
}

const isForm = (form: string): form is PlacementForm => (PLACEMENT_FORMS as readonly string[]).includes(form);

/** children.csv: one row per child, keyed by barn_id. */
export function readChildren(file: string, known: ReadonlySet<string>): Map<string, MutableChild> {
  const rows = parseCsv(
    readFileSync(file, 'utf8'),
    file,
    [
      'barn_id',
      'fodelsedatum',
      'ankomstkommun',
      'ankomstdatum',
      'anvisningskommun',
      'anvisningsdatum',
      'overtagandedatum',
      'uppehallstillstand_datum',
    ],
    true,
  );
  const p = problemsOf(file);
  const children = new Map<string, MutableChild>();
  const lines = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [
      id = '',
      birth = '',
      arrivalCode = '',
      arrivalDate = '',
      code = '',
      anvisning = '',
      takeOver = '',
      permit = '',
    ] = cells;
    if (id === '') p.add(line, 'barn_id is empty');
    else if (/["\s]/.test(id)) p.add(line, `barn_id "${id}" may not hold quotes or spaces`);
    else if (lines.has(id)) p.add(line, `barn_id ${id} appears twice (first on line ${lines.get(id)})`);
    const date = (column: string, value: string, required: boolean) => {
      if (value === '' ? required : !isIsoDate(value))
        p.add(line, `${column} "${value}" is not a date written YYYY-MM-DD`);
    };
    date('fodelsedatum', birth, true);
    if ((arrivalCode === '') !== (arrivalDate === ''))
      p.add(line, 'ankomstkommun and ankomstdatum are given together or not at all');
    if (arrivalCode !== '' && !known.has(arrivalCode))
      p.add(line, `unknown kommunkod ${arrivalCode} in ankomstkommun`);
    date('ankomstdatum', arrivalDate, false);
    if (!known.has(code)) p.add(line, `unknown kommunkod ${code} in anvisningskommun`);
    date('anvisningsdatum', anvisning, true);
    date('overtagandedatum', takeOver, false);
    date('uppehallstillstand_datum', permit, false);
    if (lines.has(id)) continue;
    lines.set(id, line);
    children.set(id, {
      childId: id,
      birthDate: birth,
      arrival: arrivalCode === '' ? null : { municipalityCode: arrivalCode, date: arrivalDate },
      assignedMunicipalityCode: code,
      anvisningDate: anvisning,
      takeOverDate: takeOver === '' ? null : takeOver,
      permitDate: permit === '' ? null : permit,
      responsibility: [],
      placements: [],
    });
  }
  p.check();
  return children;
}

interface Period {
  readonly from: string;
  readonly to: string | null;
}

/** The period's columns checked: `fran` a date, `till` empty or a date after it. */
function period(add: (message: string) => void, from: string, to: string): Period {
  if (!isIsoDate(from)) add(`fran "${from}" is not a date written YYYY-MM-DD`);
  if (to !== '' && !isIsoDate(to)) add(`till "${to}" is not a date written YYYY-MM-DD`);
  else if (to !== '' && isIsoDate(from) && to <= from) add(`till ${to} is not after fran ${from}`);
  return { from, to: to === '' ? null : to };
}

/** Per child, periods that overlap another of the same file: named on the later one's line. */
function overlaps(
  periods: Map<string, (Period & { line: number })[]>,
  what: string,
  add: (line: number, m: string) => void,
) {
  for (const [id, list] of periods) {
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line));
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1];
      const current = list[i];
      if (before === undefined || current === undefined) continue;
      if (before.to === null || before.to > current.from)
        add(current.line, `the ${what} overlaps the one on line ${before.line} for barn_id ${id}`);
    }
  }
}

/** responsibility.csv: barn_id,kommunkod,fran,till — added to the children. */
export function readResponsibility(
  file: string,
  children: Map<string, MutableChild>,
  known: ReadonlySet<string>,
): void {
  const rows = parseCsv(readFileSync(file, 'utf8'), file, ['barn_id', 'kommunkod', 'fran', 'till'], true);
  const p = problemsOf(file);
  const periods = new Map<string, (Period & { line: number })[]>();
  for (const { line, cells } of rows) {
    const [id = '', code = '', from = '', to = ''] = cells;
    const add = (message: string) => p.add(line, message);
    const child = children.get(id);
    if (child === undefined) add(`unknown barn_id ${id}`);
    if (!known.has(code)) add(`unknown kommunkod ${code}`);
    const span = period(add, from, to);
    if (child === undefined) continue;
    child.responsibility.push({ municipalityCode: code, ...span });
    const list = periods.get(id) ?? [];
    list.push({ ...span, line });
    periods.set(id, list);
  }
  overlaps(periods, 'responsibility period', p.add);
  p.check();
}

/** placements.csv: barn_id,kommunkod,fran,till,form,lvu,dygnskostnad — added to the children. */
export function readPlacements(
  file: string,
  children: Map<string, MutableChild>,
  known: ReadonlySet<string>,
): void {
  const rows = parseCsv(
    readFileSync(file, 'utf8'),
    file,
    ['barn_id', 'kommunkod', 'fran', 'till', 'form', 'lvu', 'dygnskostnad'],
    true,
  );
  const p = problemsOf(file);
  const periods = new Map<string, (Period & { line: number })[]>();
  for (const { line, cells } of rows) {
    const [id = '', code = '', from = '', to = '', form = '', lvu = '', cost = ''] = cells;
    const add = (message: string) => p.add(line, message);
    const child = children.get(id);
    if (child === undefined) add(`unknown barn_id ${id}`);
    if (!known.has(code)) add(`unknown kommunkod ${code}`);
    const span = period(add, from, to);
    if (!isForm(form)) add(`unknown form "${form}" (one of ${PLACEMENT_FORMS.join(', ')})`);
    if (lvu !== 'ja' && lvu !== 'nej') add(`lvu "${lvu}" is neither ja nor nej`);
    if (cost !== '' && !/^[0-9]+$/.test(cost)) add(`dygnskostnad "${cost}" is not whole kronor`);
    else if (cost === '' && lvu === 'ja') add('lvu=ja needs a dygnskostnad');
    if (child === undefined || !isForm(form)) continue;
    child.placements.push({
      municipalityCode: code,
      ...span,
      form,
      lvu: lvu === 'ja',
      dailyCost: cost === '' ? null : Number(cost),
    });
    const list = periods.get(id) ?? [];
    list.push({ ...span, line });
    periods.set(id, list);
  }
  overlaps(periods, 'placement', p.add);
  p.check();
}

/** shares.csv: kommunkod,promille (decimals allowed), each municipality once. */
export function readCompensationShares(file: string, known: ReadonlySet<string>): ShareFact[] {
  const rows = parseCsv(readFileSync(file, 'utf8'), file, ['kommunkod', 'promille'], true);
  const p = problemsOf(file);
  const seen = new Set<string>();
  const shares = rows.map(({ line, cells: [code = '', promille = ''] }) => {
    if (!known.has(code)) p.add(line, `unknown kommunkod ${code}`);
    else if (seen.has(code)) p.add(line, `kommunkod ${code} appears twice`);
    seen.add(code);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(promille)) p.add(line, `promille "${promille}" is not a number ≥ 0`);
    return { municipalityCode: code, promille: Number(promille) };
  });
  p.check();
  return shares;
}
