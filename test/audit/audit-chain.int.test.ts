/** The chain on a real database: sealing, `audit verify`, and tampering that bypasses the append-only trigger. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditRow } from '../support/audit-rows.ts';
import { auditVerify } from '../../src/cli/main.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { VIEW_HEADER } from '../../src/platform/http/route.ts';
import { sealPending, verifyChain } from '../../src/audit/chain-store.ts';

let t: TestApp;
let session: Session;
const out: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  session = await t.login('sara.lind');
  for (let i = 0; i < 5; i++) await t.request(session, 'GET', '/api/children');
  // A row as written before page views were recorded (no view id): its sealed hash must not change meaning.
  await insertAuditRow(t.database.db, t.clock.now, { actorUserId: session.userId });
  const viewId = randomUUID();
  for (const url of ['/api/children', '/api/worklist']) {
    await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie, [VIEW_HEADER]: viewId } });
  }
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

  it('keeps the sealer’s queue: an event waits there from its insert until it is chained, one committed late with a lower insert_seq too', async () => {
    const waiting = async () =>
      (
        await t.database.raw.query<{ seq: number | string }>('select insert_seq as seq from audit_unsealed')
      ).rows
        .map((r) => Number(r.seq))
        .sort((a, b) => a - b);
    expect(await waiting()).toEqual([]);
    await t.request(session, 'GET', '/api/children');
    const [newest] = (
      await t.database.raw.query<{ seq: number | string }>('select max(insert_seq) as seq from audit_events')
    ).rows;
    // As a request whose transaction took its insert_seq before the last seal and committed after it.
    const late = await insertAuditRow(t.database.db, t.clock.now, { insertSeq: -1, viewId: randomUUID() });
    expect(await waiting()).toEqual([-1, Number(newest?.seq)]);
    expect(await sealPending(t.database.db, t.clock.now)).toBe(2);
    expect(await waiting()).toEqual([]);
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from audit_chain where event_id = $1',
      [late],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('verifies an honest chain (exit 0)', async () => {
    expect(await auditVerify(t.database, (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/audit chain intact: \d+ events verified/);
  });

  it('holds rows with and without a page view', async () => {
    const { rows } = await t.database.raw.query<{ with_view: number | string; without: number | string }>(
      'select count(view_id) as with_view, count(*) - count(view_id) as without from audit_events',
    );
    expect(Number(rows[0]?.without)).toBe(1);
    expect(Number(rows[0]?.with_view)).toBeGreaterThan(2);
  });

  it('detects a row removed from the child index behind the trigger’s back, and verifies again once it is back', async () => {
    const child = await t.childByDossier('20000102');
    await t.request(session, 'GET', `/api/children/${child}`);
    await sealPending(t.database.db, t.clock.now);
    const { rows } = await t.database.raw.query<{
      seq: number | string;
      event_id: string;
      occurred_at: Date;
      insert_seq: number | string;
    }>(
      `select c.seq, c.event_id, e.occurred_at, e.insert_seq from audit_chain c join audit_events e on e.id = c.event_id
       where e.child_ids @> array[$1]::uuid[] order by c.seq limit 1`,
      [child],
    );
    const target = rows[0];
    expect(target).toBeDefined();
    const where = 'child_id = $1 and occurred_at = $2 and insert_seq = $3';
    const key = [child, target?.occurred_at, target?.insert_seq];
    await t.database.raw.exec(
      'alter table audit_event_children disable trigger audit_event_children_append_only',
    );
    await t.database.raw.query(`delete from audit_event_children where ${where}`, key);
    await t.database.raw.exec(
      'alter table audit_event_children enable trigger audit_event_children_append_only',
    );
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.broken).toMatchObject({ seq: Number(target?.seq), eventId: target?.event_id });
      expect(result.broken.reason).toMatch(/child index/);
    }
    await t.database.raw.query(
      'insert into audit_event_children (child_id, occurred_at, insert_seq) values ($1, $2, $3)',
      key,
    );
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });

  it('keeps the child index append-only too', async () => {
    await expect(t.database.raw.exec('delete from audit_event_children')).rejects.toThrow(/append-only/);
    await expect(t.database.raw.exec('truncate audit_event_children')).rejects.toThrow(/append-only/);
  });

  it('rejects UPDATE and DELETE of audit rows', async () => {
    await expect(t.database.raw.exec("update audit_events set actor_role = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.raw.exec('delete from audit_chain')).rejects.toThrow(/append-only/);
  });

  it('detects a row changed behind the trigger’s back and names the first broken link (exit 1)', async () => {
    const { rows } = await t.database.raw.query<{ seq: number | string; event_id: string }>(
      'select seq, event_id from audit_chain order by seq limit 1 offset 3',
    );
    const target = rows[0];
    expect(target).toBeDefined();
    await t.database.raw.exec('alter table audit_events disable trigger audit_events_append_only');
    await t.database.raw.query("update audit_events set actor_role = 'administrator' where id = $1", [
      target?.event_id,
    ]);
    await t.database.raw.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.broken).toMatchObject({ seq: Number(target?.seq), eventId: target?.event_id });
    const lines: string[] = [];
    expect(await auditVerify(t.database, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toContain(`link ${Number(target?.seq)}`);
  });

  it('detects a page view id changed behind the trigger’s back', async () => {
    const { rows } = await t.database.raw.query<{ seq: number | string; event_id: string }>(
      'select c.seq, c.event_id from audit_chain c join audit_events e on e.id = c.event_id where e.view_id is not null order by c.seq limit 1',
    );
    const target = rows[0];
    expect(target).toBeDefined();
    await t.database.raw.exec('alter table audit_events disable trigger audit_events_append_only');
    await t.database.raw.query('update audit_events set view_id = $1 where id = $2', [
      randomUUID(),
      target?.event_id,
    ]);
    await t.database.raw.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.broken).toMatchObject({ seq: Number(target?.seq), eventId: target?.event_id });
  });
});
