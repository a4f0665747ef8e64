/**
 * One code path over two engines: embedded PGlite (default, in ./data) or a PostgreSQL server (DATABASE_URL).
 * Pitfalls handled here: PGlite has no directory lock (we hold one), int8 comes back as string from `pg`
 * (parsed to number), and inside a PGlite transaction only `tx` may be used (callers get `tx` only).
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDirectory, type DirectoryLock } from './lock.ts';
import { migrate } from './migrate.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction; use cases take this and never reach for the outer handle. */
export type DbOrTx = Db | Tx;

export interface RawSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<void>;
}
export interface RawSql extends RawSession {
  /** Runs `fn` on one connection (PGlite has only one). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly db: Db;
  readonly raw: RawSql;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} is outside the safe integer range`);
  return n;
});

export type DatabaseOptions =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'pglite'; readonly dataDir: string; readonly command: string }
  | { readonly kind: 'pglite-memory' };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database =
    options.kind === 'postgres'
      ? openPostgres(options.url, options.poolSize ?? 10)
      : await openPglite(options);
  try {
    await migrate(database.raw);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Queues a connection's queries in our own code. Use cases may start several reads at once (`Promise.all`) on the
 * request's transaction, which is one connection; `pg` ran such queries one after another itself, but that is
 * deprecated (removed in pg 9). The order is the order of the calls, as before. Callback and streaming forms pass
 * straight through (this code uses neither).
 */
function serializeQueries(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): unknown => {
    const first = args[0];
    const streaming =
      typeof first === 'object' &&
      first !== null &&
      typeof (first as { submit?: unknown }).submit === 'function';
    if (streaming || typeof args.at(-1) === 'function') return original(...args);
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  client.query = queued as typeof client.query;
}

function openPostgres(url: string, poolSize: number): Database {
  // No JIT for the app's statements: they are short and never cached, and a plan whose estimate passes the JIT
  // threshold (e.g. a scan the planner misjudges at 100,000 rows) was compiled anew at each execution (~250 ms).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'anvisa',
    options: '-c jit=off',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  });
  pool.on('connect', serializeQueries);
  const session = (client: pg.Pool | pg.PoolClient): RawSession => ({
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await client.query(text, params)).rows as T[],
    }),
    exec: async (text: string) => {
      await client.query(text);
    },
  });
  const raw: RawSql = {
    ...session(pool),
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(session(client));
      } finally {
        client.release();
      }
    },
  };
  return {
    db: drizzlePg(pool, { schema }),
    raw,
    engine: 'postgres',
    close: () => pool.end(),
  };
}

async function openPglite(
  options: { kind: 'pglite'; dataDir: string; command: string } | { kind: 'pglite-memory' },
): Promise<Database> {
  let lock: DirectoryLock | null = null;
  if (options.kind === 'pglite') lock = lockDataDirectory(options.dataDir, options.command);
  let client: PGlite;
  try {
    // pg_trgm: the trigram index of the name search (migration 0012); PostgreSQL has it from its contrib package.
    const extensions = { pg_trgm };
    client =
      options.kind === 'pglite'
        ? await PGlite.create(`${options.dataDir}/pg`, { extensions })
        : await PGlite.create({ extensions });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const session: RawSession = {
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await client.query<T>(text, params)).rows,
    }),
    exec: async (text: string) => {
      await client.exec(text);
    },
  };
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    raw: { ...session, withSession: (fn) => fn(session) },
    engine: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Rows of a raw SQL query, on either engine (both drivers answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
