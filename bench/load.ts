/**
 * `npm run bench:load` — a benchmark, not a test: caseworkers at once against REAL app processes (`src/server/main.ts`
 * as `npm start` runs it, over HTTP with keep-alive) on the case benchmark's 100,000 children in PostgreSQL. Each
 * virtual caseworker is a closed loop (no think time): it picks an action by the weights below, takes it with its
 * own sessions (cookie, x-csrf-token) as the web does, and starts the next when the answers are in. Measured at
 * increasing numbers of caseworkers against one app process and against two on the same database (the sessions
 * split between them): requests/s, p50/p95/p99 overall and per request kind. Writes bench/results/load.json.
 * Goal (issue 11): ≥ 500 requests/s at p99 < 50 ms on 2 cores. Fails (exit 1) when over 1 % of requests fail: every
 * answer that is not 2xx counts, except a 409 where a conflict is an expected outcome (a case step taken on a version
 * someone else moved, a decision on a proposal another officer's decision changed).
 *
 * Environment: BENCH_CHILDREN (100000), BENCH_LEVELS (1,2,4,8,16,32,64 caseworkers), BENCH_SECONDS per level (20,
 * after BENCH_WARMUP 5 s), BENCH_PROCESSES (1,2), BENCH_PORT (3400; the app processes take it and the next),
 * BENCH_ACTION_SECONDS (5: each action alone, for its CPU cost; 0 leaves it out), BENCH_LOG_LEVEL (info, as in
 * production; the servers' log goes to bench/results/load-server-<n>.log), BENCH_CPU_PROF=1 (a V8 CPU profile of
 * each app process in /tmp/anvisa-load-prof, summed into bench/results/load-profile.json), BENCH_KEEP=1 (keep the database), BENCH_DATABASE_URL (measure again
 * on a database a BENCH_KEEP=1 run left; it then keeps it too), BENCH_SOCKET_DIR (the app processes reach PostgreSQL
 * through its Unix socket there, e.g. /var/run/postgresql, instead of TCP).
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers. When the server
 * loads `pg_stat_statements` (shared_preload_libraries), the statements that took the most of its time over the one
 * app process's levels go to bench/results/load-profile.json too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import type { Role } from '../src/domain/access/roles.ts';
import { addDays, stockholmDate } from '../src/domain/time.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestDatabase, serverAnswers, testServerUrl } from '../test/support/postgres.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';
import { bulkChildren } from './cases-data.ts';
import {
  readCpuProfiles,
  resetStatementStats,
  statementStatsAvailable,
  summariseCpuProfiles,
  topStatements,
  type StatementShare,
} from './profile.ts';

const env = process.env;
const CHILDREN = Number(env.BENCH_CHILDREN ?? 100_000);
const LEVELS = (env.BENCH_LEVELS ?? '1,2,4,8,16,32,64').split(',').map(Number);
const SECONDS = Number(env.BENCH_SECONDS ?? 20);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const PROCESS_COUNTS = (env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const PORT = Number(env.BENCH_PORT ?? 3400);
const ACTION_SECONDS = Number(env.BENCH_ACTION_SECONDS ?? 5);
/** The app processes reach PostgreSQL through its Unix socket in this directory instead of TCP (same machine). */
const SOCKET_DIR = env.BENCH_SOCKET_DIR;
const LOG_LEVEL = env.BENCH_LOG_LEVEL ?? 'info';
const CPU_PROFILE_DIR = env.BENCH_CPU_PROF === '1' ? '/tmp/anvisa-load-prof' : null;
/** Development: measure again on a database an earlier run kept (BENCH_KEEP=1); no data is made. */
const REUSE = env.BENCH_DATABASE_URL;
const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(import.meta.dirname, 'results');
const P99_GOAL_MS = 50;
const MAX_ERROR_RATE = 0.01;

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── the mix ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The demo users the caseworkers log in as (their subject is dev:<key>) and the role each acts in. */
const USERS = {
  'sara.lind': 'social_worker',
  'ali.hassan': 'social_worker',
  'anna.alm': 'allocation_officer',
  'per.ek': 'guardianship_officer',
  'omar.said': 'asylum_officer',
  'lena.holm': 'health_staff',
} as const satisfies Record<string, Role>;
type UserKey = keyof typeof USERS;

