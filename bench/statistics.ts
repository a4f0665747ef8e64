/**
 * `npm run bench:statistics` — a benchmark, not a test: the national statistics table of issue 15 on PostgreSQL —
 * arrivals over ten years (120 months) × county × gender × age group, every margin (121 × 22 × 4 × 6 = 63,888
 * cells), as the Migration Agency reads it: `statisticsTable(..., { forExport: false })`, i.e. the SQL, the
 * tabulation and the disclosure control. Goal: p99 under 200 ms.
 *
 * The data (seeded, BENCH_SEED, default 15): BENCH_CHILDREN children (default 100,000) arriving 2016-01..2025-12, the
 * years and the seasons uneven; 89 % boys, 10 % girls, 1 % another gender; at arrival mostly 16–17 and 13–15 (a few
 * younger, 3 % 18+ after an age assessment); the arrival municipality three quarters by population and one quarter
 * evenly (so that small municipalities get a child or so a month). Each child has its first responsibility period (the
 * arrival municipality), and 85 % a second from three days later (the assigned municipality), as the arrivals measure
 * reads only the first. Loaded with multi-row inserts (unnest of arrays), not through the use cases.
 *
 * Measured in the same run, alternating with the table so that both see the same machine: the database's floor — a
 * `select 1` round trip and `select count(*) from children` — and the table's split: the SQL (every query the use case
 * runs, timed at the driver), the tabulation (exactTable less its SQL) and the protection (protect on the exact table).
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers. BENCH_ROUNDS (default
 * 100, after 10 warm-up rounds); BENCH_KEEP=1 keeps the database; BENCH_DATABASE_URL measures on a kept one again.
 * Writes bench/results/statistics.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../src/domain/access/child-scope.ts';
import { protect } from '../src/domain/statistics/disclosure.ts';
import { seededRandom, weightedPicker } from '../src/domain/random.ts';
import { addDays } from '../src/domain/time.ts';
import { openDatabase, type Database, type Db } from '../src/platform/db/client.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { exactTable, statisticsTable, type TableRequest } from '../src/statistics/tables.ts';
import { createTestDatabase, serverAnswers, testServerUrl } from '../test/support/postgres.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const WARM_UP = 10;
const GOAL_P99_MS = 200;
const FIRST_YEAR = 2016;
const YEARS = 10;

const REQUEST: TableRequest = {
  measure: 'arrivals',
  from: `${FIRST_YEAR}-01`,
  to: `${FIRST_YEAR + YEARS - 1}-12`,
  period: 'month',
  area: 'county',
  extra: ['ageGroup'],
};

const AGENCY: Actor = {
  userId: randomUUID(),
  organisationId: randomUUID(),
  organisationType: 'migration_agency',
  role: 'allocation_officer',
  municipalityCodes: [],
  countyCode: null,
  protectedIdentityClearance: false,
  providerId: null,
};

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function summary(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

const BOYS = ['Mohammad', 'Ahmad', 'Ali', 'Hussein', 'Mustafa', 'Yonas', 'Reza', 'Omar', 'Abdi', 'Samson'];
const GIRLS = ['Fatima', 'Maryam', 'Amina', 'Zahra', 'Helen', 'Hodan', 'Nasrin', 'Lina'];
const SURNAMES = ['Ahmadi', 'Hosseini', 'Rezaei', 'Haile', 'Tesfay', 'Warsame', 'Osman', 'Noori', 'Karimi'];
/** Relative arrivals per year 2016–2025 and per calendar month (more in the autumn). */
const YEAR_WEIGHTS = [1.8, 1.2, 0.9, 0.8, 0.6, 0.7, 1.1, 1.0, 0.9, 0.8];
const MONTH_WEIGHTS = [0.8, 0.7, 0.8, 0.8, 0.9, 0.9, 1.0, 1.1, 1.3, 1.4, 1.2, 0.9];
const AGES: readonly (readonly [number, number])[] = [
  // [age at arrival in completed years, weight]
  [4, 0.5],
  [8, 0.7],
  [10, 0.8],
  [12, 1.5],
  [13, 6],
  [14, 10],
  [15, 17],
  [16, 30],
  [17, 30],
  [18, 3],
];

interface Loaded {
  readonly children: number;
  readonly responsibilityPeriods: number;
  readonly seconds: number;
}

