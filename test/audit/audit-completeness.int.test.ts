/** Every route that touches child data writes exactly the expected audit event, refused attempts included. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aGodManFile, anInspection, supervisionIds } from '../supervision/fixtures.ts';

let t: TestApp;
let malmoChild: string;
let stockholmChild: string;
let social: Session;

interface EventRow {
  kind: string;
  outcome: string;
  child_ids: string[];
  actor_user_id: string | null;
  actor_role: string | null;
  emergency: boolean;
}

async function eventsOf(requestId: unknown): Promise<EventRow[]> {
  const { rows } = await t.database.raw.query<EventRow>(
    'select kind, outcome, child_ids, actor_user_id, actor_role, emergency from audit_events where request_id = $1',
    [String(requestId)],
  );
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  malmoChild = await t.childByDossier('20000102');
  stockholmChild = await t.childByDossier('20000107');
  social = await t.login('sara.lind');
});
afterAll(async () => t.close());

describe('audit completeness', () => {
  it('a child page read writes one child.read event naming the child, the actor and the role', async () => {
    const res = await t.request(social, 'GET', `/api/children/${malmoChild}`);
    expect(res.statusCode).toBe(200);
    expect(await eventsOf(res.headers['x-request-id'])).toEqual([
      {
        kind: 'child.read',
        outcome: 'allowed',
        child_ids: [malmoChild],
        actor_user_id: social.userId,
        actor_role: 'social_worker',
        emergency: false,
      },
    ]);
  });

  it('a list writes one event listing every child it showed', async () => {
    const res = await t.request(social, 'GET', '/api/children?pageSize=5');
    const shown = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    const events = await eventsOf(res.headers['x-request-id']);
    expect(events).toHaveLength(1);
    expect(events[0]?.kind).toBe('child.list');
    expect([...(events[0]?.child_ids ?? [])].sort()).toEqual([...shown].sort());
  });

  it('a search is audited as a search, without the search text', async () => {
    const res = await t.request(social, 'GET', '/api/children?q=Fatima');
    const { rows } = await t.database.raw.query<{ kind: string; row: string }>(
      'select kind, row_to_json(a)::text as row from audit_events a where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect(rows.map((r) => r.kind)).toEqual(['child.search']);
    expect(rows[0]?.row).not.toContain('Fatima');
  });

  it('an export lists every exported child', async () => {
    const res = await t.request(social, 'GET', '/api/children/export.csv');
    const rows = res.body.trim().split('\n').length - 1;
    const [event] = await eventsOf(res.headers['x-request-id']);
    expect(event?.kind).toBe('child.export');
    expect(event?.child_ids).toHaveLength(rows);
  });

  it('a journal write is audited in the same transaction as the entry', async () => {
    const res = await t.request(social, 'POST', `/api/children/${malmoChild}/journal`, { body: 'Hembesök.' });
    expect(res.statusCode).toBe(201);
    expect(
      (await eventsOf(res.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['child.journal.write', 'allowed', [malmoChild]]]);
  });

  it('reading the latest best-interests record for a decision form writes one case.read event naming the child', async () => {
    const res = await t.request(social, 'GET', `/api/children/${malmoChild}/best-interests/latest`);
    expect(res.statusCode).toBe(200);
    expect(
      (await eventsOf(res.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['case.read', 'allowed', [malmoChild]]]);
    const refused = await t.request(social, 'GET', `/api/children/${stockholmChild}/best-interests/latest`);
    expect(refused.statusCode).toBe(404);
    expect((await eventsOf(refused.headers['x-request-id'])).map((e) => [e.kind, e.outcome])).toEqual([
      ['case.read', 'denied'],
    ]);
  });

  it('every event of one page view carries the view id the client sent, a refused part too', async () => {
    const viewId = randomUUID();
    const headers = { cookie: social.cookie, 'x-anvisa-view': viewId };
    await t.app.inject({ method: 'GET', url: `/api/children/${malmoChild}`, headers });
    await t.app.inject({ method: 'GET', url: `/api/children/${malmoChild}/timeline`, headers });
    await t.app.inject({ method: 'GET', url: `/api/children/${stockholmChild}`, headers });
    const { rows } = await t.database.raw.query<{ kind: string; outcome: string }>(
      'select kind, outcome from audit_events where view_id = $1 order by insert_seq',
      [viewId],
    );
    expect(rows.map((r) => [r.kind, r.outcome])).toEqual([
      ['child.read', 'allowed'],
      ['case.timeline.read', 'allowed'],
      ['child.read', 'denied'],
    ]);
  });

  it('a log review by dossier number is audited as an access to that child, and so is each dossier number it shows', async () => {
    const dso = await t.login('malmo.dso');
    const res = await t.request(dso, 'GET', '/api/audit/events?dossier=20000107');
    expect(res.statusCode).toBe(200);
    const events = await eventsOf(res.headers['x-request-id']);
    expect(events.map((e) => [e.kind, e.outcome, e.child_ids])).toEqual([
      ['audit.read', 'allowed', [stockholmChild]],
    ]);
  });

  it('a refused read is audited as denied, and nothing else is written', async () => {
    const res = await t.request(social, 'GET', `/api/children/${stockholmChild}`);
    expect(res.statusCode).toBe(404);
    expect(
      (await eventsOf(res.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['child.read', 'denied', [stockholmChild]]]);
  });

  it('a refused write rolls back and is audited as denied', async () => {
    const before = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from journal_entries',
    );
    const res = await t.request(social, 'POST', `/api/children/${stockholmChild}/journal`, {
      body: 'Försök.',
    });
    expect(res.statusCode).toBe(404);
    const after = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from journal_entries',
    );
    expect(Number(after.rows[0]?.n)).toBe(Number(before.rows[0]?.n));
    expect((await eventsOf(res.headers['x-request-id'])).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('a route the role lacks is audited as denied for a logged-in user', async () => {
    const police = await t.login('nils.polis');
    const res = await t.request(police, 'GET', `/api/children/${malmoChild}`);
    expect(res.statusCode).toBe(403);
    expect(
      (await eventsOf(res.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['child.read', 'denied', [malmoChild]]]);
  });

  it('emergency access is marked in the audit log, and so is every read it opens', async () => {
    const outsider = await t.login('johan.nilsson');
    const opened = await t.request(outsider, 'POST', '/api/emergency-access', {
      dossierNumber: '20000102',
      reason: 'Barnet har avvikit och setts i Sundsvall i natt',
      hours: 4,
    });
    expect(opened.statusCode).toBe(201);
    expect((await eventsOf(opened.headers['x-request-id'])).map((e) => [e.kind, e.emergency])).toEqual([
      ['child.emergency_access', true],
    ]);
    const read = await t.request(outsider, 'GET', `/api/children/${malmoChild}`);
    expect(read.statusCode).toBe(200);
    expect((await eventsOf(read.headers['x-request-id'])).map((e) => [e.kind, e.emergency])).toEqual([
      ['child.read', true],
    ]);
  });

  it('emergency access expires', async () => {
    const outsider = await t.login('johan.nilsson');
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 5 * 3_600_000);
    try {
      const relogin = await t.login('johan.nilsson');
      expect((await t.request(relogin, 'GET', `/api/children/${malmoChild}`)).statusCode).toBe(404);
    } finally {
      t.clock.now = saved;
    }
    expect(outsider.userId).toBeTruthy();
  });

  it('login, role switch and logout are audited', async () => {
    const session = await t.login('elin.dahl', 'Lund');
    const { rows } = await t.database.raw.query<{ kind: string }>(
      'select kind from audit_events where actor_user_id = $1 order by insert_seq',
      [session.userId],
    );
    expect(rows.map((r) => r.kind)).toEqual(['auth.login', 'session.role_switch']);
    const out = await t.request(session, 'POST', '/api/auth/logout');
    expect((await eventsOf(out.headers['x-request-id'])).map((e) => e.kind)).toEqual(['auth.logout']);
    expect((await t.request(session, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('data-protection officers see their own users’ accesses and attempts, and Malmö’s sees who has seen its child', async () => {
    const dso = await t.login('malmo.dso');
    type Entries = {
      entries: { outcome: string; actorUserId: string; emergency: boolean; parts: { kind: string }[] }[];
    };
    const events = (await t.request(dso, 'GET', `/api/audit/events?userId=${social.userId}`)).json<Entries>()
      .entries;
    expect(events.some((e) => e.outcome === 'denied')).toBe(true);
    const sundsvallUser = await t.userId('johan.nilsson');
    expect(
      (await t.request(dso, 'GET', `/api/audit/events?userId=${sundsvallUser}`)).json<Entries>().entries,
    ).toEqual([]);
    const seen = (await t.request(dso, 'GET', `/api/children/${malmoChild}/access-log`)).json<Entries>()
      .entries;
    expect(seen.some((e) => e.actorUserId === sundsvallUser && e.emergency)).toBe(true);
    const sundsvallDso = await t.login('sundsvall.dso');
    const theirs = (
      await t.request(sundsvallDso, 'GET', `/api/audit/events?userId=${sundsvallUser}`)
    ).json<Entries>().entries;
    expect(theirs.flatMap((e) => e.parts.map((p) => p.kind))).toContain('child.emergency_access');
    const grants = (await t.request(sundsvallDso, 'GET', '/api/audit/emergency-access')).json<
      { childId: string }[]
    >();
    expect(grants.map((g) => g.childId)).toContain(malmoChild);
  });
});

describe('guardianship', () => {
  it('refuses an appointment backdated before the current god man’s', async () => {
    const officer = await t.login('per.ek');
    const child = await t.childByDossier('20000112');
    const hans = await t.userId('hans.gren');
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
      guardianUserId: hans,
      fromDate: '2000-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe(
      'body.fromDate',
    );
  });
});

describe('search', () => {
  it('finds a child under another transliteration of the name', async () => {
    const officer = await t.login('anna.alm');
    const created = await t.request(officer, 'POST', '/api/children', {
      dossierNumber: '44000001',
      firstName: 'Mohammad',
      lastName: 'Rezaei',
      birthDate: '2010-03-03',
      gender: 'male',
      arrivalMunicipalityCode: '1280',
      arrivalDate: '2026-11-22',
    });
    expect(created.statusCode).toBe(201);
    const session = await t.login('sara.lind');
    const found = (await t.request(session, 'GET', '/api/children?q=Muhammed%20Rezai')).json<{
      items: { dossierNumber: string }[];
    }>();
    expect(found.items.map((i) => i.dossierNumber)).toContain('44000001');
    const other = (await t.request(session, 'GET', '/api/children?q=Hassan%20Rezaei')).json<{
      items: { dossierNumber: string }[];
    }>();
    expect(other.items.map((i) => i.dossierNumber)).not.toContain('44000001');
  });
});

describe('supervision of the guardianship authorities', () => {
  it('each read writes one event of its kind, naming exactly the sampled children it showed; a refusal is denied', async () => {
    const ids = await supervisionIds(t);
    const file = await aGodManFile(t, ids.malmoAuthority, '79500001');
    const open = await anInspection(t, ids, ids.malmoAuthority, {
      state: 'in_progress',
      sampledOn: '2026-11-10',
    });
    await t.database.raw.query(
      `insert into supervision_sample_files (inspection_id, file_kind, file_id, child_id, position) values ($1, 'god_man', $2, $3, 0)`,
      [open, file.id, file.childId],
    );
    const other = await anInspection(t, ids, ids.sundsvallAuthority, { state: 'planned' });
    const inspector = await t.login('ingrid.tillsyn');
    const plan = await t.request(inspector, 'GET', '/api/supervision/plan?year=2026');
    expect(
      (await eventsOf(plan.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['supervision.read', 'allowed', []]]);
    const read = await t.request(inspector, 'GET', `/api/supervision/inspections/${open}`);
    expect(
      (await eventsOf(read.headers['x-request-id'])).map((e) => [e.kind, e.outcome, e.child_ids]),
    ).toEqual([['supervision.read', 'allowed', [file.childId]]]);
    const refused = await t.request(inspector, 'GET', `/api/supervision/inspections/${other}`);
    expect(refused.statusCode).toBe(404);
    expect((await eventsOf(refused.headers['x-request-id'])).map((e) => [e.kind, e.outcome])).toEqual([
      ['supervision.read', 'denied'],
    ]);
  });
});