type ActionName =
  | 'login'
  | 'search'
  | 'worklist'
  | 'worklistMine'
  | 'childPage'
  | 'timeline'
  | 'journalWrite'
  | 'schoolStep'
  | 'healthStep'
  | 'allocation';

/**
 * The weights of the actions (the share of actions, not of requests) and who takes them. The same table is in the
 * README. A caseworker picks an action by weight, then one of its users at random.
 */
const MIX: readonly { action: ActionName; weight: number; users: readonly UserKey[]; requests: string }[] = [
  {
    action: 'login',
    weight: 2,
    users: ['sara.lind', 'ali.hassan', 'anna.alm', 'per.ek', 'omar.said', 'lena.holm'],
    requests:
      'POST /api/auth/dev-login, GET /api/session (+ POST /api/session/active-role when none is active)',
  },
  {
    action: 'search',
    weight: 20,
    users: ['sara.lind', 'ali.hassan', 'anna.alm', 'omar.said'],
    requests: 'GET /api/children?q= (a name, a birth date or a dossier number)',
  },
  {
    action: 'worklist',
    weight: 12,
    users: ['sara.lind', 'ali.hassan', 'per.ek'],
    requests: 'GET /api/worklist?page=1..3',
  },
  {
    action: 'worklistMine',
    weight: 6,
    users: ['sara.lind', 'ali.hassan'],
    requests: 'GET /api/worklist?mine=true',
  },
  {
    action: 'childPage',
    weight: 25,
    users: ['sara.lind', 'ali.hassan', 'per.ek', 'omar.said', 'lena.holm'],
    requests:
      'GET /api/children/:id/first-view (the child, the overview, the timeline’s head), as the page loads',
  },
  {
    action: 'timeline',
    weight: 10,
    users: ['sara.lind', 'ali.hassan'],
    requests: 'GET /api/children/:id/timeline',
  },
  {
    action: 'journalWrite',
    weight: 8,
    users: ['sara.lind', 'ali.hassan'],
    requests: 'POST /api/children/:id/journal',
  },
  {
    action: 'schoolStep',
    weight: 6,
    users: ['sara.lind', 'ali.hassan'],
    requests: 'GET /api/children/:id/school, POST the first step it offers (409 expected when raced)',
  },
  {
    action: 'healthStep',
    weight: 3,
    users: ['lena.holm'],
    requests: 'GET /api/children/:id/health, POST the first step it offers (409 expected when raced)',
  },
  {
    action: 'allocation',
    weight: 4,
    users: ['anna.alm'],
    requests:
      'POST /api/allocation/arrivals, GET …/proposal, POST …/decision (409 proposal_changed expected; read again, retry)',
  },
];
const TOTAL_WEIGHT = MIX.reduce((sum, m) => sum + m.weight, 0);

const NAMES = ['Mohammad', 'Ahmed', 'Husain', 'Abdul Rahman', 'Fatima', 'Karimi', 'محمد', 'Samson', 'ሳምሶን'];

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────────────────

interface Answer {
  readonly status: number;
  readonly body: Buffer;
  readonly encoding: string | undefined;
  readonly setCookie: readonly string[];
}

interface Sample {
  readonly kind: string;
  readonly ms: number;
  readonly status: number;
  readonly at: number;
}

