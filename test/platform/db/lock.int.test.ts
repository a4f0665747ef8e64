/**
 * The PGlite directory lock against real processes: a live holder is refused at once and by name; a lock naming a
 * PID since reused by an unrelated process, or a zombie (killed, not yet reaped), is taken over; and a restart just
 * after `kill -9` of the holder gets the lock. Linux (/proc); no database, so on one engine only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../support/engine.ts';
import {
  DataDirectoryLockedError,
  currentOwner,
  lockDataDirectory,
  processState,
  writeLockFileForTest,
  type LockOwner,
} from '../../../src/platform/db/lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anvisa-lock-'));
  dirs.push(dir);
  return dir;
}

function lockHolder(path: string): LockOwner {
  return JSON.parse(readFileSync(join(path, 'anvisa.lock'), 'utf8')) as LockOwner;
}

/** Spawns `command` and resolves with its first line of output. */
function spawnWithLine(command: string, args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, line: out.slice(0, newline) });
    });
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before its first line`)));
  });
}

async function until(check: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.runIf(testEngine() === 'pglite' && processState(process.pid) !== undefined)(
  'the data directory lock',
  () => {
    it('takes over a lock whose PID now belongs to an unrelated live process (its start time differs)', async () => {
      const dir = freshDir();
      const { child } = await spawnWithLine('sh', ['-c', 'echo up; exec sleep 60']);
      const pid = child.pid ?? 0;
      expect(processState(pid)?.state).not.toBe('Z');
      writeLockFileForTest(dir, {
        ...currentOwner('anvisa server'),
        pid,
        since: '2026-01-01T00:00:00Z',
        startTicks: '1',
      });
      const lock = lockDataDirectory(dir, 'anvisa audit verify');
      expect(lockHolder(dir).pid).toBe(process.pid);
      lock.release();
    });

    it('takes over a lock held by a zombie (killed, not yet reaped by its parent) at once', async () => {
      const dir = freshDir();
      // The shell starts a short-lived child, then becomes `sleep`, which never reaps it: the child stays a zombie.
      const { line } = await spawnWithLine('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 60']);
      const zombie = Number(line);
      const ticks = processState(zombie)?.startTicks;
      await until(() => processState(zombie)?.state === 'Z', 10_000);
      writeLockFileForTest(dir, {
        ...currentOwner('anvisa server'),
        pid: zombie,
        ...(ticks !== undefined ? { startTicks: ticks } : {}),
      });
      const started = Date.now();
      lockDataDirectory(dir, 'anvisa server').release();
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('refuses a live holder at once, naming it, and is taken over right after kill -9 of that holder', async () => {
      const dir = freshDir();
      const lockModule = join(import.meta.dirname, '..', '..', '..', 'src', 'platform', 'db', 'lock.ts');
      const script = `const m = await import(${JSON.stringify(lockModule)}); m.lockDataDirectory(${JSON.stringify(dir)}, 'anvisa server'); console.log('locked'); setInterval(() => {}, 1000);`;
      const { child } = await spawnWithLine(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ]);
      const started = Date.now();
      let refused: unknown = null;
      try {
        lockDataDirectory(dir, 'anvisa audit verify');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DataDirectoryLockedError);
      expect((refused as Error).message).toContain(`in use by process ${child.pid} (anvisa server, since `);
      expect(Date.now() - started).toBeLessThan(1000);

      // The restart right after kill -9: the holder may still be exiting or a zombie (not yet reaped) here.
      child.kill('SIGKILL');
      const lock = lockDataDirectory(dir, 'anvisa server');
      expect(lockHolder(dir)).toMatchObject({ pid: process.pid, host: hostname() });
      lock.release();
    });
  },
);
