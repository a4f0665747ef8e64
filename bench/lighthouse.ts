/**
 * `npm run bench:lighthouse` — Lighthouse (desktop preset, performance only) on three pages of the web UI: the login
 * page, the children list and a child's page. A measure, not a test: writes bench/results/lighthouse.json. Goal
 * (issue 11): performance ≥ 0.9 and CLS < 0.1 on each.
 *
 * The npm script builds the UI first (`vite build`); run on its own (`node --import tsx bench/lighthouse.ts`) it
 * measures the build already in dist/web. It starts the real server (src/server/main.ts) on a fresh PGlite data
 * directory under the system's temp folder, with the 24 fixture children and no background growth (the demo's growth
 * would take the CPU Lighthouse measures with), and Debian's Chromium (/usr/bin/chromium, headless).
 *
 * The server runs without NODE_ENV=production: production refuses to start without an identity provider, and a
 * benchmark needs a login it can script. What the browser gets is the same as in production — the same build,
 * brotli/gzip, the same cache headers and CSP; the differences are the development login itself, source maps being
 * served (Lighthouse does not load them for the page) and `trustProxy`. The login page is measured logged out; for the
 * other two the script logs in through the API as a social worker (POST /api/auth/dev-login, then the active role)
 * and Lighthouse sends the session cookie with every request (`extraHeaders`).
 *
 * Each page is measured `--runs N` times (default 3) and the run with the median performance score is reported, as
 * Lighthouse advises for variance. Options: --port P (default 3510), --runs N.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';

const ROOT = join(import.meta.dirname, '..');
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? NaN : Number(process.argv[index + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const PORT = argument('port', 3510);
const RUNS = argument('runs', 3);
const BASE = `http://localhost:${PORT}`;

function startServer(dataDir: string): ChildProcess {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      ANVISA_DATA_DIR: dataDir,
      ANVISA_DEMO_CHILDREN: '24',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return server;
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not answer /healthz within 120 s');
}

/** Logs in as the first demo social worker; returns the cookie header and a child of theirs with the most to show. */
async function logIn(): Promise<{ cookie: string; childId: string }> {
  const users = (await (await fetch(`${BASE}/api/auth/dev-users`)).json()) as {
    id: string;
    roles: { role: string }[];
  }[];
  const worker = users.find((u) => u.roles.some((r) => r.role === 'social_worker'));
  if (worker === undefined) throw new Error('no demo social worker');
  const login = await fetch(`${BASE}/api/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: worker.id }),
  });
  if (!login.ok) throw new Error(`dev-login answered ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${BASE}${path}`, { headers: { cookie } });
    if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  };
  const session = await get<{
    csrfToken: string;
    activeAssignmentId: string | null;
    assignments: { id: string; role: string }[];
  }>('/api/session');
  const assignment = session.assignments.find((a) => a.role === 'social_worker');
  if (session.activeAssignmentId === null && assignment !== undefined) {
    const chosen = await fetch(`${BASE}/api/session/active-role`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ assignmentId: assignment.id }),
    });
    if (!chosen.ok) throw new Error(`active-role answered ${chosen.status}`);
  }
  const children = await get<{ items: { id: string }[] }>('/api/children?page=1&pageSize=25');
  const childId = children.items[0]?.id;
  if (childId === undefined) throw new Error('the social worker sees no child');
  return { cookie, childId };
}

interface Figures {
  readonly performance: number | null;
  readonly fcpMs: number | null;
  readonly lcpMs: number | null;
  readonly tbtMs: number | null;
  readonly cls: number | null;
  readonly speedIndexMs: number | null;
  readonly scriptTransferKB: number | null;
  readonly totalTransferKB: number | null;
  readonly requests: number | null;
}

function figuresOf(lhr: Result): Figures {
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    return value === undefined ? null : value;
  };
  const ms = (id: string) => {
    const value = numeric(id);
    return value === null ? null : Math.round(value);
  };
  const summary = lhr.audits['resource-summary']?.details;
  const rows =
    summary?.type === 'table'
      ? (summary.items as { resourceType?: string; transferSize?: number; requestCount?: number }[])
      : [];
  const row = (type: string) => rows.find((r) => r.resourceType === type);
  const kB = (bytes: number | undefined) => (bytes === undefined ? null : Math.round(bytes / 100) / 10);
  const cls = numeric('cumulative-layout-shift');
  return {
    performance: lhr.categories.performance?.score ?? null,
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: cls === null ? null : Math.round(cls * 1000) / 1000,
    speedIndexMs: ms('speed-index'),
    scriptTransferKB: kB(row('script')?.transferSize),
    totalTransferKB: kB(row('total')?.transferSize),
    requests: row('total')?.requestCount ?? null,
  };
}

/** The layout shifts Lighthouse saw, largest first: what moved, for fixing CLS. */
function shiftsOf(lhr: Result): { score: number; node: string }[] {
  const details = lhr.audits['layout-shifts']?.details;
  if (details?.type !== 'table') return [];
  return (details.items as { score?: number; node?: { snippet?: string; selector?: string } }[]).map(
    (item) => ({
      score: Math.round((item.score ?? 0) * 1000) / 1000,
      node: item.node?.selector ?? item.node?.snippet ?? '?',
    }),
  );
}

async function measure(url: string, cookie: string | null, port: number): Promise<{ lhr: Result }> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...(cookie === null ? {} : { extraHeaders: { Cookie: cookie } }),
    },
    desktopConfig,
  );
  if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
  return { lhr: result.lhr };
}

const dataDir = mkdtempSync(join(tmpdir(), 'anvisa-lighthouse-'));
const server = startServer(dataDir);
const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
try {
  await waitForHealth(server);
  const { cookie, childId } = await logIn();
  const pages = [
    { name: 'login', path: '/login', cookie: null },
    { name: 'children list', path: '/barn', cookie },
    { name: "child's page", path: `/barn/${childId}`, cookie },
  ];
  const chrome = await launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const page of pages) {
      const runs: { figures: Figures; shifts: { score: number; node: string }[] }[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A run whose trace Lighthouse could not record (NO_NAVSTART happens on a busy machine) is run again, twice at most.
        let { lhr } = await measure(`${BASE}${page.path}`, page.cookie, chrome.port);
        for (let retry = 0; lhr.runtimeError !== undefined && retry < 2; retry++) {
          console.warn(`${page.name}: ${lhr.runtimeError.code}, running again`);
          ({ lhr } = await measure(`${BASE}${page.path}`, page.cookie, chrome.port));
        }
        if (lhr.runtimeError !== undefined) throw new Error(`${page.name}: ${lhr.runtimeError.message}`);
        runs.push({ figures: figuresOf(lhr), shifts: shiftsOf(lhr) });
      }
      const sorted = [...runs].sort((a, b) => (a.figures.performance ?? 0) - (b.figures.performance ?? 0));
      const median = sorted[Math.floor(sorted.length / 2)] ?? sorted[0];
      if (median === undefined) throw new Error('no run');
      results.push({
        page: page.name,
        path: page.path.replace(childId, ':childId'),
        ...median.figures,
        layoutShifts: median.shifts,
        runs: runs.map((r) => r.figures),
      });
      const f = median.figures;
      console.log(
        `${page.name.padEnd(14)} performance ${f.performance} · FCP ${f.fcpMs} ms · LCP ${f.lcpMs} ms · TBT ${f.tbtMs} ms · CLS ${f.cls} · JS ${f.scriptTransferKB} kB (all ${f.totalTransferKB} kB, ${f.requests} requests)`,
      );
    }
  } finally {
    chrome.kill();
  }
  const output = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      chromium: '/usr/bin/chromium (headless=new)',
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    setup: {
      preset: 'desktop (simulated throttling: 40 ms RTT, 10 Mbit/s, no CPU slowdown)',
      server:
        'src/server/main.ts without NODE_ENV=production (the development login), PGlite in a temp directory, 24 fixture children',
      user: 'a demo social worker; the login page logged out',
      runsPerPage: RUNS,
      reported: 'the run with the median performance score',
    },
    pages: results,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'lighthouse.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('wrote bench/results/lighthouse.json');
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