/** What one level records: every request's kind, time and status, and the first few unexpected answers. */
class Recorder {
  readonly samples: Sample[] = [];
  readonly unexpected: { kind: string; status: number; body: string }[] = [];
  from = Infinity;
  to = Infinity;
  record(sample: Sample, expected: boolean, body: () => string): void {
    if (sample.at < this.from || sample.at >= this.to) return;
    this.samples.push(sample);
    if (!expected && this.unexpected.length < 20)
      this.unexpected.push({ kind: sample.kind, status: sample.status, body: body().slice(0, 300) });
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          // As a browser asks: the server compresses answers over 1 kB.
          'accept-encoding': 'br, gzip',
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            encoding: res.headers['content-encoding'],
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function decode(answer: Answer): string {
  if (answer.encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (answer.encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}
const json = <T>(answer: Answer): T => JSON.parse(decode(answer)) as T;

// ── the caseworkers ──────────────────────────────────────────────────────────────────────────────────────────────

interface Pools {
  readonly userIds: Record<UserKey, string>;
  /** Malmö's children (no protected identity): the social workers', the guardianship officer's. */
  readonly malmo: readonly { id: string; dossier: string; birth: string }[];
  /** Children in Skåne (the health staff's region). */
  readonly skane: readonly string[];
  /** Children anywhere (the Migration Agency's view). */
  readonly country: readonly { id: string; dossier: string }[];
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

let nextDossier = 95_000_000 + (Date.now() % 1_000_000) * 10;
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('an empty pool');
  return item;
};

class Caseworker {
  private readonly sessions = new Map<UserKey, Session>();
  stopped = false;

  constructor(
    private readonly port: number,
    private readonly pools: Pools,
    private readonly today: string,
    private recorder: Recorder,
  ) {}

  use(recorder: Recorder): void {
    this.recorder = recorder;
  }

  private async call(
    kind: string,
    method: 'GET' | 'POST',
    path: string,
    session: Session | null,
    body?: unknown,
    conflictExpected = false,
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (session !== null) {
      headers.cookie = session.cookie;
      if (method === 'POST') headers['x-csrf-token'] = session.csrf;
    }
    const at = performance.now();
    const answer = await send(this.port, method, path, headers, body);
    const ok = answer.status >= 200 && answer.status < 300;
    this.recorder.record(
      { kind, ms: performance.now() - at, status: answer.status, at },
      ok || (conflictExpected && answer.status === 409),
      () => `${method} ${path}: ${decode(answer)}`,
    );
    return answer;
  }

  private async login(user: UserKey): Promise<Session> {
    const answer = await this.call('login', 'POST', '/api/auth/dev-login', null, {
      userId: this.pools.userIds[user],
    });
    const token = answer.setCookie
      .map((c) => /^anvisa_session=([^;]*)/.exec(c)?.[1])
      .find((v) => v !== undefined);
    if (token === undefined) throw new Error(`login as ${user}: ${answer.status}`);
    const cookie = `anvisa_session=${token}`;
    const me = json<{ csrfToken: string; activeAssignmentId: string | null; assignments: { id: string }[] }>(
      await this.call('session', 'GET', '/api/session', { cookie, csrf: '' }),
    );
    const session = { cookie, csrf: me.csrfToken };
    const assignment = me.assignments[0];
    if (me.activeAssignmentId === null && assignment !== undefined)
      await this.call('session.role', 'POST', '/api/session/active-role', session, {
        assignmentId: assignment.id,
      });
    this.sessions.set(user, session);
    return session;
  }

  private async session(user: UserKey): Promise<Session> {
    return this.sessions.get(user) ?? (await this.login(user));
  }

  /** Takes actions until stopped: drawn by the weights, or only `only` (to measure one action's cost). */
  async run(only?: ActionName): Promise<void> {
    while (!this.stopped) {
      let r = Math.random() * TOTAL_WEIGHT;
      const entry =
        only === undefined
          ? (MIX.find((m) => (r -= m.weight) < 0) ?? MIX[0])
          : MIX.find((m) => m.action === only);
      if (entry === undefined) return;
      await this.act(entry.action, pick(entry.users));
    }
  }

  private async act(action: ActionName, user: UserKey): Promise<void> {
    const { malmo, skane, country } = this.pools;
    if (action === 'login') {
      await this.login(user);
      return;
    }
    const s = await this.session(user);
    const role = USERS[user];
    switch (action) {
      case 'search': {
        const child = role === 'social_worker' ? pick(malmo) : pick(country);
        const kind = Math.random();
        const q =
          kind < 0.5
            ? pick(NAMES)
            : kind < 0.8 || !('birth' in child)
              ? child.dossier
              : (child as { birth: string }).birth;
        await this.call('search', 'GET', `/api/children?q=${encodeURIComponent(q)}`, s);
        return;
      }
      case 'worklist':
        await this.call('worklist', 'GET', `/api/worklist?page=${1 + Math.floor(Math.random() * 3)}`, s);
        return;
      case 'worklistMine':
        await this.call('worklist.mine', 'GET', '/api/worklist?mine=true', s);
        return;
      case 'childPage': {
        const id =
          role === 'health_staff'
            ? pick(skane)
            : role === 'asylum_officer'
              ? pick(country).id
              : pick(malmo).id;
        await this.call('child.first_view', 'GET', `/api/children/${id}/first-view`, s);
        return;
      }
      case 'timeline':
        await this.call('child.timeline', 'GET', `/api/children/${pick(malmo).id}/timeline`, s);
        return;
      case 'journalWrite':
        await this.call('journal.write', 'POST', `/api/children/${pick(malmo).id}/journal`, s, {
          kind: 'note',
          body: 'Samtal med barnet om skolan och boendet. Barnet trivs och vill fortsätta på samma skola.',
        });
        return;
      case 'schoolStep':
        await this.step('school', s, pick(malmo).id);
        return;
      case 'healthStep':
        await this.step('health', s, pick(skane));
        return;
      case 'allocation':
        await this.allocate(s);
        return;
    }
  }

  /** Opens the section, takes the first step it offers with today's date. */
  private async step(section: 'school' | 'health', s: Session, childId: string): Promise<void> {
    const answer = await this.call(`${section}.view`, 'GET', `/api/children/${childId}/${section}`, s);
    if (answer.status !== 200) return;
    const view = json<{
      version: number;
      steps: { path: string; needs: { date: string | null; fields: string[] } }[];
    }>(answer);
    const step = view.steps[0];
    if (step === undefined) return;
    const body: Record<string, unknown> = { expectedVersion: view.version };
    if (step.needs.date !== null) body[step.needs.date] = this.today;
    for (const field of step.needs.fields) body[field] = FIELD_VALUES[field];
    await this.call(`${section}.step`, 'POST', step.path, s, body, true);
  }

  /** Registers an arriving child, reads the proposal and confirms it (reading again after a 409). */
  private async allocate(s: Session): Promise<void> {
    const dossier = String(nextDossier++);
    const created = await this.call('allocation.register', 'POST', '/api/allocation/arrivals', s, {
      dossierNumber: dossier,
      firstName: 'Yonas',
      lastName: `Belast${dossier}`,
      birthDate: addDays(this.today, -15 * 365),
      gender: 'male',
      citizenship: 'Eritrea',
      languages: ['tigrinja'],
      interpreterNeeded: true,
      arrivalMunicipalityCode: '1280',
      arrivalDate: this.today,
    });
    if (created.status !== 201) return;
    const { id } = json<{ id: string }>(created);
    for (let attempt = 0; attempt < 3; attempt++) {
      const proposal = await this.call(
        'allocation.proposal',
        'GET',
        `/api/allocation/children/${id}/proposal`,
        s,
      );
      if (proposal.status !== 200) return;
      const code = json<{ municipality: { code: string } }>(proposal).municipality.code;
      const decided = await this.call(
        'allocation.decide',
        'POST',
        `/api/allocation/children/${id}/decision`,
        s,
        {
          municipalityCode: code,
          proposedCode: code,
          reason: null,
          considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null },
          rule: 'quota',
        },
        true,
      );
      if (decided.status !== 409) return;
    }
  }
}

/** Values for the fields a step may need besides its date. */
const FIELD_VALUES: Record<string, unknown> = {
  school: 'Värnhemsskolan',
  programme: 'sprakintroduktion',
  to: 'primary_care',
};

// ── measuring ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Stats {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function stats(samples: readonly Sample[], seconds: number): Stats {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: round(times.length / seconds),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? 0),
  };
}

interface LevelResult extends Stats {
  readonly caseworkers: number;
  readonly errors: number;
  readonly expectedConflicts: number;
  readonly loadAverage: number;
  readonly cpuMsPerRequest: { readonly app: number; readonly database: number; readonly client: number };
  readonly byKind: Record<string, Stats & { errors: number; conflicts: number }>;
  readonly unexpected: readonly { kind: string; status: number; body: string }[];
}

/** CPU seconds a process has used (user + system), from /proc; 0 when it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/** Where the CPU went: the app processes, the database's backends serving them (by pid), this client. */
interface CpuCounters {
  readonly app: number;
  readonly database: ReadonlyMap<number, number>;
  readonly client: number;
}
async function cpuCounters(appPids: readonly number[], watcher: pg.Client): Promise<CpuCounters> {
  const { rows } = await watcher.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  const client = process.cpuUsage();
  return {
    app: appPids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    database: new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid)])),
    client: (client.user + client.system) / 1e6,
  };
}

