/**
 * `npm run bench:audit-log` — a benchmark, not a test: the audit log's pages at millions of rows on PostgreSQL,
 * through the whole HTTP stack (session, permission, scope, grouping, the audit event of the read itself).
 * BENCH_AUDIT_ROWS rows (default 2,000,000) in views of ten events over two years: 2 % by Malmö's users, one view in
 * a hundred about one child (so it has ~20,000 events), one in twenty a list of 25 children, one in two hundred a
 * login outside any organisation, one event in 97 refused. Writes bench/results/audit-log.json.
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers.
 * BENCH_KEEP=1 keeps the database; BENCH_REUSE=<database> measures one kept earlier instead of filling a new one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
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
import { createTestDatabase, serverAnswers, testServerUrl, withDatabase } from '../test/support/postgres.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';

const now = new Date();
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 2_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const CHUNK = 250_000;
/** How many pages down the deep-page measurements start. */
const DEEP = Number(process.env.BENCH_DEEP ?? 30);
const HOT_DOSSIER = '20000102';

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function login(app: FastifyInstance, database: Database, key: string): Promise<string> {
  const [user] = (
    await database.raw.query<{ id: string }>('select id from users where subject = $1', [`dev:${key}`])
  ).rows;
  if (user === undefined) throw new Error(`no dev user ${key}`);
  const res = await app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { userId: user.id } });
  const cookie = `anvisa_session=${res.cookies.find((c) => c.name === 'anvisa_session')?.value ?? ''}`;
  const me = (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json<{
    csrfToken: string;
    assignments: { id: string }[];
  }>();
  await app.inject({
    method: 'POST',
    url: '/api/session/active-role',
    headers: { cookie, 'x-csrf-token': me.csrfToken },
    payload: { assignmentId: me.assignments[0]?.id },
  });
  return cookie;
}

/** Synthetic events in views of ten, generated in the database. */
async function fill(
  database: Database,
  hotChild: string,
  malmo: string,
  malmoUsers: readonly string[],
): Promise<void> {
  const start = new Date(now.getTime() - 2 * 365 * 86_400_000);
  const spanMs = now.getTime() - 60_000 - start.getTime();
  // Synthetic ids that are well-formed version 4 UUIDs, as the API's answers require.
  await database.raw
    .exec(`create or replace function bench_uuid(seed text) returns uuid language sql immutable as
    $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5(seed) h $$`);
  for (let from = 0; from < ROWS; from += CHUNK) {
    const to = Math.min(ROWS, from + CHUNK) - 1;
    const started = performance.now();
    await database.raw.query(
      `insert into audit_events (id, occurred_at, request_id, kind, outcome, actor_user_id, actor_organisation_id, actor_role, purpose, child_ids, emergency, payload, payload_digest, view_id)
       select gen_random_uuid(),
         $1::timestamptz + ((i::float8 * $2 / $3) * interval '1 millisecond'),
         gen_random_uuid()::text,
         case when v % 200 = 0 then 'auth.login' when v % 20 = 1 then 'child.list'
              else (array['child.read','case.read','case.read','case.read','case.read','case.read','guardianship.read','case.read','personakt.read','case.timeline.read'])[1 + i % 10] end,
         case when i % 97 = 0 then 'denied' else 'allowed' end,
         case when v % 50 = 0 or v % 400 = 0 then ($5::uuid[])[1 + (v / 50) % cardinality($5::uuid[])] else bench_uuid('user' || ((v * 104729) % 30000)) end,
         case when v % 200 = 0 then null when v % 50 = 0 then $4::uuid else bench_uuid('org' || ((v * 7919) % 300)) end,
         case when v % 200 = 0 then null else 'social_worker' end,
         null,
         case when v % 200 = 0 then '{}'::uuid[]
              when v % 20 = 1 then array(select bench_uuid('child' || ((v * 31 + k) % 20000)) from generate_series(1, 25) k)
              when v % 100 = 3 then array[$6::uuid]
              else array[bench_uuid('child' || ((v * 15485863) % 20000))] end,
         false,
         jsonb_build_object('route', case when v % 200 = 0 then 'POST /api/auth/dev-login' when v % 20 = 1 then 'GET /api/children'
              else (array['GET /api/children/:childId','GET /api/children/:childId/overview','GET /api/children/:childId/responsibility','GET /api/children/:childId/social-case','GET /api/children/:childId/placements','GET /api/children/:childId/school','GET /api/children/:childId/guardianship','GET /api/children/:childId/migration','GET /api/children/:childId/documents','GET /api/children/:childId/timeline'])[1 + i % 10] end),
         'bench',
         bench_uuid('view' || v)::text
       from (select i, i / 10 as v from generate_series($7::bigint, $8::bigint) i) s`,
      [start.toISOString(), spanMs, ROWS, malmo, malmoUsers, hotChild, from, to],
    );
    console.log(`rows ${from}–${to}: ${round((performance.now() - started) / 1000)} s`);
  }
  await database.raw.exec('analyze audit_events; analyze audit_event_children');
}

