/**
 * "Who has seen this child" and the data protection officer's log: paged by cursor, one entry per page view, searched
 * by dossier number, with each child's dossier number shown (and that showing audited).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

const VIEW_HEADER = 'x-anvisa-view';
/** The requests the web client makes for one view of the child's page. */
const PAGE_SECTIONS = [
  '',
  '/overview',
  '/responsibility',
  '/social-case',
  '/placements',
  '/school',
  '/guardianship',
  '/migration',
  '/documents',
  '/timeline',
];

interface Entry {
  id: string;
  startedAt: string;
  endedAt: string;
  actorUserId: string | null;
  actorName: string | null;
  organisationName: string | null;
  role: string | null;
  reportAvailable: boolean;
  outcome: 'allowed' | 'denied' | 'partly_denied';
  emergency: boolean;
  parts: { kind: string; section: string | null; outcome: string; count: number }[];
  childCount: number;
  children: { id: string; dossierNumber: string }[];
}
interface LogPage {
  entries: Entry[];
  older: number | null;
  newer: number | null;
}

let t: TestApp;
let malmoChild: string;
let stockholmChild: string;
let sara: Session;
let manager: Session;
let dso: Session;

function get(session: Session, url: string, viewId?: string) {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: session.cookie, ...(viewId === undefined ? {} : { [VIEW_HEADER]: viewId }) },
  });
}

async function viewChildPage(
  session: Session,
  childId: string,
  extra: readonly string[] = [],
): Promise<string> {
  const viewId = randomUUID();
  await Promise.all(
    [...PAGE_SECTIONS, ...extra].map((section) => get(session, `/api/children/${childId}${section}`, viewId)),
  );
  return viewId;
}

