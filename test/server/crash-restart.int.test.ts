/**
 * A crash during the first start never leaves the database unstartable. The server process is killed (SIGKILL) inside
 * each phase of a first start in turn — PGlite's initdb, a migration, the reference data, the demo's organisations and
 * users, its shares, its children, their cases, the background growth — each kill on the state the earlier ones left;
 * every next start must get past the phase it died in, and the last one must come up (/healthz), complete: all
 * migrations, all reference data, the demo organisations and every demo child. On the engine ANVISA_TEST_ENGINE
 * selects: a fresh PGlite directory, or a fresh database on the test PostgreSQL server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../src/platform/crash-point.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { loadMigrations } from '../../src/platform/db/migrate.ts';
import { counties, municipalities, organisations, population } from '../../src/platform/db/schema.ts';
import { parseCsv } from '../../src/reference/csv.ts';
import { REFERENCE_DIR } from '../../src/reference/load.ts';
import { demoChildren } from '../../src/seed/grow.ts';
import { testEngine } from '../support/engine.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The demo's 24 fixture children, then three batches of growth (two children each). */
const DEMO_CHILDREN = 30;
const engine = testEngine();
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface Target {
  readonly env: NodeJS.ProcessEnv;
  readonly dataDir: string | null;
  open(): Promise<Database>;
}

async function freshTarget(): Promise<Target> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'anvisa-crash-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    return {
      env: { ANVISA_DATA_DIR: dataDir, DATABASE_URL: '' },
      dataDir,
      open: () => openDatabase({ kind: 'pglite', dataDir, command: 'crash test' }),
    };
  }
  const testDb: TestDatabase = await createTestDatabase();
  cleanups.push(() => testDb.drop());
  return {
    env: { DATABASE_URL: testDb.url },
    dataDir: null,
    open: () => openDatabase({ kind: 'postgres', url: testDb.url, poolSize: 2 }),
  };
}

interface Started {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

function start(target: Target, port: number, crashAt: string | null): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...target.env,
    PORT: String(port),
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    ANVISA_DEMO_CHILDREN: String(DEMO_CHILDREN),
    ANVISA_TEST_CRASH_AT: crashAt ?? '',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, output: () => output };
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  limitMs: number,
  died?: Started,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (await check()) return;
    if (died !== undefined && died.child.exitCode !== null)
      throw new Error(`the server exited (${died.child.exitCode}) before ${what}:\n${died.output()}`);
    if (Date.now() > deadline)
      throw new Error(`no ${what} within ${limitMs} ms${died === undefined ? '' : `:\n${died.output()}`}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

const rowsIn = (file: string, columns: string[]) =>
  parseCsv(readFileSync(join(REFERENCE_DIR, file), 'utf8'), file, columns).length;

describe(`a crash in each phase of the first start (${engine})`, () => {
  it('leaves a database the next start brings up, complete', async () => {
    const target = await freshTarget();
    const port = await freePort();
    const deaths: string[] = [];

    if (target.dataDir !== null) {
      // PGlite's initdb: killed once its files start to appear in the directory.
      const dataDir = target.dataDir;
      const first = start(target, port, null);
      const pgDir = join(dataDir, 'pg');
      await until('PGlite files', () => existsSync(pgDir) && readdirSync(pgDir).length > 0, 120_000, first);
      await new Promise((r) => setTimeout(r, 300));
      first.child.kill('SIGKILL');
      expect((await first.exit).signal).toBe('SIGKILL');
      deaths.push('initdb');
    }

    for (const point of CRASH_POINTS) {
      // The fifth migration, the third child's case, the second batch of growth: well inside the phase.
      const crashAt =
        point === 'migration'
          ? 'migration@5'
          : point === 'seed-cases'
            ? 'seed-cases@3'
            : point === 'growth'
              ? 'growth@2'
              : point;
      const started = start(target, port, crashAt);
      const { code, signal } = await started.exit;
      if (signal !== 'SIGKILL')
        throw new Error(
          `after a crash in ${deaths.join(', ')}, the start to ${crashAt} ended with ${code ?? signal}:\n${started.output()}`,
        );
      deaths.push(crashAt);
    }
    expect(deaths).toContain('reference');

    const last = start(target, port, null);
    await until('/healthz', () => healthy(port), 180_000, last);
    await until('the complete demo', () => last.output().includes('demo data complete'), 180_000, last);
    last.child.kill('SIGTERM');
    expect((await last.exit).code).toBe(0);

    const database = await target.open();
    try {
      const { rows } = await database.raw.query<{ n: number | string }>(
        'SELECT count(*) AS n FROM schema_migrations',
      );
      expect(Number(rows[0]?.n)).toBe(loadMigrations().length);
      const countOf = async (table: typeof counties | typeof municipalities | typeof population) =>
        (await database.db.select({ n: count() }).from(table))[0]?.n;
      expect(await countOf(counties)).toBe(rowsIn('sweden_counties.csv', ['lanskod']));
      expect(await countOf(municipalities)).toBe(rowsIn('sweden_municipalities.csv', ['kommunkod']));
      expect(await countOf(population)).toBe(
        rowsIn('sweden_municipality_population_long.csv', ['kommunkod']),
      );
      const agencies = await database.db
        .select({ n: count() })
        .from(organisations)
        .where(eq(organisations.type, 'migration_agency'));
      expect(agencies[0]?.n).toBe(2);
      expect(await demoChildren(database.db)).toBe(DEMO_CHILDREN);
    } finally {
      await database.close();
    }
  }, 900_000);
});
