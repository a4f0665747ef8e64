/**
 * Integration tests on a real PostgreSQL server: each test file gets its own database, uniquely named, created
 * on the server that the global setup chose (an existing one at TEST_DATABASE_URL, or a throwaway cluster) and
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432';
export const TEST_DATABASE_PREFIX = 'anvisa_test_';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server URL the global setup chose; empty when the engine is PGlite. */
    testDatabaseUrl: string;
    /** Names the databases of one run, so that teardown can drop any a crashed worker left behind. */
    testRunId: string;
  }
}

/** The server URL as the global setup provided it, else TEST_DATABASE_URL, else the default. */
export function testServerUrl(): string {
  const provided = safeInject('testDatabaseUrl');
  if (provided !== undefined && provided !== '') return provided;
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

/** The URL with any password masked, for log lines. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/** True when a PostgreSQL server accepts a connection at `url` within `timeoutMs`. */
export async function serverAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: serverUrl,
    connectionTimeoutMillis: 5000,
    application_name: 'anvisa-tests',
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Drops a test database. `pg.Pool.end()` resolves before its sockets have closed, and `WITH (FORCE)` would kill
 * those closing sessions, which pg then reports as an uncaught error. So wait briefly for the sessions to go
 * first; FORCE only removes sessions a test really left open.
 */
export async function dropDatabase(serverUrl: string, name: string, graceMs = 5000): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    const deadline = Date.now() + graceMs;
    for (;;) {
      const { rows } = await client.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (Number(rows[0]?.n ?? 0) === 0 || Date.now() > deadline) break;
      await new Promise((resolveWait) => setTimeout(resolveWait, 25));
    }
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}

/** Drops every database of one test run (those a crashed worker could not drop itself). */
export async function dropRunDatabases(serverUrl: string, runId: string): Promise<string[]> {
  return withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${TEST_DATABASE_PREFIX}${runId}_`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    return rows.map((r) => r.datname);
  });
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates `anvisa_test_<run>_<random>` on the test server; `drop()` removes it even if connections remain. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const runId = safeInject('testRunId') ?? 'adhoc';
  const name = `${TEST_DATABASE_PREFIX}${runId}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return { name, url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** `inject` works only inside a Vitest worker; elsewhere (scripts, the global setup) there is nothing injected. */
function safeInject<K extends 'testDatabaseUrl' | 'testRunId'>(key: K): string | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