/** CPU seconds between two counts; a backend counts from its first sighting (one the pool opened meanwhile from 0). */
function cpuSpent(before: CpuCounters, after: CpuCounters) {
  let database = 0;
  for (const [pid, seconds] of after.database) database += seconds - (before.database.get(pid) ?? 0);
  return { app: after.app - before.app, database, client: after.client - before.client };
}

async function measureLevel(
  workers: Caseworker[],
  count: number,
  recorder: Recorder,
  cpu: () => Promise<CpuCounters>,
  timing = { warmup: WARMUP, seconds: SECONDS },
): Promise<LevelResult> {
  const { warmup, seconds } = timing;
  const started = performance.now();
  recorder.from = started + warmup * 1000;
  recorder.to = recorder.from + seconds * 1000;
  const active = workers.slice(0, count);
  for (const w of active) w.use(recorder);
  await sleep(warmup * 1000);
  const before = await cpu();
  await sleep(seconds * 1000);
  const after = await cpu();
  const samples = recorder.samples;
  const spent = cpuSpent(before, after);
  const perRequest = (key: keyof typeof spent) => round((spent[key] * 1000) / Math.max(1, samples.length), 2);
  const isError = (s: Sample) => s.status < 200 || (s.status >= 300 && s.status !== 409);
  const conflicts = (list: readonly Sample[]) => list.filter((s) => s.status === 409).length;
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const byKind: LevelResult['byKind'] = {};
  for (const kind of kinds) {
    const of = samples.filter((s) => s.kind === kind);
    byKind[kind] = { ...stats(of, seconds), errors: of.filter(isError).length, conflicts: conflicts(of) };
  }
  // A 409 is expected only where the caseworker sent conflictExpected; elsewhere it was reported as unexpected.
  const unexpectedConflicts = samples.filter(
    (s) => s.status === 409 && !['school.step', 'health.step', 'allocation.decide'].includes(s.kind),
  ).length;
  return {
    caseworkers: count,
    ...stats(samples, seconds),
    errors: samples.filter(isError).length + unexpectedConflicts,
    expectedConflicts: conflicts(samples) - unexpectedConflicts,
    loadAverage: round(loadavg()[0] ?? 0, 2),
    // CPU milliseconds per request; the database's counts only its backends that served this database.
    cpuMsPerRequest: {
      app: perRequest('app'),
      database: perRequest('database'),
      client: perRequest('client'),
    },
    byKind,
    unexpected: recorder.unexpected,
  };
}

