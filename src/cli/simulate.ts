/**
 * `anvisa simulate`: a pure run of the domain rule over CSV files (or a generated 2015-like year). It opens no
 * database and takes no lock, so it runs beside a running server. Bad input: exit 2 with file:line and reason, and
 * no output file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { RULES, type Opening, type Rule } from '../domain/allocation/allocator.ts';
import { scenario2015 } from '../domain/allocation/scenario-2015.ts';
import { populationShares, validateShares } from '../domain/allocation/shares.ts';
import { simulate, type Arrival, type SimulationResult } from '../domain/allocation/simulate.ts';
import { isIsoDate } from '../domain/time.ts';
import { UsageError } from './usage-error.ts';
import { CsvError, parseCsv, type CsvProblem } from '../reference/csv.ts';
import { knownMunicipalityCodes, municipalityPopulations } from '../reference/load.ts';

type Out = (line: string) => void;

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export function readShares(file: string, known: ReadonlySet<string>): Map<string, number> {
  const rows = parseCsv(read(file), file, ['kommunkod', 'promille']).map(
    ({ line, cells: [code = '', value = ''] }) => ({ line, code, value }),
  );
  const { shares, problems } = validateShares(rows, known, { requireAll: false });
  if (problems.length > 0) throw new CsvError(file, problems);
  return shares;
}

export function readArrivals(file: string, known: ReadonlySet<string>): Arrival[] {
  const rows = parseCsv(read(file), file, ['barn_id', 'datum', 'anknytning_kommunkod', 'syskongrupp']);
  const problems: CsvProblem[] = [];
  const ids = new Set<string>();
  let previousDate = '';
  const arrivals = rows.map(({ line, cells: [id = '', date = '', relative = '', group = ''] }) => {
    if (id === '') problems.push({ line, message: 'barn_id is empty' });
    else if (/["\s]/.test(id))
      problems.push({ line, message: `barn_id "${id}" may not hold quotes or spaces` });
    else if (ids.has(id)) problems.push({ line, message: `barn_id ${id} appears twice` });
    ids.add(id);
    if (!isIsoDate(date))
      problems.push({ line, message: `datum "${date}" is not a date written YYYY-MM-DD` });
    else if (date < previousDate)
      problems.push({
        line,
        message: `datum ${date} is earlier than the row before (${previousDate}); rows must be in order`,
      });
    else previousDate = date;
    if (relative !== '' && !known.has(relative))
      problems.push({ line, message: `unknown kommunkod ${relative} in anknytning_kommunkod` });
    return {
      childId: id,
      date,
      relativeCode: relative === '' ? null : relative,
      siblingGroup: group === '' ? null : group,
    };
  });
  if (problems.length > 0) throw new CsvError(file, problems);
  return arrivals;
}

export function readOpening(file: string, known: ReadonlySet<string>): Opening[] {
  const rows = parseCsv(read(file), file, ['kommunkod', 'mottagna', 'forvantat_tusendelar']);
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  const opening = rows.map(({ line, cells: [code = '', received = '', expected = ''] }) => {
    if (!known.has(code)) problems.push({ line, message: `unknown kommunkod ${code}` });
    else if (seen.has(code)) problems.push({ line, message: `kommunkod ${code} appears twice` });
    seen.add(code);
    if (!/^[0-9]+$/.test(received))
      problems.push({ line, message: `mottagna "${received}" is not a whole number ≥ 0` });
    if (!/^[0-9]+$/.test(expected))
      problems.push({ line, message: `forvantat_tusendelar "${expected}" is not a whole number ≥ 0` });
    return { code, received: Number(received), expectedThousandths: Number(expected) };
  });
  if (problems.length > 0) throw new CsvError(file, problems);
  return opening;
}

/** decisions.csv: header, LF, no quotes, no BOM, four-digit codes, exactly three columns. Written atomically. */
export function writeDecisions(file: string, result: SimulationResult): void {
  const lines = ['barn_id,kommunkod,typ', ...result.decisions.map((d) => `${d.childId},${d.code},${d.type}`)];
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${lines.join('\n')}\n`, 'utf8');
  renameSync(temporary, file);
}

function run(
  arrivals: readonly Arrival[],
  shares: Map<string, number>,
  rule: Rule,
  opening: readonly Opening[],
  known: ReadonlySet<string>,
) {
  const started = performance.now();
  const result = simulate(arrivals, {
    codes: [...known],
    shares: [{ validFrom: '0000-01-01', vector: { shares } }],
    opening,
    rule,
  });
  return { result, ms: performance.now() - started };
}

function summary(out: Out, label: string, result: SimulationResult, ms: number): void {
  const n = result.decisions.length;
  out(
    `${label}: ${n} children; utjämnande ${result.counts.utjamnande}, anknytning ${result.counts.anknytning}`,
  );
  out(`  largest |r_i − E_i/1000| seen: ${(result.maxDeviationThousandths / 1000).toFixed(3)} children`);
  out(
    `  time per decision: ${n === 0 ? '–' : `${((ms * 1000) / n).toFixed(2)} µs`} (${ms.toFixed(0)} ms in all)`,
  );
}

export function simulateCommand(args: readonly string[], out: Out): number {
  const { values } = parseArgs({
    args: [...args],
    options: {
      shares: { type: 'string' },
      arrivals: { type: 'string' },
      opening: { type: 'string' },
      rule: { type: 'string', default: 'quota' },
      out: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string', default: '2015' },
    },
    strict: true,
    allowPositionals: false,
  });
  const rule = values.rule as Rule;
  if (!RULES.includes(rule))
    throw new UsageError(`--rule must be quota or lowest-attainment, not ${values.rule ?? ''}`);
  const known = knownMunicipalityCodes();
  if (values.scenario !== undefined) {
    if (values.scenario !== '2015')
      throw new UsageError(`unknown scenario ${values.scenario}; the one there is: 2015`);
    if (!/^[0-9]+$/.test(values.seed)) throw new UsageError('--seed must be a whole number');
    const populations = municipalityPopulations(2024);
    const shares = populationShares(populations);
    const children = scenario2015(Number(values.seed), populations);
    const full = run(children, shares, rule, [], known);
    const girls = children.filter((c) => c.gender === 'female').length;
    out(
      `scenario 2015, seed ${values.seed}, rule ${rule}, shares ∝ population 2024 (floor 1 ‰); ${girls} girls (${((100 * girls) / children.length).toFixed(1)} %)`,
    );
    summary(out, 'full run', full.result, full.ms);
    const withoutRelatives = run(
      children.map((c) => ({ ...c, relativeCode: null })),
      shares,
      rule,
      [],
      known,
    );
    summary(out, 'same arrivals without relatives', withoutRelatives.result, withoutRelatives.ms);
    const singles = run(
      children.map((c) => ({ ...c, relativeCode: null, siblingGroup: null })),
      shares,
      rule,
      [],
      known,
    );
    summary(out, 'same arrivals, single children, no relatives', singles.result, singles.ms);
    if (values.out !== undefined) writeDecisions(values.out, full.result);
    return 0;
  }
  if (values.shares === undefined || values.arrivals === undefined || values.out === undefined) {
    throw new UsageError('simulate needs --shares, --arrivals and --out (or --scenario 2015)');
  }
  const shares = readShares(values.shares, known);
  const arrivals = readArrivals(values.arrivals, known);
  const opening = values.opening !== undefined ? readOpening(values.opening, known) : [];
  const { result, ms } = run(arrivals, shares, rule, opening, known);
  writeDecisions(values.out, result);
  summary(out, `rule ${rule}`, result, ms);
  return 0;
}
