/**
 * A throwaway PostgreSQL cluster from Debian's binaries, for machines where no server answers at
 * TEST_DATABASE_URL. `initdb` refuses to run as root, so as root we run it (and `pg_ctl`) as `postgres` on a
 * directory that user owns (STACK.md pitfall 9). fsync is off: the cluster lives only for one test run.
 */
import { execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayCluster {
  readonly url: string;
  readonly port: number;
  readonly directory: string;
  /** Stops the server and removes its directory. Safe to call more than once. */
  stop(): void;
}

const POSTGRES_LIB = '/usr/lib/postgresql';
const DIRECTORY_PREFIX = 'anvisa-pg-';
const OWNER_FILE = 'owner.pid';

/** The `bin` directory of the highest installed PostgreSQL major version that has initdb and pg_ctl. */
export function findPostgresBinaries(): string {
  const versions = existsSync(POSTGRES_LIB)
    ? readdirSync(POSTGRES_LIB)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .filter(
          (v) =>
            existsSync(join(POSTGRES_LIB, v, 'bin', 'initdb')) &&
            existsSync(join(POSTGRES_LIB, v, 'bin', 'pg_ctl')),
        )
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const highest = versions[0];
  if (highest === undefined) {
    throw new Error(
      `No PostgreSQL server answers at TEST_DATABASE_URL and no initdb/pg_ctl was found under ${POSTGRES_LIB}/*/bin. ` +
        'Install Debian\'s "postgresql" package (apt-get install postgresql), or start a server and set TEST_DATABASE_URL.',
    );
  }
  return join(POSTGRES_LIB, highest, 'bin');
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('could not find a free port'))));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'Running as root, but there is no "postgres" user to run initdb as (it comes with Debian\'s postgresql package).',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

type RunTool = (tool: string, args: string[]) => void;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops and removes clusters left behind by test runs that were killed (SIGKILL skips every cleanup hook). */
function removeAbandonedClusters(run: RunTool): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(DIRECTORY_PREFIX))) {
    const directory = join(tmpdir(), name);
    const ownerFile = join(directory, OWNER_FILE);
    if (!existsSync(ownerFile)) continue;
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (!Number.isInteger(owner) || owner <= 0 || processAlive(owner)) continue;
    try {
      if (existsSync(join(directory, 'data', 'postmaster.pid')))
        run('pg_ctl', ['-D', join(directory, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const run: RunTool = (tool, args) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  removeAbandonedClusters(run);

  const directory = mkdtempSync(join(tmpdir(), DIRECTORY_PREFIX));
  writeFileSync(join(directory, OWNER_FILE), String(process.pid));
  const dataDir = join(directory, 'data');
  const logFile = join(directory, 'server.log');
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(directory, uid, gid);
  }
  const removeDirectory = (): void => rmSync(directory, { recursive: true, force: true });

  try {
    run('initdb', [
      '--no-sync',
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale',
      'C',
      '-D',
      dataDir,
    ]);
  } catch (error) {
    removeDirectory();
    throw withOutput('initdb failed', error);
  }

  // Another process may take the free port between our probe and the server's bind: try a few ports.
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeLoopbackPort();
    const options = `-k '${directory}' -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', options, 'start']);
    } catch (error) {
      lastError = error;
      continue;
    }
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      } finally {
        removeDirectory();
      }
    };
    // Safety net: if the test process exits without running teardown, do not leave a server behind.
    process.once('exit', () => {
      try {
        stop();
      } catch {
        // Nothing more we can do while exiting.
      }
    });
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, directory, stop };
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
  removeDirectory();
  throw withOutput(`pg_ctl start failed three times; server log:\n${log}`, lastError);
}

function withOutput(message: string, error: unknown): Error {
  const stderr = (error as { stderr?: Buffer | string } | null)?.stderr;
  const detail = stderr === undefined ? '' : `\n${stderr.toString()}`;
  return new Error(`${message}${detail}`, { cause: error });
}
