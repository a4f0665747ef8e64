/**
 * PGlite takes no lock on its directory, and a second process opening it corrupts it. We hold an exclusive
 * lockfile naming our process; a lock whose process is gone is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The database directory ${directory} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
        `Stop that process first, or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' ? (parsed as LockOwner) : null;
  } catch {
    return null;
  }
}

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

export function lockDataDirectory(directory: string, command: string): DirectoryLock {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'anvisa.lock');
  const me: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, content);
      closeSync(fd);
      return { path, release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner !== null && owner.pid !== process.pid && owner.host === me.host && processAlive(owner.pid)) {
      throw new DataDirectoryLockedError(directory, owner);
    }
    // Stale (its process is gone) or unreadable: take it over, then retry the exclusive create.
    rmSync(path, { force: true });
  }
  throw new Error(`Could not take the lock ${path}`);
}

function releaseIfOurs(path: string): void {
  const owner = readOwner(path);
  if (owner?.pid === process.pid) rmSync(path, { force: true });
}

/** For tests: leave a lockfile that names a given (e.g. dead) process. */
export function writeLockFileForTest(directory: string, owner: LockOwner): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'anvisa.lock'), JSON.stringify(owner));
}
