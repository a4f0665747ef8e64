/**
 * `npm run bench:allocation` — a benchmark, not a test: it measures and writes bench/results/allocation.json.
 * 1. In-memory decisions per second with 290 municipalities (goal ≥ 1,000,000/s).
 * 2. Persisted decision latency p50/p99 as the decision route's transaction runs it — the ledger's part, the
 *    follow-ups of the consequences table (responsibility, social case, deadlines, the incoming-child notice) and the
 *    audit row — on PGlite (goal p99 < 10 ms) and PostgreSQL, beside the database's floor measured in the same run:
 *    a bare one-row INSERT transaction through the same driver (goal: the decision's p99 ≤ 1.5 × the floor's p99).
 * 3. Throughput with 16 concurrent clients on PostgreSQL (goal ≥ 300 decisions/s, 0 duplicates, queue consistent),
 *    with the floor's throughput at 16 clients beside it — with the follow-ups, and the ledger alone (the follow-ups
 *    left pending and swept afterwards).
 * 4. The share of decision attempts refused with 409 `proposal_changed` when 8 and 16 officers decide at once, each
 *    confirming the proposal they read a moment before (retrying on 409), against deciding "by the rule, now".
 * PostgreSQL: TEST_DATABASE_URL (default 127.0.0.1:5432), or a throwaway cluster when none answers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decide, decideByRule, proposalFor } from '../src/allocation/decide.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { HttpError } from '../src/platform/http/errors.ts';
import { sweepPendingFollowUps } from '../src/case/pending-follow-ups.ts';
import type { AfterCommitWork } from '../src/platform/http/route.ts';
import { replayAll } from '../src/allocation/replay.ts';
import { writeAuditEvent } from '../src/audit/writer.ts';
import type { Caller } from '../src/case/caller.ts';
import { Allocator } from '../src/domain/allocation/allocator.ts';
import { FastQuota } from '../src/domain/allocation/fast-quota.ts';
import { populationShares } from '../src/domain/allocation/shares.ts';
import { stockholmDate } from '../src/domain/time.ts';
import { openDatabase, type Database, type DbOrTx } from '../src/platform/db/client.ts';
import { seedWaitingChildren } from '../test/support/allocation.ts';
import { createTestDatabase, serverAnswers, testServerUrl } from '../test/support/postgres.ts';
import { municipalityPopulations } from '../src/reference/load.ts';
import { startThrowawayCluster } from '../test/support/throwaway-cluster.ts';
import pg from 'pg';
import {
  profiled,
  resetStatementStats,
  statementStatsAvailable,
  summariseCpuProfiles,
  topStatements,
} from './profile.ts';

const now = new Date();
const today = stockholmDate(now);
/** Decisions taken with the CPU profiler on, after the 16 clients' timed window. */
const PROFILED = 500;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Single children without relatives on 2025 population shares: the plain scan and the O(log m) index. */
function inMemory(): { decisions: number; plainPerSecond: number; indexedPerSecond: number } {
  const shares = populationShares(municipalityPopulations(2025));
  const n = 1_000_000;
  const plain = new Allocator([...shares.keys()], { shares });
  for (let i = 0; i < 20_000; i++) plain.assign(plain.pick('quota'), 1); // warm-up
  let started = performance.now();
  for (let i = 0; i < n; i++) plain.assign(plain.pick('quota'), 1);
  const plainSeconds = (performance.now() - started) / 1000;
  const fast = new Allocator([...shares.keys()], { shares });
  const index = new FastQuota(fast);
  for (let i = 0; i < 20_000; i++) {
    const code = index.pick();
    fast.assign(code, 1);
    index.assigned(code);
  }
  started = performance.now();
  for (let i = 0; i < n; i++) {
    const code = index.pick();
    fast.assign(code, 1);
    index.assigned(code);
  }
  const fastSeconds = (performance.now() - started) / 1000;
  return {
    decisions: n,
    plainPerSecond: Math.round(n / plainSeconds),
    indexedPerSecond: Math.round(n / fastSeconds),
  };
}

interface Prepared {
  readonly database: Database;
  readonly caller: (db: DbOrTx) => Caller;
  readonly children: string[];
}