/** Runs the levels in order with one set of caseworkers per level (the extra ones join when the level rises). */
async function runLevels(
  apps: readonly AppProcess[],
  pools: Pools,
  today: string,
  watcher: pg.Client,
): Promise<LevelResult[]> {
  const ports = apps.map((a) => a.port);
  const pids = apps.map((a) => a.child.pid ?? 0);
  const results: LevelResult[] = [];
  const workers: Caseworker[] = [];
  const running: Promise<void>[] = [];
  try {
    for (const level of LEVELS) {
      const recorder = new Recorder();
      while (workers.length < level) {
        const worker = new Caseworker(ports[workers.length % ports.length] ?? PORT, pools, today, recorder);
        workers.push(worker);
        running.push(worker.run());
      }
      // Caseworkers above this level (none, as the levels rise) would idle; the levels only rise.
      const result = await measureLevel(workers, level, recorder, () => cpuCounters(pids, watcher));
      results.push(result);
      const line = `${String(level).padStart(3)} caseworkers: ${String(result.perSecond).padStart(7)} req/s  p50 ${result.p50Ms} p95 ${result.p95Ms} p99 ${result.p99Ms} ms  errors ${result.errors}  409 ${result.expectedConflicts}  CPU ms/request app ${result.cpuMsPerRequest.app} db ${result.cpuMsPerRequest.database} client ${result.cpuMsPerRequest.client}  load ${result.loadAverage}`;
      console.log(line);
      for (const u of result.unexpected.slice(0, 3))
        console.log(`    unexpected ${u.kind} ${u.status}: ${u.body}`);
    }
  } finally {
    for (const w of workers) w.stopped = true;
    await Promise.allSettled(running);
  }
  return results;
}

