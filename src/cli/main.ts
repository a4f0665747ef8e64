/**
 * The `anvisa` command: `npm run anvisa -- <command>`. Exit codes: 0 done, 1 a check found a problem,
 * 2 bad input or usage, 3 the database is held by another process.
 */
import { readFileSync } from 'node:fs';
import { CullError } from '../audit/cull.ts';
import { CheckpointError } from '../domain/audit/checkpoint.ts';
import {
  auditCheckpoint,
  auditCull,
  auditKeygen,
  auditVerify,
  checkpointOptions,
  cullOptions,
  readCheckpoints,
  verifyOptions,
} from './audit-commands.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import { DataDirectoryLockedError } from '../platform/db/lock.ts';
import { CsvError, parsePopulationCsv, type PopulationRow } from '../reference/csv.ts';
import { knownMunicipalityCodes, loadReferenceData, upsertPopulation } from '../reference/load.ts';
import { simulateCommand } from './simulate.ts';
import { compensationCommand } from './compensation.ts';
import { forecastCommand } from './forecast.ts';
import { statisticsCommand } from './statistics.ts';
import { importHistory, importHistoryOptions } from './statistics-history.ts';
import { publishOptions, statisticsPublish } from './statistics-publish.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { BackupError } from '../platform/db/backup.ts';
import { UsageError } from './usage-error.ts';
import { describeError, safeError } from '../platform/safe-error.ts';
import { replayAll } from '../allocation/replay.ts';
import { stockholmDate } from '../domain/time.ts';
import { caseDaily } from './case-daily.ts';
import { formatStateReport, stateReport } from '../seed/report.ts';

const USAGE = `Usage: npm run anvisa -- <command>

  audit verify [--checkpoint <file>]… [--public-key <file>]
                                        check the whole audit hash chain (names the first broken link), each signed
                                        checkpoint against it, and each allocation decision against its audit event
  audit keygen --private <file> --public <file>
                                        a new Ed25519 key pair for checkpoints (keep the private key off the database)
  audit checkpoint [--key <file>] [--out <file>] [--dir <dir>]
                                        sign the chain head (ANVISA_CHECKPOINT_KEY, ANVISA_CHECKPOINT_DIR)
  audit cull --through <link>           cull payloads of links 1..link through a recorded, chained culling event
  allocation replay                     recompute every allocation decision from the recorded history
  backup --out <file>                   the whole database to a file: PGlite's data directory (server stopped) or a
                                        pg_dump archive (servers may run); never over an existing file
  restore --from <file> [--replace]     put a backup in place of the database (--replace when it holds data; PGlite
                                        keeps the replaced one beside it); then audit verify and allocation replay
  reference import-population <csv>     load population figures (columns kommunkod,kommun,ar,folkmangd,kalla)
  case daily                            run the daily rules now (18th birthdays, god man by law, end of aftercare)
  demo report                           children and the count of each state of each case machine (exit 1: a state never reached)
  simulate --shares <shares.csv> --arrivals <arrivals.csv> [--rule quota|lowest-attainment]
           [--opening <opening.csv>] --out <decisions.csv>
                                        a pure run of the allocation rule (no database)
  simulate --scenario 2015 [--seed N] [--rule …] [--out <decisions.csv>]
                                        a generated year shaped like 2015
  compensation compute --children <c.csv> --responsibility <r.csv> --placements <p.csv>
           --from YYYY-MM-DD --to YYYY-MM-DD [--shares <s.csv> --forecast N --year YYYY] --out <lines.csv>
                                        the state compensation per municipality, period and code (no database)
  forecast --history <h.csv> --months N [--shares <s.csv>] --out <f.csv>
                                        arrivals per month for the N (1–60) months after the history (manad,antal; at
                                        least 36 months): the median and an 80 % band, the nation and each
                                        municipality's share (kommunkod,promille) (no database)
  statistics tabulate --children <c.csv> --by <dims> --out <t.csv>
                                        children counted by dims (a comma list of lan or kommun, kon, aldersgrupp,
                                        ar) with every total, small counts suppressed as .. (no database)
  statistics import-history --history <h.csv> --source <text> --by <subject>
                                        the Agency's published monthly arrivals (manad,antal) before Anvisa's own
                                        records, for the forecast; --by an allocation officer at the Agency
  statistics publish --year YYYY --out <folder> [--lan NN]
                                        the year's protected tables as open data: CSV files (each measure by month,
                                        area and gender, and by area, gender and age group) and a README.md; the
                                        nation by county, or with --lan that county by municipality

The database is ./data (ANVISA_DATA_DIR) or DATABASE_URL, as for the server.`;

type Out = (line: string) => void;