async function prepare(database: Database, count: number): Promise<Prepared> {
  const { caller, childIds } = await seedWaitingChildren(database, count, now, 70_000_000);
  return { database, caller, children: childIds };
}

/**
 * One decision as the route `POST /api/allocation/children/:id/decision/by-rule` takes it: in one transaction claim
 * the child, lock the ledger, decide, the audit row; after the commit, in a second, the follow-ups of the consequences
 * table (ADR 0023). Answers the time to the decision's commit and to the follow-ups' end.
 */
async function decideOne(p: Prepared, childId: string): Promise<{ committedMs: number; totalMs: number }> {
  const started = performance.now();
  const after: AfterCommitWork[] = [];
  await p.database.db.transaction(async (tx) => {
    const c = { ...p.caller(tx), afterCommit: (work: AfterCommitWork) => after.push(work) };
    await audited(c, await decideByRule(c, { childId, considerations: NO_CONSIDERATIONS, rule: 'quota' }));
  });
  const committedMs = performance.now() - started;
  for (const work of after) await work(p.database.db);
  return { committedMs, totalMs: performance.now() - started };
}

/** The database's floor: a bare one-row INSERT transaction through the same driver and pool. */
async function floorOne(p: Prepared, i: number): Promise<void> {
  await p.database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into bench_floor (id, n, at) values (${randomUUID()}, ${i}, now())`);
  });
}

async function createFloorTable(database: Database): Promise<void> {
  await database.raw.query(
    'create table if not exists bench_floor (id uuid primary key, n int not null, at timestamptz not null)',
  );
}

function summary(times: number[]) {
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1] ?? 0),
  };
}

/** The floor and the decision one after the other, alternating, so both see the same machine. */
async function latency(p: Prepared, count: number) {
  await createFloorTable(p.database);
  for (let i = 0; i < 50; i++) await floorOne(p, -i); // warm-up
  const floor: number[] = [];
  const decision: number[] = [];
  const withFollowUps: number[] = [];
  // The first 20 decisions warm the caches (share version, ledger snapshot) and are not counted.
  for (const [i, id] of p.children.slice(0, count).entries()) {
    const started = performance.now();
    await floorOne(p, i);
    const floorMs = performance.now() - started;
    const { committedMs, totalMs } = await decideOne(p, id);
    if (i < 20) continue;
    floor.push(floorMs);
    decision.push(committedMs);
    withFollowUps.push(totalMs);
  }
  const f = summary(floor);
  const d = summary(decision);
  return {
    decisions: d.count,
    ...d,
    floor: f,
    p99OverFloorP99: round(d.p99Ms / f.p99Ms),
    withFollowUps: summary(withFollowUps),
  };
}

async function throughput(p: Prepared, clients: number) {
  await createFloorTable(p.database);
  const floorTimes: number[] = [];
  let next = 0;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < p.children.length; i = next++) {
        const t = performance.now();
        await floorOne(p, i);
        floorTimes.push(performance.now() - t);
      }
    }),
  );
  const floorSeconds = (performance.now() - started) / 1000;
  // The last PROFILED children are decided after the timed window with V8's sampling profiler on (it slows the
  // process down): where the CPU of a decision with its follow-ups goes.
  const timed = p.children.slice(0, -PROFILED);
  const queue = [...timed];
  const committed: number[] = [];
  const total: number[] = [];
  const decideAll = (ids: string[], onDone?: (c: number, t: number) => void) =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
          const { committedMs, totalMs } = await decideOne(p, id);
          onDone?.(committedMs, totalMs);
        }
      }),
    );
  started = performance.now();
  await decideAll(queue, (c, t) => {
    committed.push(c);
    total.push(t);
  });
  const seconds = (performance.now() - started) / 1000;
  const { profile } = await profiled(() => decideAll(p.children.slice(-PROFILED)));
  const cpu = summariseCpuProfiles([profile], 15);
  const { rows } = await p.database.raw.query<{
    decided: number;
    distinct_children: number;
    received: number;
  }>(`
    select (select count(*) from (select unnest(child_ids) from anvisning_decisions) c)::int as decided,
           (select count(distinct c) from anvisning_decisions, unnest(child_ids) c)::int as distinct_children,
           (select sum(received) from allocation_state)::int as received`);
  const totals = rows[0];
  const replay = await replayAll(p.database.db, today);
  return {
    clients,
    decisions: timed.length,
    decisionsPerSecond: round(timed.length / seconds, 1),
    latency: summary(committed),
    withFollowUps: summary(total),
    pendingFollowUpsLeft: Number(
      (await p.database.raw.query<{ n: string }>('select count(*) as n from pending_follow_ups')).rows[0]?.n,
    ),
    floor: { insertsPerSecond: round(p.children.length / floorSeconds, 1), ...summary(floorTimes) },
    duplicates: (totals?.decided ?? 0) - (totals?.distinct_children ?? 0),
    sumReceivedEqualsDecided: totals?.received === totals?.decided,
    replayDifferences: replay.differences.length,
    appProfile: {
      note: 'self time in this process (the app code) while the clients decided, with the sampling profiler on',
      decisions: PROFILED,
      cpuMsPerDecision: round(cpu.busyMs / PROFILED, 2),
      ...cpu,
    },
  };
}

/**
 * What the ledger lock lets through: 16 clients deciding with the follow-ups left pending (as after a stopped
 * process), then the sweeper runs them all outside the timed window and the state is checked as above.
 */
async function ledgerThroughput(p: Prepared, clients: number) {
  const queue = [...p.children];
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const childId = id;
        const t = performance.now();
        await p.database.db.transaction(async (tx) => {
          const c = { ...p.caller(tx), afterCommit: () => {} };
          await audited(
            c,
            await decideByRule(c, { childId, considerations: NO_CONSIDERATIONS, rule: 'quota' }),
          );
        });
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  let swept = 0;
  for (;;) {
    const { ran, failed } = await sweepPendingFollowUps(p.database.db, 0);
    if (failed > 0) throw new Error(`${failed} follow-ups failed`);
    if (ran === 0) break;
    swept += ran;
  }
  const replay = await replayAll(p.database.db, today);
  return {
    clients,
    decisions: p.children.length,
    decisionsPerSecond: round(p.children.length / seconds, 1),
    latency: summary(times),
    followUpsRunAfterwards: swept,
    replayDifferences: replay.differences.length,
  };
}

const NO_CONSIDERATIONS = { relatives: null, siblings: null, specialNeeds: null, childsWishes: null };

/** The route's audit event for a decision (the use cases run with a silent audit here), so replay cross-checks it. */
async function audited(c: Caller, row: { id: string; childIds: string[] }): Promise<void> {
  await writeAuditEvent(
    c.db,
    {
      kind: 'allocation.decide',
      outcome: 'allowed',
      requestId: `bench-${row.id}`,
      actor: { userId: c.actor.userId, organisationId: c.actor.organisationId, role: 'allocation_officer' },
      purpose: null,
      childIds: row.childIds,
      emergency: false,
      payload: { decisionId: row.id },
    },
    now,
  );
}

/**
 * Officers deciding at once, as the web client does: read the proposal, then confirm it in a second request (409 when
 * another decision moved the queue in between; the officer reads again and retries) — or decide by the rule, now.
 */
async function conflictRate(p: Prepared, clients: number, mode: 'confirm' | 'by_rule') {
  const queue = [...p.children];
  let attempts = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const childId = id;
        for (;;) {
          attempts++;
          try {
            // As the routes do: the decision's transaction, then its follow-ups after the commit (ADR 0023).
            const after: AfterCommitWork[] = [];
            const asRoute = (tx: DbOrTx) => ({
              ...p.caller(tx),
              afterCommit: (work: AfterCommitWork) => after.push(work),
            });
            if (mode === 'by_rule') {
              await p.database.db.transaction(async (tx) =>
                audited(
                  asRoute(tx),
                  await decideByRule(asRoute(tx), {
                    childId,
                    considerations: NO_CONSIDERATIONS,
                    rule: 'quota',
                  }),
                ),
              );
            } else {
              const { proposal } = await proposalFor(p.caller(p.database.db), childId);
              const code = proposal.municipality.code;
              await p.database.db.transaction(async (tx) =>
                audited(
                  asRoute(tx),
                  await decide(asRoute(tx), {
                    childId,
                    municipalityCode: code,
                    proposedCode: code,
                    reason: null,
                    considerations: NO_CONSIDERATIONS,
                    rule: 'quota',
                  }),
                ),
              );
            }
            for (const work of after) await work(p.database.db);
            break;
          } catch (error) {
            if (error instanceof HttpError && error.code === 'proposal_changed') {
              refused++;
              continue;
            }
            throw error;
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const replay = await replayAll(p.database.db, today);
  return {
    clients,
    mode,
    decisions: p.children.length,
    attempts,
    refused409: refused,
    refusedShare: round(refused / attempts, 3),
    decisionsPerSecond: round(p.children.length / seconds, 1),
    replayDifferences: replay.differences.length,
  };
}

async function postgresUrl(): Promise<{ stop(): void }> {
  if (await serverAnswers(testServerUrl())) return { stop() {} };
  const cluster = await startThrowawayCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  return cluster;
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    measuredAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
  };
  // `npm run bench:allocation -- --only conflicts` measures part 4 alone, `--only decision` parts 2 and 3.
  const onlyConflicts = process.argv.includes('--only') && process.argv.includes('conflicts');
  const onlyDecision = process.argv.includes('--only') && process.argv.includes('decision');
  if (!onlyConflicts) {
    if (!onlyDecision) results.inMemory = inMemory();
    if (!onlyDecision) console.log('in memory', results.inMemory);

    const pglite = await prepare(await openDatabase({ kind: 'pglite-memory' }), 500);
    results.pglite = await latency(pglite, 500);
    console.log('pglite', results.pglite);
    await pglite.database.close();
  }
  const cluster = await postgresUrl();
  try {
    if (!onlyConflicts) {
      const single = await createTestDatabase();
      const pg1 = await prepare(await openDatabase({ kind: 'postgres', url: single.url, poolSize: 4 }), 1000);
      const watcher = new pg.Client({ connectionString: single.url });
      await watcher.connect();
      const statementStats = await statementStatsAvailable(watcher);
      if (statementStats) await resetStatementStats(watcher);
      results.postgres = {
        ...(await latency(pg1, 1000)),
        // PostgreSQL's account of the run (the floor's statements included): what each decision sends and waits for.
        statements: statementStats
          ? (await topStatements(watcher, 25)).map((st) => ({
              ...st,
              perDecision: round(st.calls / 1000, 2),
            }))
          : 'pg_stat_statements is not loaded on this server',
      };
      await watcher.end();
      console.log('postgres', results.postgres);
      await pg1.database.close();
      await single.drop();

      const concurrent = await createTestDatabase();
      const pg16 = await prepare(
        await openDatabase({ kind: 'postgres', url: concurrent.url, poolSize: 16 }),
        3000,
      );
      results.postgresConcurrent = await throughput(pg16, 16);
      console.log('postgres, 16 clients', results.postgresConcurrent);
      await pg16.database.close();
      await concurrent.drop();

      const ledger = await createTestDatabase();
      const pgLedger = await prepare(
        await openDatabase({ kind: 'postgres', url: ledger.url, poolSize: 16 }),
        2000,
      );
      results.postgresConcurrentLedgerOnly = await ledgerThroughput(pgLedger, 16);
      console.log('postgres, 16 clients, the ledger alone', results.postgresConcurrentLedgerOnly);
      await pgLedger.database.close();
      await ledger.drop();
    }

    const conflicts: unknown[] = [];
    for (const clients of onlyDecision ? [] : [8, 16]) {
      for (const mode of ['confirm', 'by_rule'] as const) {
        const scratch = await createTestDatabase();
        const prepared = await prepare(
          await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: clients }),
          800,
        );
        const measured = await conflictRate(prepared, clients, mode);
        console.log('postgres, 409 rate', measured);
        conflicts.push(measured);
        await prepared.database.close();
        await scratch.drop();
      }
    }
    if (!onlyDecision) results.conflicts = conflicts;
  } finally {
    cluster.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(
      dir,
      onlyConflicts
        ? 'allocation-conflicts.json'
        : onlyDecision
          ? 'allocation-decision.json'
          : 'allocation.json',
    ),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(
    `written to ${join(dir, onlyConflicts ? 'allocation-conflicts.json' : onlyDecision ? 'allocation-decision.json' : 'allocation.json')}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
