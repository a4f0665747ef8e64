/**
 * `npm run bench:cases` — a benchmark, not a test: 100,000 children on PostgreSQL, measured through the whole HTTP
 * stack (session, permission, scope, audit in the same transaction) with Fastify's inject. Writes
 * bench/results/cases.json. Goals (issue 4): worklist and search p99 < 50 ms, the child's page p99 < 100 ms; (issue
 * 11) the child's page's first view in one request p99 < 50 ms, "my worklist" at the extreme caseload p99 < 50 ms.
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers.
 * BENCH_CHILDREN changes the number of children (default 100000); BENCH_KEEP=1 keeps the database (its address is
 * printed); BENCH_DATABASE_URL measures again on a database an earlier run kept, without building the data anew.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { stockholmDate } from '../src/domain/time.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { coreRoutes } from '../src/server/routes.ts';
import { createTestDatabase, serverAnswers, testServerUrl } from '../test/support/postgres.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';
import { bulkChildren } from './cases-data.ts';

const now = new Date();
const today = stockholmDate(now);
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function login(
  app: FastifyInstance,
  database: Database,
  key: string,
  organisationPrefix?: string,
): Promise<Session> {
  const [user] = (
    await database.raw.query<{ id: string }>('select id from users where subject = $1', [`dev:${key}`])
  ).rows;
  if (user === undefined) throw new Error(`no dev user ${key}`);
  const res = await app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { userId: user.id } });
  const cookie = `anvisa_session=${res.cookies.find((c) => c.name === 'anvisa_session')?.value ?? ''}`;
  const me = (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json<{
    csrfToken: string;
    assignments: { id: string; organisationName: string }[];
  }>();
  const assignment =
    organisationPrefix === undefined
      ? me.assignments[0]
      : me.assignments.find((a) => a.organisationName.startsWith(organisationPrefix));
  if (assignment === undefined) throw new Error(`${key} has no assignment`);
  await app.inject({
    method: 'POST',
    url: '/api/session/active-role',
    headers: { cookie, 'x-csrf-token': me.csrfToken },
    payload: { assignmentId: assignment.id },
  });
  return { cookie, csrf: me.csrfToken };
}

/**
 * Runs the requests `urls(i)` ROUNDS times (after 20 warm-up rounds); the time until all of a round's answers are in.
 * `parallel`: sent together, as the browser loads a page's parts; otherwise one after the other.
 */
async function measure(
  app: FastifyInstance,
  session: Session,
  urls: (i: number) => readonly string[],
  parallel = false,
) {
  const times: number[] = [];
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  for (let i = -20; i < ROUNDS; i++) {
    const started = performance.now();
    if (parallel) await Promise.all(urls(i).map(get));
    else for (const url of urls(i)) await get(url);
    if (i >= 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    requests: ROUNDS,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? 0),
  };
}

