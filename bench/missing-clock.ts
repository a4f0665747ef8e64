/**
 * `npm run bench:missing-clock` — a benchmark, not a test: the hourly missing clock (src/missing/clock.ts) over
 * BENCH_EPISODES open episodes (default 10,000) with seven notifications each, as the routine creates them. The mix:
 * police reports spread over the last 48 hours; the police's notification acknowledged by its reference; the school's
 * "not enrolled" for one child in three; of the others 85 % acknowledged; one episode in ten found, its return talk
 * due within the last or the next 72 hours. The episodes are spread over the demo's children and over the
 * municipalities whose social services have a unit manager (the children's number does not matter to the clock: it
 * reads episodes and notifications). Times BENCH_RUNS runs (default 7), each in its own transaction as the scheduler
 * runs it: the first escalates, the later ones find nothing. Goal: under 1 s for 10,000 open episodes.
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers; BENCH_ENGINE=pglite
 * measures PGlite in memory instead. Writes bench/results/missing-clock.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { asSystem } from '../src/case/caller.ts';
import { stockholmDate } from '../src/domain/time.ts';
import { runMissingClock, type ClockRun } from '../src/missing/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestDatabase, serverAnswers, testServerUrl } from '../test/support/postgres.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';

const now = new Date();
const EPISODES = Number(process.env.BENCH_EPISODES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ENGINE = process.env.BENCH_ENGINE === 'pglite' ? 'pglite' : 'postgresql';

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** The open episodes and their notifications, generated in the database (two statements). */
async function fill(database: Database): Promise<Record<string, number>> {
  const at = now.toISOString();
  await database.raw.query(
    `insert into missing_episodes (child_id, state, municipality_code, county_code, routine, last_seen_at,
       last_seen_place, kind, reported_at, reported_by, reported_by_role, police_reference, police_reported_at,
       found_at, return_talk_due_at, updated_at)
     select c.ids[1 + i % array_length(c.ids, 1)],
       case when i % 10 = 0 then 'found' else (array['missing', 'notified', 'active'])[1 + i % 3] end,
       m.codes[1 + i % array_length(m.codes, 1)], left(m.codes[1 + i % array_length(m.codes, 1)], 2),
       '{}'::jsonb, p.reported - interval '3 hours', 'Bänk', 'missing', p.reported - interval '1 hour', u.id,
       'social_worker', 'BENCH-' || i, p.reported,
       case when i % 10 = 0 then p.reported + interval '1 hour' end,
       case when i % 10 = 0 then $1::timestamptz + ((i % 144) - 72) * interval '1 hour' end,
       $1::timestamptz
     from generate_series(1, $2::int) i
     cross join lateral (select $1::timestamptz - ((i * 7919) % 2880) * interval '1 minute' as reported) p
     cross join (select array_agg(id order by dossier_number) ids from children where merged_into_id is null) c
     cross join (select array_agg(distinct o.municipality_code order by o.municipality_code) codes
       from organisations o join role_assignments ra on ra.organisation_id = o.id
       where o.type = 'municipality' and ra.role = 'unit_manager' and ra.revoked_at is null) m
     cross join (select id from users order by id limit 1) u`,
    [at, EPISODES],
  );
  await database.raw.query(
    `insert into missing_notifications (episode_id, recipient, municipality_code, due_at, escalate_at, sent_at,
       acknowledged_at, acknowledged_note, not_applicable)
     select e.id, r.recipient, e.municipality_code,
       e.police_reported_at + r.due * interval '1 hour', e.police_reported_at + (r.due + r.esc) * interval '1 hour',
       case when r.recipient <> 'police' then e.police_reported_at end,
       case when r.recipient = 'police' or (abs(hashtext(e.id::text || r.recipient)) % 100) < 85
            then e.police_reported_at + interval '30 minutes' end,
       case when r.recipient = 'police' then e.police_reference end,
       case when r.recipient = 'school' and abs(hashtext(e.id::text)) % 3 = 0 then 'not_enrolled' end
     from missing_episodes e
     cross join (values ('police', 2, 2), ('responsible_social_worker', 2, 4), ('assigned_municipality', 8, 24),
       ('migration_agency', 8, 24), ('god_man', 8, 24), ('guardianship_authority', 8, 24), ('school', 8, 24))
       as r(recipient, due, esc)`,
  );
  const { rows } = await database.raw.query<Record<string, number>>(
    `select (select count(*) from missing_episodes)::int as episodes,
       (select count(*) from missing_notifications)::int as notifications,
       (select count(*) from missing_notifications where acknowledged_at is null and not_applicable is null)::int
         as unacknowledged,
       (select count(*) from missing_notifications where acknowledged_at is null and not_applicable is null
          and escalate_at <= $1::timestamptz)::int as "pastEscalation",
       (select count(*) from missing_episodes where state = 'found' and return_talk_due_at <= $1::timestamptz)::int
         as "returnTalksOverdue"`,
    [at],
  );
  for (const table of ['missing_episodes', 'missing_notifications', 'notifications'])
    await database.raw.query(`analyze ${table}`);
  return rows[0] ?? {};
}

async function main(): Promise<void> {
  let cluster: { url: string; stop(): Promise<void> | void } | null = null;
  let target: { url: string; drop(): Promise<void> } | null = null;
  if (ENGINE === 'postgresql') {
    if (!(await serverAnswers(testServerUrl()))) {
      cluster = await startThrowawayCluster();
      process.env.TEST_DATABASE_URL = cluster.url;
    }
    target = await createTestDatabase();
  }
  const database = await openDatabase(
    target === null ? { kind: 'pglite-memory' } : { kind: 'postgres', url: target.url, poolSize: 4 },
  );
  const results: Record<string, unknown> = {
    measuredAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    engine: ENGINE,
    episodes: EPISODES,
    runs: RUNS,
    loadAverage: loadavg().map((n) => round(n, 2)),
  };
  try {
    await loadReferenceData(database.db);
    await seedDemo(database, now, stockholmDate(now), 24);
    const filled = performance.now();
    results.data = await fill(database);
    results.fillSeconds = round((performance.now() - filled) / 1000);
    console.log('data', results.data, `${String(results.fillSeconds)} s`);
    const times: number[] = [];
    const runs: ClockRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      runs.push(
        await database.db.transaction((tx) =>
          runMissingClock(asSystem({ db: tx, now, today: stockholmDate(now) })),
        ),
      );
      times.push(performance.now() - started);
    }
    const later = times.slice(1);
    results.clock = {
      firstRunMs: round(times[0] ?? 0),
      firstRun: runs[0],
      laterRunsFoundNothing: runs.slice(1).every((r) => r.escalated + r.returnTalks + r.told === 0),
      laterMedianMs: round(median(later)),
      laterMaxMs: round(Math.max(...later)),
      allMedianMs: round(median(times)),
      allMaxMs: round(Math.max(...times)),
      runsMs: times.map((ms) => round(ms)),
    };
    console.log('clock', results.clock);
  } finally {
    await database.close();
    await target?.drop();
    await cluster?.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = ENGINE === 'pglite' ? 'missing-clock-pglite.json' : 'missing-clock.json';
  writeFileSync(join(dir, file), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(dir, file)}`);
}

await main();
