/**
 * Back up and restore the whole database, in each engine's own format: PGlite's data directory as a gzip'd tar
 * (`dumpDataDir`), PostgreSQL's `pg_dump` custom archive (restored with `pg_restore`). A file names its format by its
 * first bytes, so a PGlite backup is never fed to PostgreSQL or the other way round.
 *
 * PGlite: the data directory is locked by the server, so back up and restore with the server stopped (the command
 * refuses otherwise, naming the server). A restore is written beside the database, opened and checked, and only then
 * put in its place; the database it replaces is kept as `pg.replaced-<time>`. PostgreSQL: `pg_dump` takes a
 * consistent snapshot while the servers run; a restore empties the schema and loads the archive, stopping at the
 * first error. Either restore asks for `--replace` before it touches a database that holds Anvisa's data.
 * A password in DATABASE_URL goes to the tools in their environment (PGPASSWORD), never on their command line.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { lockDataDirectory } from './lock.ts';

export type BackupTarget =
  { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };
export type BackupKind = BackupTarget['kind'];

/** A backup that cannot be made or restored as asked: the message says why and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const GZIP = Buffer.from([0x1f, 0x8b]);
const PG_CUSTOM = Buffer.from('PGDMP', 'ascii');

/** The engine a backup file is from, by its first bytes. */
export function backupKindOf(file: string): BackupKind {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= 5 && head.subarray(0, 5).equals(PG_CUSTOM)) return 'postgres';
  if (read >= 2 && head.subarray(0, 2).equals(GZIP)) return 'pglite';
  throw new BackupError(
    `${file} is not an Anvisa backup (neither a PGlite data directory nor a pg_dump archive)`,
  );
}

const pgDirOf = (dataDir: string) => join(dataDir, 'pg');
const holdsData = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

async function openPglite(dir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dir, {
    extensions: { pg_trgm },
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
  });
}

/** The URL without its password, and the environment that carries the password to libpq's tools. */
function toolConnection(url: string): { readonly url: string; readonly env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    url: parsed.toString(),
    env: { ...process.env, ...(password === '' ? {} : { PGPASSWORD: password }) },
  };
}

/** Runs a PostgreSQL tool; its own error output (names of objects, never rows) goes into the refusal. */
function runTool(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found: install PostgreSQL's client tools (Debian: postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

function refuseExisting(file: string): void {
  if (existsSync(file)) {
    const error = new Error(`will not overwrite ${file}`) as NodeJS.ErrnoException;
    error.code = 'EEXIST';
    error.path = file;
    throw error;
  }
}

export interface BackupResult {
  readonly kind: BackupKind;
  readonly bytes: number;
}

/** Writes a backup of the database to `out` (never over an existing file). */
export async function backupDatabase(
  target: BackupTarget,
  out: string,
  command: string,
): Promise<BackupResult> {
  refuseExisting(out);
  if (target.kind === 'postgres') {
    const { url, env } = toolConnection(target.url);
    try {
      await runTool(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-privileges', '--file', out, '--dbname', url],
        env,
      );
    } catch (error) {
      // Never leave half an archive that looks like a backup.
      rmSync(out, { force: true });
      throw error;
    }
    return { kind: 'postgres', bytes: statSync(out).size };
  }
  const lock = lockDataDirectory(target.dataDir, command);
  try {
    if (!holdsData(pgDirOf(target.dataDir)))
      throw new BackupError(`there is no database in ${target.dataDir}`);
    const client = await openPglite(pgDirOf(target.dataDir));
    try {
      const dump = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      writeFileSync(out, bytes, { flag: 'wx', mode: 0o600 });
      return { kind: 'pglite', bytes: bytes.length };
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

export interface RestoreResult {
  readonly kind: BackupKind;
  /** PGlite: where the database the restore replaced was kept; null when there was none (or on PostgreSQL). */
  readonly replacedKeptAt: string | null;
  /** The migrations the restored database has applied. */
  readonly migrations: number;
}

/** Puts the backup in `from` in place of the database; a database with Anvisa's data is replaced only when told. */
export async function restoreDatabase(
  target: BackupTarget,
  from: string,
  options: { readonly replace: boolean; readonly command: string; readonly now: Date },
): Promise<RestoreResult> {
  const kind = backupKindOf(from);
  if (kind !== target.kind) {
    throw new BackupError(
      kind === 'pglite'
        ? `${from} is a backup of an embedded database (PGlite): restore it without DATABASE_URL, into ANVISA_DATA_DIR`
        : `${from} is a pg_dump archive of a PostgreSQL database: restore it with DATABASE_URL set`,
    );
  }
  return target.kind === 'postgres'
    ? restorePostgres(target.url, from, options.replace)
    : restorePglite(target.dataDir, from, options);
}

async function restorePglite(
  dataDir: string,
  from: string,
  options: { readonly replace: boolean; readonly command: string; readonly now: Date },
): Promise<RestoreResult> {
  const lock = lockDataDirectory(dataDir, options.command);
  try {
    const live = pgDirOf(dataDir);
    if (holdsData(live) && !options.replace) {
      throw new BackupError(
        `${dataDir} already holds a database: add --replace to put the backup in its place (the database now there is kept beside it)`,
      );
    }
    const staging = join(dataDir, 'pg.restoring');
    rmSync(staging, { recursive: true, force: true });
    let migrations: number;
    try {
      const client = await openPglite(staging, new Blob([readFileSync(from)]));
      try {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from schema_migrations',
        );
        migrations = rows[0]?.n ?? 0;
      } finally {
        await client.close();
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(`${from} could not be opened as an Anvisa database: ${(error as Error).name}`);
    }
    let replacedKeptAt: string | null = null;
    if (existsSync(live)) {
      replacedKeptAt = join(dataDir, `pg.replaced-${options.now.toISOString().replace(/[:.]/g, '-')}`);
      renameSync(live, replacedKeptAt);
    }
    renameSync(staging, live);
    return { kind: 'pglite', replacedKeptAt, migrations };
  } finally {
    lock.release();
  }
}

async function restorePostgres(url: string, from: string, replace: boolean): Promise<RestoreResult> {
  const tool = toolConnection(url);
  // Read the archive's table of contents before anything is dropped: a damaged file stops here, the database intact.
  await runTool('pg_restore', ['--list', from], tool.env);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "select to_regclass('public.schema_migrations') is not null as exists",
    );
    if (rows[0]?.exists === true && !replace) {
      throw new BackupError(
        "the database already holds Anvisa's data: add --replace to empty it and load the backup (stop the app processes first)",
      );
    }
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', tool.url, from],
    tool.env,
  );
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const { rows } = await check.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    return { kind: 'postgres', replacedKeptAt: null, migrations: rows[0]?.n ?? 0 };
  } finally {
    await check.end();
  }
}
