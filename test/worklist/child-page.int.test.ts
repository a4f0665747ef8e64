/**
 * The top of the child's page: the overview (states, responsibility and people, open deadlines with rule and source,
 * interpreter and languages, coming meetings) and the timeline of every event, each filtered by what the role may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChild, aProvider, setState } from '../placement/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let childId: string;
let providerId: string;

interface OverviewAnswer {
  machines: { machine: string; state: string; section: string }[];
  responsible: { municipality: { code: string } } | null;
  people: {
    socialWorkers: { name: string }[] | null;
    guardians: { name: string }[] | null;
    region: { name: string } | null;
  };
  deadlines: { rule: string; title: string; source: string; overdue: boolean }[];
  interpreter: { needed: boolean; languages: string[] } | null;
  meetings: { kind: string; on: string }[];
}
interface TimelineAnswer {
  total: number;
  items: {
    kind: string;
    on: string;
    machine: string | null;
    event: string | null;
    details: Record<string, unknown>;
  }[];
}

beforeAll(async () => {
  t = await startTestApp();
  childId = await aChild(t, {
    dossier: '65000001',
    godMan: 'birgitta.sjo',
    assignedWorker: 'sara.lind',
    languages: ['dari', 'pashto'],
  });
  await setState(t, childId, 'placement', 'placed');
  await setState(t, childId, 'social_case', 'investigating');
  const q = (text: string, params: unknown[]) => t.database.raw.query(text, params);
  providerId = await aProvider(t, { name: 'HVB Ekbacken' });
  await q(
    `insert into case_events (child_id, machine, event, from_state, to_state, occurred_on, recorded_at, details) values ($1, 'placement', 'place', 'not_placed', 'placed', '2026-10-05', now(), $2)`,
    [childId, JSON.stringify({ providerId, note: 'fri text' })],
  );
  await q(
    `insert into case_events (child_id, machine, event, from_state, to_state, occurred_on, recorded_at) values ($1, 'social_case', 'open_investigation', 'protection_assessed', 'investigating', '2026-10-10', now())`,
    [childId],
  );
  await q(
    `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'investigation', '2027-02-10', '2026-10-10', 'social_services', '1280')`,
    [childId],
  );
  await q(
    `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'school-start', '2026-11-01', '2026-10-01', 'social_services', '1280')`,
    [childId],
  );
  await q(
    `insert into asylum_cases (child_id, applied_on, interview_dates) values ($1, '2026-09-01', array['2026-12-08']::date[])`,
    [childId],
  );
  const org = (
    await t.database.raw.query<{ id: string }>(
      "select id from organisations where municipality_code = '1280' and type = 'municipality'",
    )
  ).rows[0]?.id;
  await q(
    `insert into journal_entries (child_id, owner_organisation_id, author_user_id, body, occurred_on) values ($1, $2, $3, 'Hemligt samtal om familjen', '2026-10-12')`,
    [childId, org, await t.userId('sara.lind')],
  );
});
afterAll(async () => t.close());

describe('the overview', () => {
  it('shows the social worker every state, the responsibility and people, the deadlines with their source, interpreter and meetings', async () => {
    const res = await t.request(await t.login('sara.lind'), 'GET', `/api/children/${childId}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json<OverviewAnswer>();
    expect(o.machines.find((m) => m.machine === 'placement')?.state).toBe('placed');
    expect(o.machines.find((m) => m.machine === 'school')?.state).toBe('not_enrolled');
    expect(o.responsible?.municipality.code).toBe('1280');
    expect(o.people.socialWorkers?.map((w) => w.name)).toEqual(['Sara Lind']);
    expect(o.people.guardians?.map((g) => g.name)).toEqual(['Birgitta Sjö']);
    expect(o.people.region?.name).toBe('Region Skåne');
    expect(o.deadlines.map((d) => [d.rule, d.overdue])).toEqual([
      ['school-start', true],
      ['investigation', false],
    ]);
    expect(o.deadlines[1]?.source).toContain('SoL');
    expect(o.interpreter).toEqual({ needed: true, languages: ['dari', 'pashto'] });
    expect(o.meetings).toEqual([{ kind: 'asylum_interview', on: '2026-12-08' }]);
  });

  it('shows the god man only what a god man may read of the case', async () => {
    const o = (
      await t.request(await t.login('birgitta.sjo'), 'GET', `/api/children/${childId}/overview`)
    ).json<OverviewAnswer>();
    expect(o.machines.map((m) => m.machine).sort()).toEqual(['guardianship', 'placement', 'school']);
    expect(o.people.socialWorkers).toBeNull();
    expect(o.deadlines.map((d) => d.rule)).toEqual(['school-start']);
    expect(o.meetings).toEqual([{ kind: 'asylum_interview', on: '2026-12-08' }]);
    expect(o.interpreter?.languages).toEqual(['dari', 'pashto']);
  });

  it('says for each deadline where on the page the step is taken, who holds it, and whether it is the caller’s to act on', async () => {
    type Held = {
      rule: string;
      section: string;
      holder: { actor: string; municipality: { name: string } | null; assignee: string | null };
      yours: boolean;
    };
    const social = (
      await t.request(await t.login('sara.lind'), 'GET', `/api/children/${childId}/overview`)
    ).json<{ deadlines: Held[] }>();
    expect(
      social.deadlines.map((d) => [
        d.rule,
        d.section,
        d.holder.actor,
        d.holder.municipality?.name,
        d.holder.assignee,
        d.yours,
      ]),
    ).toEqual([
      ['school-start', 'school', 'social_services', 'Malmö', null, true],
      ['investigation', 'social_case', 'social_services', 'Malmö', null, true],
    ]);
    const godMan = (
      await t.request(await t.login('birgitta.sjo'), 'GET', `/api/children/${childId}/overview`)
    ).json<{ deadlines: Held[] }>();
    expect(godMan.deadlines.map((d) => [d.rule, d.holder.actor, d.yours])).toEqual([
      ['school-start', 'social_services', false],
    ]);
  });

  it('is not found outside the scope', async () => {
    expect(
      (await t.request(await t.login('johan.nilsson'), 'GET', `/api/children/${childId}/overview`))
        .statusCode,
    ).toBe(404);
  });
});

describe('the timeline', () => {
  it('holds every event the role may see, newest first, notes without their text, and pages', async () => {
    const sara = await t.login('sara.lind');
    const res = await t.request(sara, 'GET', `/api/children/${childId}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const timeline = res.json<TimelineAnswer>();
    expect(timeline.items.map((i) => [i.kind, i.on, i.event])).toEqual([
      ['note', '2026-10-12', null],
      ['transition', '2026-10-10', 'open_investigation'],
      ['transition', '2026-10-05', 'place'],
    ]);
    expect(res.body).not.toContain('Hemligt samtal');
    expect(res.body).not.toContain('fri text');
    // Ids, codes and dates of the details, never free text; the provider by name for those who see where the child is.
    expect(timeline.items[2]?.details).toEqual({ providerId, providerName: 'HVB Ekbacken' });
    const page = (
      await t.request(sara, 'GET', `/api/children/${childId}/timeline?pageSize=1&page=2`)
    ).json<TimelineAnswer>();
    expect(page).toMatchObject({
      total: 3,
      items: [expect.objectContaining({ event: 'open_investigation' })],
    });
  });

  it('shows the Migration Agency the arrival and the anvisning, not the social case or the notes', async () => {
    const demo = await t.childByDossier('20000102');
    const timeline = (
      await t.request(await t.login('omar.said'), 'GET', `/api/children/${demo}/timeline?pageSize=200`)
    ).json<TimelineAnswer>();
    const kinds = new Set(timeline.items.map((i) => i.kind));
    expect(kinds).toContain('arrival');
    expect(kinds).toContain('anvisning');
    expect(kinds.has('note')).toBe(false);
    expect(timeline.items.filter((i) => i.machine === 'social_case')).toEqual([]);
  });

  it('is not the god man’s', async () => {
    expect(
      (await t.request(await t.login('birgitta.sjo'), 'GET', `/api/children/${childId}/timeline`)).statusCode,
    ).toBe(404);
  });
});

describe('the first view of the child’s page', () => {
  const read = async (session: Awaited<ReturnType<TestApp['login']>>, path: string) => {
    const res = await t.request(session, 'GET', `/api/children/${childId}${path}`);
    return { status: res.statusCode, body: res.json<unknown>(), requestId: res.headers['x-request-id'] };
  };

  it('is the child, the overview and the timeline’s head in one request, with one audit event naming the parts', async () => {
    const sara = await t.login('sara.lind');
    const first = await read(sara, '/first-view');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      child: (await read(sara, '')).body,
      overview: (await read(sara, '/overview')).body,
      timeline: (await read(sara, '/timeline?pageSize=25')).body,
    });
    const events = await t.database.raw.query<{
      kind: string;
      child_ids: string[];
      payload: { parts: string[] };
    }>('select kind, child_ids, payload from audit_events where request_id = $1', [String(first.requestId)]);
    expect(events.rows).toEqual([
      {
        kind: 'child.read',
        child_ids: [childId],
        payload: expect.objectContaining({
          route: 'GET /api/children/:childId/first-view',
          parts: ['detail', 'overview', 'timeline'],
        }) as unknown,
      },
    ]);
  });

  it('leaves out what the role may not read: the god man gets no timeline', async () => {
    const godMan = await t.login('birgitta.sjo');
    const first = await read(godMan, '/first-view');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      child: (await read(godMan, '')).body,
      overview: (await read(godMan, '/overview')).body,
      timeline: null,
    });
  });
});
