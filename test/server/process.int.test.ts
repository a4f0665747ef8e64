/**
 * The server as an OS process on the embedded database: start-up, the directory lock (a CLI is refused while the
 * server holds it; a lock left by a dead process is taken over) and a clean stop on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLockFileForTest } from '../../src/platform/db/lock.ts';
import { testEngine } from '../support/engine.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];

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

function startServer(dataDir: string, port: number): ChildProcess {
  // The demo's 24 fixture children only: the background growth to 2,000 is not what these tests are about.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ANVISA_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    ANVISA_DEMO_CHILDREN: '24',
  };
  delete env.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitHealthy(port: number, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return Date.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no /healthz within ${limitMs} ms`);
}

function exited(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, ms: Date.now() - started })));
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(testEngine() === 'pglite')('the server process on the embedded database', () => {
  it('starts, holds the directory, refuses a second user of it by name, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'anvisa-proc-'));
    dirs.push(dataDir);
    const port = await freePort();
    const server = startServer(dataDir, port);
    // The first start's time is a benchmark (README), not asserted tightly here: a busy CI machine may be slow.
    const firstStart = await waitHealthy(port, 150_000);
    expect(firstStart).toBeLessThan(150_000);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, ANVISA_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(3);
    expect(cli.stderr).toContain(`in use by process ${server.pid}`);

    const stop = exited(server);
    server.kill('SIGTERM');
    const { code, ms } = await stop;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(existsSync(join(dataDir, 'anvisa.lock'))).toBe(false);

    // Later starts reuse the migrated, seeded directory.
    const again = startServer(dataDir, port);
    expect(await waitHealthy(port, 30_000)).toBeLessThan(30_000);
    const stopAgain = exited(again);
    again.kill('SIGINT');
    expect((await stopAgain).code).toBe(0);
  }, 240_000);

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'anvisa-stale-'));
    dirs.push(dataDir);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeLockFileForTest(dataDir, {
      pid: dead ?? 999_999,
      host: (await import('node:os')).hostname(),
      command: 'anvisa server',
      since: '2026-01-01T00:00:00Z',
    });
    const port = await freePort();
    const server = startServer(dataDir, port);
    await waitHealthy(port, 60_000);
    const stop = exited(server);
    server.kill('SIGTERM');
    expect((await stop).code).toBe(0);
  });
});
