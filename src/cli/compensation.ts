/**
 * `anvisa compensation compute`: the state compensation computed from files by the same pure functions a use case
 * calls (src/domain/compensation), so that the Agency can recompute a claim. Opens no database. Bad input: exit 2 with
 * `file:line: reason`, and no output file (written to a temporary file and renamed only when all is done).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compensationLines, type AnnualFacts, type CompensationLine } from '../domain/compensation/lines.ts';
import { isIsoDate } from '../domain/time.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import { knownMunicipalityCodes } from '../reference/load.ts';
import {
  readChildren,
  readCompensationShares,
  readPlacements,
  readResponsibility,
} from './compensation-files.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

/** lines.csv: header, LF, no quotes, no BOM; kommunkod,period,ersattning,antal,belopp. Written atomically. */
function writeLines(file: string, lines: readonly CompensationLine[]): void {
  const text = ['kommunkod,period,ersattning,antal,belopp'];
  for (const l of lines) text.push(`${l.municipalityCode},${l.period},${l.code},${l.count},${l.amount}`);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${text.join('\n')}\n`, 'utf8');
  renameSync(temporary, file);
}

export function compensationCommand(args: readonly string[], out: Out): number {
  const [command, ...rest] = args;
  if (command !== 'compute') throw new UsageError(`unknown command: compensation ${command ?? ''}`.trim());
  const { values } = parseArgs({
    args: rest,
    options: {
      children: { type: 'string' },
      responsibility: { type: 'string' },
      placements: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      shares: { type: 'string' },
      forecast: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const { children: childrenFile, responsibility, placements, from, to, out: outFile } = values;
  if (
    childrenFile === undefined ||
    responsibility === undefined ||
    placements === undefined ||
    from === undefined ||
    to === undefined ||
    outFile === undefined
  )
    throw new UsageError(
      'compensation compute needs --children, --responsibility, --placements, --from, --to and --out',
    );
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new UsageError('--from and --to are dates written YYYY-MM-DD');
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  if (values.forecast !== undefined && !/^[0-9]+$/.test(values.forecast))
    throw new UsageError('--forecast is a whole number of children');
  if (values.year !== undefined && !/^[0-9]{4}$/.test(values.year))
    throw new UsageError('--year is a year, YYYY');

  const started = performance.now();
  const known = knownMunicipalityCodes();
  const children = readChildren(childrenFile, known);
  readResponsibility(responsibility, children, known);
  readPlacements(placements, children, known);
  const shares = values.shares === undefined ? null : readCompensationShares(values.shares, known);
  const annual: AnnualFacts | null =
    shares !== null && values.forecast !== undefined && values.year !== undefined
      ? { year: Number(values.year), forecast: Number(values.forecast), shares }
      : null;
  const lines = compensationLines(children.values(), { from, to }, compensationRates(), annual);
  writeLines(outFile, lines);
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  out(
    `compensation compute: ${children.size} children, ${from} to ${to}${annual === null ? '' : `, annual ${annual.year}`}: ${lines.length} lines, ${total} kr (${(performance.now() - started).toFixed(0)} ms)`,
  );
  if (
    annual === null &&
    (values.shares !== undefined || values.forecast !== undefined || values.year !== undefined)
  )
    out('  no annual lines: they need all three of --shares, --forecast and --year');
  return 0;
}
