/**
 * PGlite takes no lock on its directory, and a second process opening it corrupts it. We hold an exclusive
 * lockfile naming our process (its pid, and on Linux its start time and the boot it started in); a lock whose
 * process is gone is taken over. On Linux (/proc) the holder is told apart precisely: gone, a zombie (dead, not yet
 * reaped by its parent: it holds no file) or a PID since reused by another process (its start time differs) is
 * stale and taken over at once; a process still exiting (or with a SIGKILL pending) is waited for briefly, up to
 * LOCK_WAIT_MS; a live holder refuses at once.
 * Without /proc, a live PID is waited for briefly (a process just killed may not have been reaped yet), then refused.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat field 22); absent without /proc. */
  readonly startTicks?: string;
  /** The boot the holder started in (/proc/sys/kernel/random/boot_id); absent without /proc. */
  readonly bootId?: string;
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

/** How long a holder that is exiting (or, without /proc, merely alive) is waited for before refusing. */
export const LOCK_WAIT_MS = 3000;
const RETRY_MS = 100;
/** PF_EXITING in /proc/<pid>/stat's flags (field 9): the process is in exit. */
const PF_EXITING = 0x4;
/** SIGKILL (9) in /proc/<pid>/status's pending-signal masks. */
const SIGKILL_BIT = 1n << 8n;

export interface ProcessState {
  /** One letter: R, S, D, Z (zombie), X (dead), … */
  readonly state: string;
  readonly exiting: boolean;
  readonly startTicks: string;
}

/** The state of `pid` from /proc; null when it does not exist; undefined when this system has no /proc. */
export function processState(pid: number): ProcessState | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return procAvailable() ? null : undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const flags = Number(fields[6] ?? '0');
  return {
    state: fields[0] ?? '?',
    exiting: (flags & PF_EXITING) !== 0 || killPending(pid),
    startTicks: fields[19] ?? '',
  };
}

/** SIGKILL sent but not yet acted on (a process killed a moment ago still looks alive in its state). */
function killPending(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const masks = [...status.matchAll(/^(?:SigPnd|ShdPnd):\s*([0-9a-f]+)$/gmu)].map((m) =>
      BigInt(`0x${m[1] ?? '0'}`),
    );
    return masks.some((mask) => (mask & SIGKILL_BIT) !== 0n);
  } catch {
    return false;
  }
}

let procChecked: boolean | undefined;
function procAvailable(): boolean {
  if (procChecked === undefined) {
    try {
      readFileSync('/proc/self/stat', 'utf8');
      procChecked = true;
    } catch {
      procChecked = false;
    }
  }
  return procChecked;
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
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

/** What the lock's holder is: gone or not ours any more (stale), still exiting (wait), or alive (refuse). */
export function holderStatus(owner: LockOwner, me: LockOwner): 'stale' | 'wait' | 'alive' {
  if (owner.pid === me.pid || owner.host !== me.host) return 'stale';
  if (owner.bootId !== undefined && me.bootId !== undefined && owner.bootId !== me.bootId) return 'stale';
  const state = processState(owner.pid);
  if (state === undefined) return processAlive(owner.pid) ? 'wait' : 'stale';
  if (state === null || state.state === 'Z' || state.state === 'X') return 'stale';
  if (owner.startTicks !== undefined && owner.startTicks !== state.startTicks) return 'stale';
  return state.exiting ? 'wait' : 'alive';
}

/** A short synchronous pause (the lock is taken before anything else runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

/** The owner record of this process. */
export function currentOwner(command: string): LockOwner {
  const own = processState(process.pid);
  const boot = bootId();
  return {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
    ...(own ? { startTicks: own.startTicks } : {}),
    ...(boot !== undefined ? { bootId: boot } : {}),
  };
}

export function lockDataDirectory(directory: string, command: string, waitMs = LOCK_WAIT_MS): DirectoryLock {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'anvisa.lock');
  const me = currentOwner(command);
  const content = JSON.stringify(me);
  const deadline = Date.now() + waitMs;
  for (let takeovers = 0; takeovers < 3;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, content);
      closeSync(fd);
      return { path, release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    const status = owner === null ? 'stale' : holderStatus(owner, me);
    if (owner !== null && status === 'alive') throw new DataDirectoryLockedError(directory, owner);
    if (owner !== null && status === 'wait') {
      if (Date.now() >= deadline) throw new DataDirectoryLockedError(directory, owner);
      pause(RETRY_MS);
      continue;
    }
    // Stale or unreadable: take it over, then retry the exclusive create.
    rmSync(path, { force: true });
    takeovers++;
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
