/** The chain on a real database: sealing, `audit verify`, and tampering that bypasses the append-only trigger. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerify } from '../cli/main.ts';
import { startTestApp, type TestApp } from '../test-support/app.ts';
import { sealPending, verifyChain } from './chain-store.ts';

let t: TestApp;
const out: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const session = await t.login('sara.lind');
  for (let i = 0; i < 5; i++) await t.request(session, 'GET', '/api/children');
  await sealPending(t.database.db, t.clock.now);
});
afterAll(async () => t.close());

describe('the audit chain on the database', () => {
  it('seals every committed event exactly once', async () => {
    expect(await sealPending(t.database.db, t.clock.now)).toBe(0);
    const { rows } = await t.database.raw.query<{ events: number | string; links: number | string }>(
      'select (select count(*) from audit_events) as events, (select count(*) from audit_chain) as links',
    );
    expect(Number(rows[0]?.links)).toBe(Number(rows[0]?.events));
  });

  it('verifies an honest chain (exit 0)', async () => {
    expect(await auditVerify(t.database, (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/audit chain intact: \d+ events verified/);
  });

  it('rejects UPDATE and DELETE of audit rows', async () => {
    await expect(t.database.raw.exec("update audit_events set actor_role = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.database.raw.exec('delete from audit_chain')).rejects.toThrow(/append-only/);
  });

  it('detects a row changed behind the trigger’s back and names the first broken link (exit 1)', async () => {
    const { rows } = await t.database.raw.query<{ seq: number | string; event_id: string }>('select seq, event_id from audit_chain order by seq limit 1 offset 3');
    const target = rows[0];
    expect(target).toBeDefined();
    await t.database.raw.exec('alter table audit_events disable trigger audit_events_append_only');
    await t.database.raw.query("update audit_events set actor_role = 'administrator' where id = $1", [target?.event_id]);
    await t.database.raw.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.broken).toMatchObject({ seq: Number(target?.seq), eventId: target?.event_id });
    const lines: string[] = [];
    expect(await auditVerify(t.database, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toContain(`link ${Number(target?.seq)}`);
  });
});