/**
 * What each action costs alone: two caseworkers taking only that action on one app process, briefly. CPU per
 * request is what the machine spends whatever else runs beside; the latencies here are of that action alone.
 */
async function costsByAction(app: AppProcess, pools: Pools, today: string, watcher: pg.Client) {
  const costs: Record<string, unknown> = {};
  for (const { action } of MIX) {
    const recorder = new Recorder();
    const workers = [0, 1].map(() => new Caseworker(app.port, pools, today, recorder));
    const running = workers.map((w) => w.run(action));
    const result = await measureLevel(
      workers,
      workers.length,
      recorder,
      () => cpuCounters([app.child.pid ?? 0], watcher),
      { warmup: 1, seconds: ACTION_SECONDS },
    );
    for (const w of workers) w.stopped = true;
    await Promise.all(running);
    costs[action] = {
      requests: result.requests,
      perSecond: result.perSecond,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      errors: result.errors,
      cpuMsPerRequest: result.cpuMsPerRequest,
    };
    console.log(
      `  ${action.padEnd(13)} ${String(result.perSecond).padStart(6)} req/s  p50 ${result.p50Ms} p99 ${result.p99Ms} ms  CPU ms/request app ${result.cpuMsPerRequest.app} db ${result.cpuMsPerRequest.database}`,
    );
  }
  return costs;
}

// ── the app processes ────────────────────────────────────────────────────────────────────────────────────────────