async function page(session: Session, url: string): Promise<LogPage> {
  const res = await get(session, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LogPage>();
}

/** Follows `older` from the first page to the end; `between` runs before each further page (new views arriving). */
async function walk(
  session: Session,
  base: string,
  between: () => Promise<void> = async () => {},
): Promise<{ pages: LogPage[]; entries: Entry[] }> {
  const pages: LogPage[] = [];
  let url: string | null = base;
  while (url !== null) {
    const current = await page(session, url);
    pages.push(current);
    url = current.older === null ? null : `${base}${base.includes('?') ? '&' : '?'}before=${current.older}`;
    if (pages.length > 200) throw new Error('paging does not end');
    if (url !== null) await between();
  }
  return { pages, entries: pages.flatMap((p) => p.entries) };
}

const startOrder = (a: Entry, b: Entry) => Date.parse(b.startedAt) - Date.parse(a.startedAt);

beforeAll(async () => {
  t = await startTestApp();
  malmoChild = await t.childByDossier('20000102');
  stockholmChild = await t.childByDossier('20000107');
  sara = await t.login('sara.lind');
  manager = await t.login('karin.berg');
  dso = await t.login('malmo.dso');
});
afterAll(async () => t.close());

describe('who has seen this child', () => {
  it('shows one view of the child’s page as one entry naming its sections, and keeps every stored row', async () => {
    const viewId = await viewChildPage(sara, malmoChild);
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from audit_events where view_id = $1',
      [viewId],
    );
    expect(Number(rows[0]?.n)).toBe(PAGE_SECTIONS.length);
    const [newest] = (await page(manager, `/api/children/${malmoChild}/access-log`)).entries;
    expect(newest).toMatchObject({
      actorUserId: sara.userId,
      actorName: 'Sara Lind',
      role: 'social_worker',
      outcome: 'allowed',
    });
    expect(newest?.organisationName).toMatch(/Malmö/);
    expect(newest?.parts.map((p) => p.section)).toEqual(
      expect.arrayContaining(['child', 'overview', 'social_case', 'placement', 'school', 'timeline']),
    );
    expect(newest?.parts.reduce((n, p) => n + p.count, 0)).toBe(PAGE_SECTIONS.length);
  });

  it('shows a refused part of a page view in its entry', async () => {
    await viewChildPage(sara, malmoChild, ['/access-log']);
    const [newest] = (await page(manager, `/api/children/${malmoChild}/access-log`)).entries;
    expect(newest?.outcome).toBe('partly_denied');
    expect(newest?.parts).toContainEqual({
      kind: 'child.access_log.read',
      section: 'access_log',
      outcome: 'denied',
      count: 1,
    });
  });

  it('groups by the request id when the view header is missing or not a UUID', async () => {
    const res = await get(sara, `/api/children/${malmoChild}`, 'not-a-uuid');
    const { rows } = await t.database.raw.query<{ view_id: string }>(
      'select view_id from audit_events where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect(rows).toEqual([{ view_id: String(res.headers['x-request-id']) }]);
  });

  it('keeps the registration and the anvisning within reach after twenty-one views of the child’s page', async () => {
    for (let i = 0; i < 21; i++) await viewChildPage(sara, malmoChild);
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from audit_events where child_ids @> array[$1]::uuid[]',
      [malmoChild],
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(200);
    const { pages, entries } = await walk(manager, `/api/children/${malmoChild}/access-log?limit=10`);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)?.older).toBeNull();
    const kinds = entries.flatMap((e) => e.parts.map((p) => p.kind));
    expect(kinds).toContain('child.register');
    expect(kinds).toContain('allocation.decide');
  });

  it('pages newest first to the end without losing or doubling an entry while new views arrive', async () => {
    // Reading the log is itself an access to the child: each page read adds an entry, newer than the walk's start.
    const reference = await walk(manager, `/api/children/${malmoChild}/access-log?limit=100`);
    const { pages, entries } = await walk(
      manager,
      `/api/children/${malmoChild}/access-log?limit=7`,
      async () => {
        await viewChildPage(sara, malmoChild);
      },
    );
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]?.entries).toHaveLength(7);
    expect(pages[0]?.newer).toBeNull();
    expect(pages.at(-1)?.older).toBeNull();
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const readsOfReference = entries.slice(0, reference.pages.length);
    for (const read of readsOfReference)
      expect(read).toMatchObject({ actorUserId: manager.userId, parts: [{ kind: 'child.access_log.read' }] });
    expect(ids.slice(reference.pages.length)).toEqual(reference.entries.map((e) => e.id));
    expect([...entries].sort(startOrder).map((e) => e.id)).toEqual(ids);
  });

  it('goes back to the newer page from an older one', async () => {
    const first = await page(manager, `/api/children/${malmoChild}/access-log?limit=5`);
    const second = await page(
      manager,
      `/api/children/${malmoChild}/access-log?limit=5&before=${first.older}`,
    );
    expect(second.newer).not.toBeNull();
    const back = await page(manager, `/api/children/${malmoChild}/access-log?limit=5&after=${second.newer}`);
    expect(back.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    // Newer still: only the three reads of the log made since (first, second, back), and the way back down.
    const newest = await page(manager, `/api/children/${malmoChild}/access-log?limit=5&after=${back.newer}`);
    expect(newest.entries.map((e) => [e.actorUserId, ...e.parts.map((p) => p.kind)])).toEqual(
      Array(3).fill([manager.userId, 'child.access_log.read']),
    );
    expect(newest.newer).toBeNull();
    expect(newest.older).not.toBeNull();
    const down = await page(manager, `/api/children/${malmoChild}/access-log?limit=5&before=${newest.older}`);
    expect(down.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
  });

  it('offers a user’s report only for the reader’s own organisation’s users', async () => {
    const outsider = await t.login('johan.nilsson');
    await t.request(outsider, 'POST', '/api/emergency-access', {
      dossierNumber: '20000102',
      reason: 'Barnet har avvikit och setts i Sundsvall i natt',
      hours: 4,
    });
    await viewChildPage(outsider, malmoChild);
    const { entries } = await page(dso, `/api/children/${malmoChild}/access-log`);
    const johan = entries.find((e) => e.actorName === 'Johan Nilsson');
    expect(johan).toMatchObject({ emergency: true, reportAvailable: false });
    expect(entries.find((e) => e.actorUserId === sara.userId)?.reportAvailable).toBe(true);
  });

  it('offers the link to who has seen the child exactly where the log opens', async () => {
    // The child's page shows the link when the detail says so; the log itself answers 404 elsewhere. The two agree
    // for the unit manager and the data protection officer on every fixture child they can read.
    const seen = { offered: 0, withheld: 0 };
    for (let n = 20_000_100; n < 20_000_124; n++) {
      const id = await t.childByDossier(String(n));
      for (const session of [manager, dso]) {
        const detail = await get(session, `/api/children/${id}`);
        if (detail.statusCode !== 200) continue;
        const offered = detail.json<{ accessLog: boolean }>().accessLog;
        const log = await get(session, `/api/children/${id}/access-log`);
        expect(log.statusCode, `${n}`).toBe(offered ? 200 : 404);
        seen[offered ? 'offered' : 'withheld']++;
      }
    }
    expect(seen.offered).toBeGreaterThan(0);
    expect(seen.withheld).toBeGreaterThan(0);
  });

  it('refuses a cursor that is not a positive whole number, or two cursors, naming the field', async () => {
    const fields = async (url: string, session = manager) => {
      const res = await get(session, url);
      expect(res.statusCode).toBe(400);
      return res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field);
    };
    expect(await fields(`/api/children/${malmoChild}/access-log?before=abc`)).toEqual(['querystring.before']);
    expect(await fields(`/api/children/${malmoChild}/access-log?before=0`)).toEqual(['querystring.before']);
    expect(await fields(`/api/children/${malmoChild}/access-log?before=5&after=9`)).toEqual([
      'querystring.after',
    ]);
    expect(await fields('/api/audit/events?before=5&after=9', dso)).toEqual(['querystring.after']);
  });
});

