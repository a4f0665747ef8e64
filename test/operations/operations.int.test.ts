/**
 * Operations: the health check names what is not ready (migrations, the audit sealer) with 503; /metrics answers
 * Prometheus text with route patterns and counts only — no child's id, dossier number or name — and is guarded by
 * its token, or absent in production without one.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditRow } from '../support/audit-rows.ts';
import { sealPending } from '../../src/audit/chain-store.ts';
import { operationsRoutes } from '../../src/operations/routes.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  // The server seals every second (src/server/bootstrap.ts); the test app seals when told: here, the demo's events.
  await sealPending(t.database.db, t.clock.now);
});
afterAll(async () => {
  await t.close();
});

const health = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
};

describe('the health check', () => {
  it('is ready when the database answers, every migration is applied and the sealer keeps up', async () => {
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: t.database.engine,
        checks: { database: 'ok', migrations: 'ok', sealer: 'ok' },
        sealerLagSeconds: expect.any(Number) as number,
      },
    });
  });

  it('says 503 and which migration check fails while a migration is not applied', async () => {
    const { rows } = await t.database.raw.query<{ tag: string; checksum: string; applied_at: string }>(
      'select tag, checksum, applied_at::text as applied_at from schema_migrations order by tag desc limit 1',
    );
    const last = rows[0];
    if (last === undefined) throw new Error('no migrations applied');
    await t.database.raw.query('delete from schema_migrations where tag = $1', [last.tag]);
    try {
      expect(await health()).toMatchObject({
        status: 503,
        body: { status: 'not_ready', checks: { database: 'ok', migrations: 'pending', sealer: 'ok' } },
      });
    } finally {
      await t.database.raw.query(
        'insert into schema_migrations (tag, checksum, applied_at) values ($1, $2, $3::timestamptz)',
        [last.tag, last.checksum, last.applied_at],
      );
    }
    expect((await health()).status).toBe(200);
  });

  it('says 503 "lagging" while an event has waited more than a minute for the sealer, and is ready once sealed', async () => {
    // An event written a minute and a second ago by the database's clock, not yet sealed (rows are append-only).
    await insertAuditRow(t.database.db, t.clock.now, { insertedAt: sql`now() - interval '61 seconds'` });
    expect(await health()).toMatchObject({
      status: 503,
      body: { status: 'not_ready', checks: { sealer: 'lagging' } },
    });
    await sealPending(t.database.db, t.clock.now);
    expect(await health()).toMatchObject({ status: 200, body: { sealerLagSeconds: 0 } });
  });
});

describe('/metrics', () => {
  it('answers route durations, decisions, case states and the sealer, with nothing that points to a child', async () => {
    const officer = await t.login('anna.alm');
    await t.request(officer, 'GET', '/api/children');
    const children = await t.database.raw.query<{ id: string; dossier_number: string }>(
      'select id::text as id, dossier_number from children',
    );
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(/anvisa_http_request_duration_seconds_bucket\{[^}]*route="\/api\/children"[^}]*\}/);
    expect(text).toMatch(/anvisa_case_states\{machine="responsibility",state="[a-z_]+"\} \d+/);
    expect(text).toMatch(/anvisa_allocation_decisions\{kind="[a-z_]+"\} \d+/);
    expect(text).toMatch(/^anvisa_audit_unsealed_events \d+$/m);
    expect(text).toMatch(/^anvisa_audit_sealer_lag_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^anvisa_notifications_awaiting_email \d+$/m);
    expect(text).toMatch(/^anvisa_process_resident_memory_bytes \d+/m);
    expect(children.rows.length).toBeGreaterThan(0);
    for (const child of children.rows) {
      expect(text).not.toContain(child.id);
      expect(text).not.toContain(child.dossier_number);
    }
    // A request to a child's page is counted under its pattern, not its address.
    const childId = children.rows[0]?.id ?? '';
    await t.request(officer, 'GET', `/api/children/${childId}`);
    const after = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(after).toContain('route="/api/children/:childId"');
    expect(after).not.toContain(childId);
  });

  it('asks for its bearer token when one is configured', async () => {
    const guarded = await startTestApp({
      routes: operationsRoutes,
      env: { ANVISA_METRICS_TOKEN: 'a-token-of-sixteen-or-more' },
    });
    try {
      const ask = (authorization?: string) =>
        guarded.app.inject({
          method: 'GET',
          url: '/metrics',
          ...(authorization === undefined ? {} : { headers: { authorization } }),
        });
      expect((await ask()).statusCode).toBe(401);
      expect((await ask('Bearer a-token-of-sixteen-or-mor')).statusCode).toBe(401);
      expect((await ask('Bearer a-token-of-sixteen-or-more')).statusCode).toBe(200);
      // The health check stays open for the load balancer.
      await sealPending(guarded.database.db, guarded.clock.now);
      expect((await guarded.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('does not exist in production without a token', async () => {
    const production = await startTestApp({
      routes: operationsRoutes,
      env: { NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example.se', OIDC_CLIENT_ID: 'anvisa' },
    });
    try {
      expect((await production.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