interface AppProcess {
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

async function startApp(databaseUrl: string, port: number, index: number): Promise<AppProcess> {
  const log = openSync(join(RESULTS, `load-server-${index}.log`), 'w');
  const args = ['--import', 'tsx'];
  if (CPU_PROFILE_DIR !== null) {
    mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    args.push(
      '--cpu-prof',
      '--cpu-prof-dir',
      CPU_PROFILE_DIR,
      '--cpu-prof-name',
      `app-${index}-${port}.cpuprofile`,
    );
  }
  args.push('src/server/main.ts');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: {
      ...env,
      // development: the development login (production refuses to start without an identity provider).
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: SOCKET_DIR === undefined ? databaseUrl : `${databaseUrl}?host=${SOCKET_DIR}`,
      LOG_LEVEL: LOG_LEVEL,
      // The bench filled the database: no demo seeding and no growth in the background.
      ANVISA_DEMO_DATA: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`app process ${index} exited (${child.exitCode}); see its log`);
    if (Date.now() > deadline) throw new Error(`app process ${index} did not answer /healthz within 60 s`);
    const ok = await send(port, 'GET', '/healthz', {}).then(
      (a) => a.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(200);
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const now = new Date();
  const today = stockholmDate(now);
  mkdirSync(RESULTS, { recursive: true });
  let cluster: { url: string; stop(): Promise<void> | void } | null = null;
  if (REUSE === undefined && !(await serverAnswers(testServerUrl()))) {
    cluster = await startThrowawayCluster();
    env.TEST_DATABASE_URL = cluster.url;
  }
  const target =
    REUSE === undefined ? await createTestDatabase() : { url: REUSE, drop: () => Promise.resolve() };
  const results: Record<string, unknown> = {
    measuredAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    engine: 'postgresql',
    settings: {
      levels: LEVELS,
      secondsPerLevel: SECONDS,
      warmupSeconds: WARMUP,
      logLevel: LOG_LEVEL,
      databaseConnection: SOCKET_DIR === undefined ? 'tcp' : 'unix socket',
    },
    mix: MIX.map((m) => ({ ...m, share: round(m.weight / TOTAL_WEIGHT, 3) })),
  };
  const apps: AppProcess[] = [];
  let watcher: pg.Client | null = null;
  let statements: StatementShare[] | null = null;
  let failed = false;
  try {
    const database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 4 });
    let pools: Pools;
    try {
      if (REUSE === undefined) {
        await loadReferenceData(database.db);
        await seedDemo(database, now, today, 24);
        const data = await bulkChildren(database, CHILDREN, today);
        results.data = data;
        console.log('data', data);
      }
      const users = await database.raw.query<{ subject: string; id: string }>(
        `select subject, id from users where subject = any($1)`,
        [Object.keys(USERS).map((k) => `dev:${k}`)],
      );
      const userIds = Object.fromEntries(users.rows.map((u) => [u.subject.slice(4), u.id])) as Record<
        UserKey,
        string
      >;
      // Children who arrived over 40 days ago: a step dated today is then after every date their records hold.
      const inMunicipality = (where: string) =>
        database.raw.query<{ id: string; dossier: string; birth: string }>(
          `select c.id, c.dossier_number as dossier, c.birth_date::text as birth from children c
           join responsibility_periods p on p.child_id = c.id and p.to_date is null
           where ${where} and c.dossier_number like '3%' and not c.protected_identity
           and c.created_at < now() - interval '40 days' order by c.dossier_number limit 2000`,
        );
      pools = {
        userIds,
        malmo: (await inMunicipality(`p.municipality_code = '1280'`)).rows,
        skane: (await inMunicipality(`p.municipality_code like '12%'`)).rows.map((r) => r.id),
        country: (
          await database.raw.query<{ id: string; dossier: string }>(
            `select id, dossier_number as dossier from children where dossier_number like '3%' and not protected_identity
             order by md5(id::text) limit 5000`,
          )
        ).rows,
      };
      console.log(
        `pools: ${pools.malmo.length} in Malmö, ${pools.skane.length} in Skåne, ${pools.country.length} nationwide`,
      );
    } finally {
      await database.close();
    }

    watcher = new pg.Client({ connectionString: target.url, application_name: 'bench-load-watcher' });
    await watcher.connect();
    const statementStats = await statementStatsAvailable(watcher);
    if (CPU_PROFILE_DIR !== null) rmSync(CPU_PROFILE_DIR, { recursive: true, force: true });
    const runs: Record<string, unknown>[] = [];
    for (const processes of PROCESS_COUNTS) {
      while (apps.length < processes)
        apps.push(await startApp(target.url, PORT + apps.length, apps.length + 1));
      console.log(`\n${processes} app process${processes === 1 ? '' : 'es'} (log level ${LOG_LEVEL})`);
      // What autovacuum does in production between the runs: vacuum (GIN pending lists, the visibility map) and fresh
      // statistics for the rows the levels before added. Without them the planner works from counts taken when the
      // data was made, and this project's machines run PostgreSQL with autovacuum off.
      await watcher.query('vacuum (analyze)');
      const first = runs.length === 0;
      if (first && statementStats) await resetStatementStats(watcher);
      const levels = await runLevels(apps.slice(0, processes), pools, today, watcher);
      if (first && statementStats) statements = await topStatements(watcher);
      runs.push({ processes, ...summarise(levels), levels });
      if (processes === 1 && ACTION_SECONDS > 0 && apps[0] !== undefined) {
        console.log('\neach action alone (2 caseworkers, 1 app process)');
        results.costsByAction = await costsByAction(apps[0], pools, today, watcher);
      }
    }
    results.runs = runs;
    const all = runs.flatMap((r) => r.levels as LevelResult[]);
    const requests = all.reduce((n, l) => n + l.requests, 0);
    const errors = all.reduce((n, l) => n + l.errors, 0);
    results.errorRate = round(errors / Math.max(1, requests), 5);
    console.log('\nprocesses  best req/s at p99 < 50 ms        knee (doubling the caseworkers adds < 15 %)');
    for (const run of runs) {
      const best = run.bestUnderGoal as { caseworkers: number; perSecond: number; p99Ms: number } | null;
      const knee = run.knee as { caseworkers: number; perSecond: number; p99Ms: number } | null;
      console.log(
        `${String(run.processes).padStart(9)}  ${best === null ? 'none'.padEnd(30) : `${best.perSecond} (${best.caseworkers} caseworkers, p99 ${best.p99Ms} ms)`.padEnd(30)}  ${knee === null ? 'not reached' : `${knee.caseworkers} caseworkers: ${knee.perSecond} req/s, p99 ${knee.p99Ms} ms`}`,
      );
    }
    if (errors / Math.max(1, requests) > MAX_ERROR_RATE) {
      failed = true;
      console.error(
        `\nFAILED: ${errors} of ${requests} requests failed (${round((100 * errors) / requests, 2)} % > ${MAX_ERROR_RATE * 100} %)`,
      );
    }
  } finally {
    await watcher?.end();
    for (const app of apps) await app.stop();
    if (env.BENCH_KEEP !== '1') await target.drop();
    else console.log(`kept ${target.url} (BENCH_DATABASE_URL=${target.url} measures on it again)`);
    await cluster?.stop();
    agent.destroy();
  }
  writeFileSync(join(RESULTS, 'load.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(RESULTS, 'load.json')}`);
  writeProfile(statements);
  if (failed) process.exitCode = 1;
}

/**
 * Where the time went (bench/profile.ts): the app processes' CPU profiles (after they stopped and wrote them) and the
 * database's statements, written only when at least one was taken.
 */
function writeProfile(statements: StatementShare[] | null): void {
  const written = CPU_PROFILE_DIR === null ? null : readCpuProfiles(CPU_PROFILE_DIR);
  const app = written === null ? null : { files: written.files, ...summariseCpuProfiles(written.profiles) };
  if (app === null && statements === null) return;
  const profile = {
    measuredAt: new Date().toISOString(),
    settings: { levels: LEVELS, processes: PROCESS_COUNTS, secondsPerLevel: SECONDS, logLevel: LOG_LEVEL },
    app:
      app === null
        ? null
        : {
            note: 'self time of the app processes over their whole run (start, every level, the actions alone), idle left out',
            ...app,
          },
    database:
      statements === null
        ? null
        : {
            note: 'pg_stat_statements over the one app process levels: the statements with the most execution time',
            statements,
          },
  };
  writeFileSync(join(RESULTS, 'load-profile.json'), `${JSON.stringify(profile, null, 2)}\n`);
  console.log(`profile written to ${join(RESULTS, 'load-profile.json')}`);
  if (app !== null) {
    console.log('app CPU by area:');
    for (const a of app.areas.slice(0, 12)) console.log(`  ${String(a.percent).padStart(5)} %  ${a.name}`);
  }
  if (statements !== null) {
    console.log('database time by statement:');
    for (const s of statements.slice(0, 8))
      console.log(
        `  ${String(s.percent).padStart(5)} %  ${s.calls} calls, mean ${s.meanMs} ms  ${s.query.slice(0, 110)}`,
      );
  }
}

/**
 * The highest throughput whose p99 stays under the goal, and the knee: the last level after which doubling the
 * caseworkers adds less than 15 % throughput (more caseworkers only queue: p99 rises, requests/s stay flat).
 */
function summarise(levels: readonly LevelResult[]) {
  const brief = (l: LevelResult) => ({
    caseworkers: l.caseworkers,
    perSecond: l.perSecond,
    p50Ms: l.p50Ms,
    p99Ms: l.p99Ms,
  });
  const under = levels.filter((l) => l.p99Ms < P99_GOAL_MS);
  const best = under.reduce<LevelResult | null>(
    (b, l) => (b === null || l.perSecond > b.perSecond ? l : b),
    null,
  );
  const kneeIndex = levels.findIndex((l, i) => {
    const next = levels[i + 1];
    return next !== undefined && next.perSecond < l.perSecond * 1.15;
  });
  const knee = kneeIndex >= 0 ? levels[kneeIndex] : undefined;
  return { bestUnderGoal: best === null ? null : brief(best), knee: knee === undefined ? null : brief(knee) };
}

await main();
