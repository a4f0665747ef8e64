/**
 * `npm run smoke` (run by `.ci/run` before the tests): the server as `npm start` runs it, on the Node.js the scripts
 * run on (24 LTS, ADR 0021), on a fresh PGlite data directory, and a short API flow through it: ready on /healthz,
 * the development login, the session, a search, the worklist, a child's first view, a decision proposal, /metrics,
 * then SIGTERM and a clean exit. Fails (exit 1) naming the step and the status when any of it does not answer right.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.SMOKE_PORT ?? 3198);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'anvisa-smoke-'));
const started = Date.now();

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(PORT),
    ANVISA_DATA_DIR: dataDir,
    TZ: 'Europe/Stockholm',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

function fail(step: string, detail: string): never {
  console.error(`smoke: ${step}: ${detail}`);
  server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

let cookie = '';
let csrf = '';
async function call(step: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(cookie === '' ? {} : { cookie }),
      ...(csrf === '' || method === 'GET' ? {} : { 'x-csrf-token': csrf }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch((error: unknown) => fail(step, String(error)));
  const set = res.headers.getSetCookie().find((c) => c.startsWith('anvisa_session='));
  if (set !== undefined) cookie = set.split(';')[0] ?? '';
  if (!res.ok) fail(step, `${method} ${path} answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  return type.includes('json') ? res.json() : res.text();
}

async function ready(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${BASE}/healthz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  fail('healthz', 'not ready after 120 s');
}

await ready();
const readyAfter = Date.now() - started;
const users = (await call('dev users', 'GET', '/api/auth/dev-users')) as {
  id: string;
  displayName: string;
}[];
const officer = users.find((u) => u.displayName === 'Anna Alm') ?? fail('dev users', 'no Anna Alm');
const social = users.find((u) => u.displayName === 'Sara Lind') ?? fail('dev users', 'no Sara Lind');

await call('login', 'POST', '/api/auth/dev-login', { userId: officer.id });
const session = (await call('session', 'GET', '/api/session')) as {
  csrfToken: string;
  assignments: { id: string }[];
};
csrf = session.csrfToken;
await call('role', 'POST', '/api/session/active-role', { assignmentId: session.assignments[0]?.id });
const found = (await call('search', 'GET', '/api/children?q=a&pageSize=5')) as { items: { id: string }[] };
const first = found.items[0] ?? fail('search', 'no child found');
await call('first view', 'GET', `/api/children/${first.id}/first-view`);
await call('worklist', 'GET', '/api/worklist');
await call('logout', 'POST', '/api/auth/logout');

cookie = '';
csrf = '';
await call('login', 'POST', '/api/auth/dev-login', { userId: social.id });
const socialSession = (await call('session', 'GET', '/api/session')) as {
  csrfToken: string;
  assignments: { id: string }[];
};
csrf = socialSession.csrfToken;
await call('role', 'POST', '/api/session/active-role', { assignmentId: socialSession.assignments[0]?.id });
await call('worklist', 'GET', '/api/worklist?mine=true');
const metrics = (await call('metrics', 'GET', '/metrics')) as string;
if (!/^anvisa_http_request_duration_seconds_count/m.test(metrics)) fail('metrics', 'no request durations');

server.kill('SIGTERM');
const code = await exited;
rmSync(dataDir, { recursive: true, force: true });
if (code !== 0) fail('stop', `exit code ${code} after SIGTERM`);
console.log(
  `smoke: Node ${process.version}: ready after ${(readyAfter / 1000).toFixed(1)} s; login, search, first view, worklists, metrics and a clean stop`,
);