async function measure(app: FastifyInstance, cookie: string, url: (i: number) => string) {
  const times: number[] = [];
  for (let i = -5; i < ROUNDS; i++) {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: url(i), headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    requests: ROUNDS,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times.at(-1) ?? 0),
  };
}

/** The cursor `pages` pages down from the newest. */
async function cursorAt(app: FastifyInstance, cookie: string, base: string, pages: number): Promise<number> {
  let cursor: number | null = null;
  for (let i = 0; i < pages; i++) {
    const url: string = cursor === null ? base : `${base}&before=${cursor}`;
    cursor = (await app.inject({ method: 'GET', url, headers: { cookie } })).json<{ older: number | null }>()
      .older;
    if (cursor === null) throw new Error(`${base} has fewer than ${pages} pages`);
  }
  return cursor ?? 0;
}

async function main(): Promise<void> {
  let cluster: { url: string; stop(): Promise<void> | void } | null = null;
  if (!(await serverAnswers(testServerUrl()))) {
    cluster = await startThrowawayCluster();
    process.env.TEST_DATABASE_URL = cluster.url;
  }
  const reuse = process.env.BENCH_REUSE;
  const target =
    reuse === undefined
      ? await createTestDatabase()
      : { name: reuse, url: withDatabase(testServerUrl(), reuse), drop: async () => {} };
  const database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 4 });
  const results: Record<string, unknown> = {
    measuredAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    engine: 'postgresql',
    rows: ROWS,
    deepPage: DEEP + 1,
    reusedDatabase: process.env.BENCH_REUSE !== undefined,
    loadAverage: loadavg().map((n) => round(n, 2)),
  };
  try {
    if (reuse === undefined) {
      await loadReferenceData(database.db);
      await seedDemo(database, now, stockholmDate(now), 24);
    }
    const q = async (sql: string) => (await database.raw.query<{ id: string }>(sql)).rows.map((r) => r.id);
    const [hotChild] = await q(`select id from children where dossier_number = '${HOT_DOSSIER}'`);
    const [malmo] = await q("select id from organisations where municipality_code = '1280'");
    const malmoUsers = await q(
      `select distinct user_id as id from role_assignments where organisation_id = '${malmo ?? ''}'`,
    );
    if (hotChild === undefined || malmo === undefined) throw new Error('demo data missing');
    const filled = performance.now();
    if (reuse === undefined) await fill(database, hotChild, malmo, malmoUsers);
    results.fillSeconds = round((performance.now() - filled) / 1000);
    const { rows: size } = await database.raw.query<{
      table: string;
      indexes: string;
      hot: string;
      malmo: string;
    }>(
      `select pg_size_pretty(pg_table_size('audit_events')) as table, pg_size_pretty(pg_indexes_size('audit_events')) as indexes,
         (select count(*) from audit_events where child_ids @> array['${hotChild}']::uuid[])::text as hot,
         (select count(*) from audit_events where actor_organisation_id = '${malmo}')::text as malmo`,
    );
    results.size = size[0];
    console.log('size', size[0]);
    const app = await buildApp(
      {
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' }),
        database,
        clock: () => new Date(),
      },
      { routes: coreRoutes, logger: false, serveWeb: false },
    );
    await app.ready();
    const dso = await login(app, database, 'malmo.dso');
    const manager = await login(app, database, 'karin.berg');
    const childLog = `/api/children/${hotChild}/access-log?limit=50`;
    const deepChild = await cursorAt(app, manager, childLog, DEEP);
    const deepOrg = await cursorAt(app, dso, '/api/audit/events?limit=50', DEEP);
    const sara = malmoUsers[0] ?? '';
    // A plain read of the same child through the same stack, to compare with on a loaded machine.
    results.reference = { childRead: await measure(app, manager, () => `/api/children/${hotChild}`) };
    results.childLog = {
      firstPage: await measure(app, manager, () => childLog),
      deepPage: await measure(app, manager, () => `${childLog}&before=${deepChild}`),
      newerFromDeepPage: await measure(app, manager, () => `${childLog}&after=${deepChild}`),
    };
    console.log('child log', results.childLog);
    results.dpoLog = {
      firstPage: await measure(app, dso, () => '/api/audit/events?limit=50'),
      deepPage: await measure(app, dso, () => `/api/audit/events?limit=50&before=${deepOrg}`),
      byDossier: await measure(app, dso, () => `/api/audit/events?limit=50&dossier=${HOT_DOSSIER}`),
      deniedOnly: await measure(app, dso, () => '/api/audit/events?limit=50&outcome=denied'),
      oneUser: await measure(app, dso, () => `/api/audit/events?limit=50&userId=${sara}`),
      aYearAgo: await measure(
        app,
        dso,
        () => `/api/audit/events?limit=50&to=${stockholmDate(new Date(now.getTime() - 365 * 86_400_000))}`,
      ),
      userReport: await measure(app, dso, () => `/api/audit/users/${sara}/report`),
    };
    console.log('dpo log', results.dpoLog);
    await app.close();
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1' && reuse === undefined) await target.drop();
    await cluster?.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'audit-log.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(dir, 'audit-log.json')}`);
}

await main();