async function main(): Promise<void> {
  let cluster: { url: string; stop(): Promise<void> | void } | null = null;
  if (!(await serverAnswers(testServerUrl()))) {
    cluster = await startThrowawayCluster();
    process.env.TEST_DATABASE_URL = cluster.url;
  }
  const reuse = process.env.BENCH_DATABASE_URL;
  const target = reuse === undefined ? await createTestDatabase() : { url: reuse, drop: async () => {} };
  const database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 8 });
  const results: Record<string, unknown> = {
    measuredAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    engine: 'postgresql',
  };
  try {
    if (reuse === undefined) {
      await loadReferenceData(database.db);
      await seedDemo(database, now, today, 24);
      const data = await bulkChildren(database, CHILDREN, today);
      results.data = data;
      console.log('data', data);
      if (process.env.BENCH_KEEP === '1') console.log(`kept: BENCH_DATABASE_URL=${target.url}`);
    } else {
      const { rows } = await database.raw.query<{ n: number }>('select count(*)::int as n from children');
      results.data = { children: rows[0]?.n ?? 0, reused: true };
    }
    const app = await buildApp(
      {
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' }),
        database,
        clock: () => new Date(),
      },
      { routes: coreRoutes, logger: false, serveWeb: false },
    );
    await app.ready();
    const { rows: malmo } = await database.raw.query<{ id: string; dossier: string; birth: string }>(
      `select c.id, c.dossier_number as dossier, c.birth_date::text as birth from children c join responsibility_periods p on p.child_id = c.id and p.to_date is null
       where p.municipality_code = '1280' and c.dossier_number like '3%' and not c.protected_identity order by c.dossier_number limit 500`,
    );
    const pick = (i: number) =>
      malmo[((i % malmo.length) + malmo.length) % malmo.length] ?? { id: '', dossier: '', birth: '' };
    const officer = await login(app, database, 'anna.alm');
    const social = await login(app, database, 'sara.lind');
    const names = [
      'Mohammad',
      'Ahmed',
      'Husain',
      'Abdul Rahman',
      'Fatima',
      'Karimi',
      'محمد',
      'Samson',
      'ሳምሶን',
    ];
    results.search = {
      nameAgency: await measure(app, officer, (i) => [
        `/api/children?q=${encodeURIComponent(names[i % names.length] ?? 'Ali')}&pageSize=50`,
      ]),
      dossierAgency: await measure(app, officer, (i) => [`/api/children?q=${pick(i).dossier}`]),
      birthDateMunicipality: await measure(app, social, (i) => [`/api/children?q=${pick(i).birth}`]),
      nameMunicipality: await measure(app, social, (i) => [
        `/api/children?q=${encodeURIComponent(names[i % names.length] ?? 'Ali')}`,
      ]),
    };
    console.log('search', results.search);
    results.worklist = {
      socialWorker: await measure(app, social, (i) => [`/api/worklist?page=${1 + (((i % 5) + 5) % 5)}`]),
      socialWorkerMine: await measure(app, social, () => ['/api/worklist?mine=true']),
      guardianshipOfficer: await measure(app, await login(app, database, 'per.ek'), () => ['/api/worklist']),
    };
    console.log('worklist', results.worklist);
    // Every part the child's page loads for the responsible social worker (all sections readable, health included).
    const PAGE_PARTS = [
      '',
      '/overview',
      '/timeline',
      '/responsibility',
      '/social-case',
      '/journal',
      '/documents',
      '/placements',
      '/school',
      '/health',
      '/guardianship',
      '/migration',
    ];
    const page = (i: number) => PAGE_PARTS.map((part) => `/api/children/${pick(i).id}${part}`);
    const core = (i: number) =>
      ['', '/overview', '/timeline'].map((part) => `/api/children/${pick(i).id}${part}`);
    results.childPage = {
      // The first view in one request (issue 11): the child, the overview, the timeline's head; one access check.
      firstView: await measure(app, social, (i) => [`/api/children/${pick(i).id}/first-view`]),
      // What the issue names the child's page: the child, the timeline, current responsibilities and people, open deadlines.
      coreTogether: await measure(app, social, core, true),
      parts: PAGE_PARTS.length,
      socialWorkerTogether: await measure(app, social, page, true),
      socialWorkerOneByOne: await measure(app, social, page),
      detailOnly: await measure(app, social, (i) => [`/api/children/${pick(i).id}`]),
      timelineOnly: await measure(app, social, (i) => [`/api/children/${pick(i).id}/timeline`]),
    };
    // Each part alone, to see where the page's time goes.
    const partsAlone: Record<string, unknown> = {};
    for (const part of PAGE_PARTS)
      partsAlone[part === '' ? 'detail' : part.slice(1)] = await measure(app, social, (i) => [
        `/api/children/${pick(i).id}${part}`,
      ]);
    (results.childPage as Record<string, unknown>).partsAlone = partsAlone;
    // The national name search, name by name (a rare name scans every child; a common one stops early).
    const byName: Record<string, unknown> = {};
    for (const name of names)
      byName[name] = await measure(app, officer, () => [
        `/api/children?q=${encodeURIComponent(name)}&pageSize=50`,
      ]);
    (results.search as Record<string, unknown>).nameAgencyByName = byName;
    console.log('child page', results.childPage);
    await app.close();
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1' && reuse === undefined) await target.drop();
    await cluster?.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cases.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(dir, 'cases.json')}`);
}

await main();