async function withDatabase<T>(command: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  // Loaded only by the commands that open the database: it brings the whole server (seconds of start-up that the
  // pure commands, simulate and compensation compute, do not need).
  const { openConfiguredDatabase } = await import('../server/bootstrap.ts');
  const database = await openConfiguredDatabase(config, `anvisa ${command}`);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Validates the whole file first (against the shipped municipality codes); imports all of it or nothing. */
export function readPopulationFile(file: string): PopulationRow[] {
  return parsePopulationCsv(readFileSync(file, 'utf8'), file, knownMunicipalityCodes());
}

export { auditVerify };

export async function allocationReplay(database: Database, today: string, out: Out): Promise<number> {
  const { decisions, differences } = await replayAll(database.db, today);
  if (differences.length === 0) {
    out(`allocation replay: ${decisions} decisions recomputed from the recorded history, no differences`);
    return 0;
  }
  out(`allocation replay: ${differences.length} difference(s) in ${decisions} decisions:`);
  for (const d of differences)
    out(`  ${d.message}${d.decisionId !== null ? ` [decision ${d.decisionId}]` : ''}`);
  return 1;
}

export async function importPopulation(database: Database, file: string, out: Out): Promise<number> {
  const rows = readPopulationFile(file);
  await loadReferenceData(database.db);
  await database.db.transaction(async (tx) => upsertPopulation(tx, rows));
  const years = [...new Set(rows.map((r) => r.year))].sort();
  out(`imported ${rows.length} population figures for ${years.join(', ')}`);
  return 0;
}

export async function run(args: readonly string[], out: Out, err: Out): Promise<number> {
  const [group, command, ...rest] = args;
  try {
    if (group === 'simulate') return simulateCommand(args.slice(1), out);
    if (group === 'compensation') return compensationCommand(args.slice(1), out);
    if (group === 'forecast') return forecastCommand(args.slice(1), out);
    if (group === 'statistics' && command === 'publish') {
      const options = publishOptions(rest); // refuse bad input before opening the database
      return await withDatabase('statistics publish', (db) =>
        statisticsPublish(db, options, new Date(), out),
      );
    }
    if (group === 'statistics' && command === 'import-history') {
      const options = importHistoryOptions(rest); // refuse a bad file before opening the database
      return await withDatabase('statistics import-history', (db) =>
        importHistory(db, options, new Date(), out),
      );
    }
    if (group === 'statistics') return statisticsCommand(args.slice(1), out);
    if (group === 'backup') return await backupCommand(args.slice(1), loadConfig(process.env), out);
    if (group === 'restore') {
      return await restoreCommand(args.slice(1), loadConfig(process.env), new Date(), out);
    }
    if (group === 'allocation' && command === 'replay') {
      return await withDatabase('allocation replay', (db) =>
        allocationReplay(db, stockholmDate(new Date()), out),
      );
    }
    if (group === 'audit' && command === 'verify') {
      const checkpoints = readCheckpoints(verifyOptions(rest, process.env));
      return await withDatabase('audit verify', (db) => auditVerify(db, out, checkpoints));
    }
    if (group === 'audit' && command === 'keygen') return auditKeygen(rest, out);
    if (group === 'audit' && command === 'checkpoint') {
      const options = checkpointOptions(rest, process.env);
      return await withDatabase('audit checkpoint', (db) => auditCheckpoint(db, options, new Date(), out));
    }
    if (group === 'audit' && command === 'cull') {
      const through = cullOptions(rest);
      return await withDatabase('audit cull', (db) => auditCull(db, through, new Date(), out));
    }
    if (group === 'case' && command === 'daily')
      return await withDatabase('case daily', (db) => caseDaily(db, new Date(), out));
    if (group === 'demo' && command === 'report') {
      return await withDatabase('demo report', async (db) => {
        const report = await stateReport(db.db);
        out(formatStateReport(report));
        return report.missing.length === 0 ? 0 : 1;
      });
    }
    if (group === 'reference' && command === 'import-population') {
      const file = rest[0];
      if (file === undefined) throw new UsageError('reference import-population needs a CSV file');
      readPopulationFile(file); // refuse a bad file before touching the database
      return await withDatabase('reference import-population', (db) => importPopulation(db, file, out));
    }
    throw new UsageError(group === undefined ? 'no command given' : `unknown command: ${args.join(' ')}`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true
    ) {
      err(`anvisa: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CsvError) {
      err(`anvisa: ${error.file} has errors:`);
      for (const p of error.problems) err(`  ${error.file}:${p.line}: ${p.message}`);
      return 2;
    }
    if (error instanceof CheckpointError || error instanceof CullError || error instanceof BackupError) {
      err(`anvisa: ${error.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      err(`anvisa: will not overwrite ${(error as NodeJS.ErrnoException).path ?? 'an existing file'}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err(`anvisa: ${error.message}`);
      return 2;
    }
    if (error instanceof DataDirectoryLockedError) {
      err(`anvisa: ${error.message}`);
      return 3;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      err(`anvisa: file not found: ${(error as NodeJS.ErrnoException).path ?? ''}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Never the message: a database error's may quote a child's data (safe-error.ts).
      console.error(`anvisa: failed: ${describeError(error)}`);
      for (const frame of safeError(error).frames ?? []) console.error(`  ${frame}`);
      process.exit(1);
    },
  );
}
