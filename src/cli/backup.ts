/** `anvisa backup --out <file>` and `anvisa restore --from <file> [--replace]`, for the configured database. */
import { parseArgs } from 'node:util';
import type { Config } from '../platform/config.ts';
import { backupDatabase, restoreDatabase, type BackupTarget } from '../platform/db/backup.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

const ENGINE = {
  pglite: 'the embedded database (PGlite data directory, gzip tar)',
  postgres: 'PostgreSQL (pg_dump archive)',
};

export function backupTarget(config: Config): BackupTarget {
  return config.database.kind === 'postgres'
    ? { kind: 'postgres', url: config.database.url }
    : { kind: 'pglite', dataDir: config.database.dataDir };
}

export async function backupCommand(args: readonly string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' } }, strict: true });
  if (values.out === undefined) throw new UsageError('backup needs --out <file>');
  const result = await backupDatabase(backupTarget(config), values.out, 'anvisa backup');
  out(`backup: ${ENGINE[result.kind]}, ${result.bytes} bytes written to ${values.out}`);
  return 0;
}

export async function restoreCommand(
  args: readonly string[],
  config: Config,
  now: Date,
  out: Out,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { from: { type: 'string' }, replace: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.from === undefined) throw new UsageError('restore needs --from <file>');
  const result = await restoreDatabase(backupTarget(config), values.from, {
    replace: values.replace,
    command: 'anvisa restore',
    now,
  });
  out(`restore: ${ENGINE[result.kind]} from ${values.from}, ${result.migrations} migrations applied in it`);
  if (result.replacedKeptAt !== null)
    out(`restore: the database it replaced is kept at ${result.replacedKeptAt}`);
  out('restore: run `anvisa audit verify` and `anvisa allocation replay` before the servers start again');
  return 0;
}