describe('the data protection officer’s log', () => {
  it('shows a page view as one entry with the child’s dossier number, and audits the dossier numbers it showed', async () => {
    await viewChildPage(sara, malmoChild);
    const res = await get(dso, '/api/audit/events?limit=5');
    const [newest] = res.json<LogPage>().entries;
    expect(newest).toMatchObject({
      actorUserId: sara.userId,
      childCount: 1,
      children: [{ id: malmoChild, dossierNumber: '20000102' }],
    });
    expect(newest?.parts.length).toBeGreaterThan(5);
    const { rows } = await t.database.raw.query<{ kind: string; child_ids: string[] }>(
      'select kind, child_ids from audit_events where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('audit.read');
    expect(rows[0]?.child_ids).toContain(malmoChild);
  });

  it('shows the Migration Agency’s data protection officer what the officers of its units did', async () => {
    // The officers hold their roles at a unit under the Agency; the officer for data protection at the Agency itself.
    const officer = await t.login('anna.alm');
    const agencyDso = await t.login('mv.dso');
    const viewId = await viewChildPage(officer, malmoChild);
    const users = (await get(agencyDso, '/api/audit/users')).json<{ id: string }[]>();
    expect(users.map((u) => u.id)).toContain(officer.userId);
    const { entries } = await page(agencyDso, `/api/audit/events?userId=${officer.userId}&limit=5`);
    expect(entries[0]).toMatchObject({ actorUserId: officer.userId, children: [{ id: malmoChild }] });
    const byDossier = await page(agencyDso, '/api/audit/events?dossier=20000102&limit=50');
    expect(byDossier.entries.some((e) => e.actorUserId === officer.userId)).toBe(true);
    const everything = await page(agencyDso, '/api/audit/events?limit=50');
    expect(everything.entries.some((e) => e.actorUserId === officer.userId)).toBe(true);
    const report = await get(agencyDso, `/api/audit/users/${officer.userId}/report`);
    expect(report.statusCode).toBe(200);
    expect(viewId).toBeTruthy();
    // A municipality's officer still sees nothing of the Agency's users.
    expect((await get(dso, `/api/audit/users/${officer.userId}/report`)).statusCode).toBe(404);
  });

  it('finds the events about a child by dossier number, refused attempts included', async () => {
    await viewChildPage(sara, stockholmChild);
    const res = await get(dso, '/api/audit/events?dossier=20000107');
    const { entries } = res.json<LogPage>();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({
      actorUserId: sara.userId,
      outcome: 'denied',
      children: [{ id: stockholmChild, dossierNumber: '20000107' }],
    });
    for (const entry of entries) expect(entry.children.map((c) => c.id)).toContain(stockholmChild);
    const { rows } = await t.database.raw.query<{ child_ids: string[] }>(
      'select child_ids from audit_events where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect(rows[0]?.child_ids).toEqual([stockholmChild]);
  });

  it('answers an unknown dossier number with an empty log, and a malformed one with the field’s error', async () => {
    expect((await page(dso, '/api/audit/events?dossier=99999999')).entries).toEqual([]);
    const res = await get(dso, '/api/audit/events?dossier=20-01');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toEqual([
      'querystring.dossier',
    ]);
  });

  it('pages its own users’ entries by cursor without losing or doubling one', async () => {
    const reference = await walk(dso, '/api/audit/events?limit=100');
    const { pages, entries } = await walk(dso, '/api/audit/events?limit=9');
    expect(pages.length).toBeGreaterThan(2);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The officer is one of the organisation's users: the reference walk's own reads come first.
    for (const read of entries.slice(0, reference.pages.length))
      expect(read).toMatchObject({ actorUserId: dso.userId, parts: [{ kind: 'audit.read' }] });
    expect(ids.slice(reference.pages.length)).toEqual(reference.entries.map((e) => e.id));
  });

  it('orders by time before insertion order, and filters by Swedish calendar days', async () => {
    const saved = t.clock.now;
    try {
      // Written first but later in time (a long request commits after a shorter, later one, say).
      const viewAt = async (iso: string) => {
        t.clock.now = new Date(iso);
        await viewChildPage(await t.login('sara.lind'), malmoChild);
      };
      await viewAt('2026-11-24T22:30:00Z'); // 23:30 on the 24th in Stockholm
      await viewAt('2026-11-24T23:30:00Z'); // 00:30 on the 25th in Stockholm
      await viewAt('2026-11-24T21:00:00Z');
    } finally {
      t.clock.now = saved;
    }
    const onThe24th = await walk(
      dso,
      `/api/audit/events?limit=1&kind=child.read&userId=${sara.userId}&from=2026-11-24&to=2026-11-24`,
    );
    expect(onThe24th.entries.map((e) => e.startedAt)).toEqual([
      '2026-11-24T22:30:00.000Z',
      '2026-11-24T21:00:00.000Z',
    ]);
    const onThe25th = await page(
      dso,
      `/api/audit/events?kind=child.read&userId=${sara.userId}&from=2026-11-25&to=2026-11-25`,
    );
    expect(onThe25th.entries.map((e) => e.startedAt)).toEqual(['2026-11-24T23:30:00.000Z']);
  });

  it('audits the dossier numbers its list of emergency accesses shows', async () => {
    const sundsvallDso = await t.login('sundsvall.dso');
    const res = await get(sundsvallDso, '/api/audit/emergency-access');
    const grants = res.json<{ childId: string }[]>();
    expect(grants.length).toBeGreaterThan(0);
    const { rows } = await t.database.raw.query<{ child_ids: string[] }>(
      'select child_ids from audit_events where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect([...(rows[0]?.child_ids ?? [])].sort()).toEqual([...new Set(grants.map((g) => g.childId))].sort());
  });
});