/** The children and their responsibility periods, in chunks of multi-row inserts. */
async function load(database: Database): Promise<Loaded> {
  const started = performance.now();
  const q = (text: string, params?: unknown[]) => database.raw.query(text, params);
  await loadReferenceData(database.db);
  const agency = (
    await q(
      `insert into organisations (type, name) values ('migration_agency', 'Migrationsverket') returning id`,
    )
  ).rows[0] as { id: string };
  await q(`insert into organisations (type, name, municipality_code)
    select 'municipality', name || ' kommun', code from municipalities`);
  const owners = new Map(
    (
      await database.raw.query<{ code: string; id: string }>(
        `select municipality_code as code, id from organisations where type = 'municipality'`,
      )
    ).rows.map((r) => [r.code, r.id]),
  );
  const population = (
    await database.raw.query<{ code: string; n: number }>(
      `select municipality_code as code, population as n from population where year = 2025 order by 1`,
    )
  ).rows;
  const total = population.reduce((sum, r) => sum + r.n, 0);
  const codes = population.map((r) => r.code);
  const pickMunicipality = weightedPicker(
    population.map((r) => (0.75 * r.n) / total + 0.25 / population.length),
  );
  const months = YEAR_WEIGHTS.flatMap((y) => MONTH_WEIGHTS.map((m) => y * m));
  const pickMonth = weightedPicker(months);
  const pickAge = weightedPicker(AGES.map(([, w]) => w));
  const random = seededRandom(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const CHUNK = 5000;
  let periods = 0;
  for (let offset = 0; offset < CHILDREN; offset += CHUNK) {
    const c = { id: [] as string[], dossier: [] as string[], first: [] as string[], last: [] as string[] };
    const c2 = { birth: [] as string[], gender: [] as string[], created: [] as string[] };
    const r = {
      child: [] as string[],
      code: [] as string[],
      kind: [] as string[],
      from: [] as string[],
      to: [] as (string | null)[],
      reason: [] as string[],
      end: [] as (string | null)[],
      owner: [] as string[],
      created: [] as string[],
    };
    for (let i = offset; i < Math.min(CHILDREN, offset + CHUNK); i++) {
      const id = randomUUID();
      const m = pickMonth(random);
      const year = FIRST_YEAR + Math.floor(m / 12);
      const month = String((m % 12) + 1).padStart(2, '0');
      const arrival = addDays(`${year}-${month}-01`, int(0, 27));
      const age = AGES[pickAge(random)]?.[0] ?? 16;
      const birth = addDays(addDays(arrival, -Math.round(age * 365.25)), -int(1, 360));
      const g = random();
      const gender = g < 0.89 ? 'male' : g < 0.99 ? 'female' : 'other';
      c.id.push(id);
      c.dossier.push(String(40_000_000 + i));
      c.first.push(pick(gender === 'female' ? GIRLS : BOYS));
      c.last.push(pick(SURNAMES));
      c2.birth.push(birth);
      c2.gender.push(gender);
      c2.created.push(`${arrival}T10:00:00Z`);
      const first = codes[pickMunicipality(random)] ?? '0180';
      const assigned = random() < 0.85 ? (codes[pickMunicipality(random)] ?? '0180') : null;
      const push = (
        code: string,
        kind: string,
        from: string,
        to: string | null,
        reason: string,
        end: string | null,
      ) => {
        r.child.push(id);
        r.code.push(code);
        r.kind.push(kind);
        r.from.push(from);
        r.to.push(to);
        r.reason.push(reason);
        r.end.push(end);
        r.owner.push(owners.get(code) ?? '');
        r.created.push(`${from}T10:00:00Z`);
      };
      push(
        first,
        'arrival',
        arrival,
        assigned === null ? null : addDays(arrival, 3),
        'arrival',
        'handed_over',
      );
      if (assigned !== null) push(assigned, 'assigned', addDays(arrival, 3), null, 'anvisning', null);
    }
    await q(
      `insert into children (id, dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id, created_at, stated_birth_date)
       select id, dossier, first, last, birth, gender, $8, created, birth
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::timestamptz[])
         as t(id, dossier, first, last, birth, gender, created)`,
      [c.id, c.dossier, c.first, c.last, c2.birth, c2.gender, c2.created, agency.id],
    );
    await q(
      `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, reason, end_reason, owner_organisation_id, created_at)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::uuid[], $9::timestamptz[])`,
      [r.child, r.code, r.kind, r.from, r.to, r.reason, r.end, r.owner, r.created],
    );
    periods += r.child.length;
  }
  // As autovacuum leaves a table that is read more than written: statistics gathered, pages marked all-visible.
  await q('vacuum analyze');
  return {
    children: CHILDREN,
    responsibilityPeriods: periods,
    seconds: round((performance.now() - started) / 1000),
  };
}

/** The database with `execute` timed: the SQL's share of a use case, without touching the use case. */
function timedDb(db: Db): { db: Db; take(): number } {
  let sqlMs = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execute')
        return async (...args: Parameters<Db['execute']>) => {
          const started = performance.now();
          try {
            return await target.execute(...args);
          } finally {
            sqlMs += performance.now() - started;
          }
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return {
    db: proxy,
    take() {
      const taken = sqlMs;
      sqlMs = 0;
      return taken;
    },
  };
}

async function measure(database: Database) {
  const timed = timedDb(database.db);
  const table: number[] = [];
  const tableSql: number[] = [];
  const exact: number[] = [];
  const sqlOnly: number[] = [];
  const tabulation: number[] = [];
  const protection: number[] = [];
  const select1: number[] = [];
  const count: number[] = [];
  let shape: Record<string, number> = {};
  for (let i = -WARM_UP; i < ROUNDS; i++) {
    let started = performance.now();
    await database.raw.query('select 1');
    const select1Ms = performance.now() - started;

    started = performance.now();
    await database.raw.query('select count(*) from children');
    const countMs = performance.now() - started;

    timed.take();
    started = performance.now();
    const answer = await statisticsTable(timed.db, AGENCY, REQUEST, { forExport: false });
    const tableMs = performance.now() - started;
    const tableSqlMs = timed.take();

    started = performance.now();
    const { table: cube } = await exactTable(timed.db, AGENCY, REQUEST);
    const exactMs = performance.now() - started;
    const sqlMs = timed.take();
    started = performance.now();
    const protectedTable = protect(cube);
    const protectMs = performance.now() - started;

    if (i === 0)
      shape = {
        cells: answer.cells.length,
        suppressed: answer.suppressed,
        primary: protectedTable.cells.filter((c) => c.primary).length,
        zeros: cube.cells.filter((c) => c.count === 0).length,
        counted: cube.cells.at(-1)?.count ?? 0,
      };
    if (i < 0) continue;
    select1.push(select1Ms);
    count.push(countMs);
    table.push(tableMs);
    tableSql.push(tableSqlMs);
    exact.push(exactMs);
    sqlOnly.push(sqlMs);
    tabulation.push(exactMs - sqlMs);
    protection.push(protectMs);
  }
  const t = summary(table);
  const floor1 = summary(select1);
  const floorCount = summary(count);
  return {
    shape,
    table: t,
    split: {
      sqlInTable: summary(tableSql),
      restOfTable: summary(table.map((ms, i) => ms - (tableSql[i] ?? 0))),
      exactTable: summary(exact),
      sql: summary(sqlOnly),
      tabulate: summary(tabulation),
      protect: summary(protection),
    },
    floor: { select1: floor1, countChildren: floorCount },
    p99OverSelect1P99: round(t.p99Ms / floor1.p99Ms),
    p99OverCountChildrenP99: round(t.p99Ms / floorCount.p99Ms),
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
  const database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 4 });
  const results: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadavg(),
    },
    engine: 'postgresql',
    seed: SEED,
    request: REQUEST,
    goalP99Ms: GOAL_P99_MS,
  };
  try {
    const version = (await database.raw.query<{ v: string }>('show server_version')).rows[0]?.v;
    (results.machine as Record<string, unknown>).postgresql = version;
    if (reuse === undefined) {
      results.data = await load(database);
      console.log('data', results.data);
      if (process.env.BENCH_KEEP === '1') console.log(`kept: BENCH_DATABASE_URL=${target.url}`);
    } else {
      const { rows } = await database.raw.query<{ n: number }>('select count(*)::int as n from children');
      results.data = { children: rows[0]?.n ?? 0, reused: true };
    }
    const measured = await measure(database);
    Object.assign(results, measured, { rounds: ROUNDS, warmUpRounds: WARM_UP });
    console.log(JSON.stringify(measured, null, 2));
    console.log(
      `statisticsTable p50 ${measured.table.p50Ms} ms, p99 ${measured.table.p99Ms} ms (goal < ${GOAL_P99_MS} ms); ` +
        `sql p50 ${measured.split.sql.p50Ms}, tabulate p50 ${measured.split.tabulate.p50Ms}, protect p50 ${measured.split.protect.p50Ms} ms; ` +
        `floor select 1 p99 ${measured.floor.select1.p99Ms} ms, count(*) p99 ${measured.floor.countChildren.p99Ms} ms`,
    );
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1' && reuse === undefined) await target.drop();
    await cluster?.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'statistics.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(dir, 'statistics.json')}`);
}

await main();
