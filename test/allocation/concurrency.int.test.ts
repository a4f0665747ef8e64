/**
 * Officers deciding at the same time never double-count: two OS processes of the app on one PostgreSQL database,
 * eight clients, 500 decisions. Afterwards Σr equals the children decided, no child is decided twice, and replay
 * is clean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '../../src/domain/time.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { seedWaitingChildren } from '../support/allocation.ts';
import { testEngine } from '../support/engine.ts';
import { freePort } from '../support/oidc-provider.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { replayAll } from '../../src/allocation/replay.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILDREN = 500;
const CLIENTS = 8;

let testDb: { url: string; drop(): Promise<void> } | null = null;
let database: Database | null = null;
const servers: ChildProcess[] = [];
const ports: number[] = [];
let childIds: string[] = [];
let officerId = '';

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not start`);
}

describe.runIf(testEngine() === 'postgres')('concurrent allocation decisions on PostgreSQL', () => {
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ kind: 'postgres', url: testDb.url, poolSize: 4 });
    const waiting = await seedWaitingChildren(database, CHILDREN, new Date(), 90_000_000);
    officerId = waiting.officerId;
    childIds = waiting.childIds;
    for (let s = 0; s < 2; s++) {
      const port = await freePort();
      ports.push(port);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: testDb.url,
        PORT: String(port),
        ANVISA_DEMO_DATA: '0',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      };
      servers.push(
        spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    await Promise.all(ports.map(waitHealthy));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGTERM');
          }),
      ),
    );
    await database?.close();
    await testDb?.drop();
  });

  it('eight clients on two processes decide 500 children without a double count', async () => {
    const clients = Array.from({ length: CLIENTS }, (_, c) => ({
      port: ports[c % 2] ?? 0,
      ids: childIds.filter((_, i) => i % CLIENTS === c),
    }));
    let retries = 0;
    await Promise.all(
      clients.map(async ({ port, ids }) => {
        const base = `http://127.0.0.1:${port}`;
        const login = await fetch(`${base}/api/auth/dev-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: officerId }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const { csrfToken } = (await (
          await fetch(`${base}/api/session`, { headers: { cookie } })
        ).json()) as { csrfToken: string };
        const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
        for (const id of ids) {
          for (let attempt = 0; ; attempt++) {
            const proposal = (await (
              await fetch(`${base}/api/allocation/children/${id}/proposal`, { headers })
            ).json()) as { municipality: { code: string } };
            const res = await fetch(`${base}/api/allocation/children/${id}/decision`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                municipalityCode: proposal.municipality.code,
                proposedCode: proposal.municipality.code,
                considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null },
              }),
            });
            if (res.status === 201) break;
            // Another officer decided first and the proposal moved on: ask again.
            expect(res.status, await res.text()).toBe(409);
            retries++;
            expect(attempt).toBeLessThan(2000);
          }
        }
      }),
    );
    const db = database;
    if (db === null) throw new Error('no database');
    const { rows: totals } = await db.raw.query<{
      received: number;
      decided: number;
      records: number;
      distinct_children: number;
    }>(`
      select (select sum(received) from allocation_state)::int as received,
             (select count(*) from (select unnest(child_ids) from anvisning_decisions) c)::int as decided,
             (select count(*) from anvisning_decisions)::int as records,
             (select count(distinct c) from anvisning_decisions, unnest(child_ids) c)::int as distinct_children`);
    const row = totals[0];
    expect(row?.received).toBe(row?.decided);
    expect(row?.distinct_children).toBe(row?.decided);
    const ours = await db.raw.query<{ n: number }>(
      `select count(*)::int as n from anvisning_decisions where child_ids && $1::uuid[]`,
      [childIds],
    );
    expect(ours.rows[0]?.n).toBe(CHILDREN);
    const replay = await replayAll(db.db, stockholmDate(new Date()));
    expect(replay.differences).toEqual([]);
    console.info(
      `concurrency: ${CHILDREN} decisions by ${CLIENTS} clients on 2 processes, ${retries} stale proposals retried`,
    );
  }, 300_000);
});
