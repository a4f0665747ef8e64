/**
 * The supervision of the guardianship authorities end to end (issue 13 point 4, ADR 0027): Ingrid Malm at the Skåne
 * county board plans the year, draws a sample, opens a sampled file (audited with the child), records findings of each
 * criticism level and sends the report; Per Ek at Malmö's guardianship authority sees it and responds with follow-up
 * actions; a skipped year needs a reason and forces the next year's inspection. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aGodManFile, supervisionIds, type SupervisionIds } from './fixtures.ts';
import { drawSample } from '../../src/domain/supervision/sample.ts';

let t: TestApp;
let ids: SupervisionIds;
let inspector: Session;
let officer: Session;
const files: { id: string; childId: string }[] = [];

interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}
interface Inspection {
  id: string;
  state: string;
  steps: string[];
  sample: { fileId: string; childId: string; childName: string | null; kind: string }[];
  sampleSeed: number | null;
  samplePool: number | null;
  findings: { level: string; title: string }[];
  mostSerious: string | null;
  recipients: { municipalityCode: string; body: string }[];
  actions: { id: string; overdue: boolean; doneOn: string | null }[];
  version: number;
}
interface Plan {
  authorities: {
    authority: { id: string; name: string };
    status: string;
    mustInspect: boolean;
    regular: { id: string } | null;
  }[];
}

async function eventsOf(requestId: unknown) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(requestId)],
  );
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await supervisionIds(t);
  for (let i = 0; i < 6; i++)
    files.push(await aGodManFile(t, ids.malmoAuthority, `79400${i}01`, { protectedIdentity: i === 0 }));
  inspector = await t.login('ingrid.tillsyn');
  officer = await t.login('per.ek');
});
afterAll(async () => t.close());

describe('the yearly plan', () => {
  it("lists the authorities of the supervised counties only: Malmö's, not Sundsvall's", async () => {
    const res = await t.request(inspector, 'GET', '/api/supervision/plan?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<Plan>();
    const listed = plan.authorities.map((a) => a.authority.id);
    expect(listed).toContain(ids.malmoAuthority);
    expect(listed).not.toContain(ids.sundsvallAuthority);
  });

  it('refuses a skipped year without a reason, and a second skipped year in a row', async () => {
    const skip = (year: number, reason: string) =>
      t.request(inspector, 'POST', '/api/supervision/inspections', {
        kind: 'skip',
        authorityId: ids.malmoAuthority,
        year,
        reason,
      });
    const none = await skip(2030, '');
    expect(none.statusCode).toBe(422);
    expect(none.json<ErrorBody>().error.fields[0]).toMatchObject({
      field: 'body.reason',
      code: 'skip_needs_reason',
    });
    expect((await skip(2030, 'Nämnden byter organisation under hela året')).statusCode).toBe(201);
    const again = await skip(2031, 'Fortsatt omorganisation av nämnden');
    expect(again.statusCode).toBe(422);
    expect(again.json<ErrorBody>().error.fields[0]).toMatchObject({ code: 'skipped_previous_year' });
    const plan = (await t.request(inspector, 'GET', '/api/supervision/plan?year=2031')).json<Plan>();
    expect(plan.authorities.find((a) => a.authority.id === ids.malmoAuthority)).toMatchObject({
      status: 'unplanned',
      mustInspect: true,
    });
    const { rows } = await t.database.raw.query<{ n: string }>(
      'select count(*) as n from supervision_inspections where year = 2031',
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('refuses an authority outside the board’s counties with 404, and writes nothing', async () => {
    const res = await t.request(inspector, 'POST', '/api/supervision/inspections', {
      kind: 'regular',
      authorityId: ids.sundsvallAuthority,
      year: 2026,
      plannedOn: '2026-11-10',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('an inspection from the plan to the response', () => {
  let id = '';

  it('plans the year on a date, once', async () => {
    const body = { kind: 'regular', authorityId: ids.malmoAuthority, year: 2026, plannedOn: '2026-11-10' };
    const res = await t.request(inspector, 'POST', '/api/supervision/inspections', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json<{ id: string }>().id;
    const twice = await t.request(inspector, 'POST', '/api/supervision/inspections', body);
    expect(twice.statusCode).toBe(422);
    expect(twice.json<ErrorBody>().error.fields[0]).toMatchObject({
      field: 'body.year',
      code: 'already_planned',
    });
    const outside = await t.request(inspector, 'POST', '/api/supervision/inspections', {
      ...body,
      year: 2027,
      plannedOn: '2026-12-01',
    });
    expect(outside.json<ErrorBody>().error.fields[0]).toMatchObject({ code: 'date_outside_year' });
  });

  it('draws a reproducible sample of the authority’s files, naming the children in the audit event', async () => {
    const res = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/sample`, { size: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<Inspection>();
    expect(view.state).toBe('in_progress');
    expect(view.sample).toHaveLength(4);
    expect(view.samplePool).toBeGreaterThanOrEqual(6);
    const masked = view.sample.find((f) => f.childId === files[0]?.childId);
    if (masked !== undefined) expect(masked.childName).toBeNull();
    const [event] = await eventsOf(res.headers['x-request-id']);
    expect(event?.kind).toBe('supervision.write');
    expect([...(event?.child_ids ?? [])].sort()).toEqual(view.sample.map((f) => f.childId).sort());
    // Drawn again from the recorded seed and the authority's files, the sample is the same, in the same order.
    const pool = await t.database.raw.query<{ id: string; child_id: string }>(
      "select id, child_id from guardianships where owner_organisation_id = $1 and kind = 'god_man'",
      [ids.malmoAuthority],
    );
    const sfv = await t.database.raw.query<{ id: string; child_id: string }>(
      "select id, child_id from sfv_cases where municipality_code = '1280'",
    );
    const redrawn = drawSample(
      [
        ...pool.rows.map((r) => ({ kind: 'god_man' as const, id: r.id, childId: r.child_id })),
        ...sfv.rows.map((r) => ({ kind: 'sfv' as const, id: r.id, childId: r.child_id })),
      ],
      4,
      view.sampleSeed ?? -1,
    );
    expect(redrawn.map((f) => f.id)).toEqual(view.sample.map((f) => f.fileId));
    expect(view.samplePool).toBe(pool.rows.length + sfv.rows.length);
    const again = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/sample`, {
      size: 4,
    });
    expect(again.statusCode).toBe(409);
  });

  it('opens a sampled file with its child, audited with the child; a file outside the sample is 404', async () => {
    const view = (await t.request(inspector, 'GET', `/api/supervision/inspections/${id}`)).json<Inspection>();
    const file = view.sample[0];
    if (file === undefined) throw new Error('no sample');
    const res = await t.request(inspector, 'GET', `/api/supervision/inspections/${id}/files/${file.fileId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(['Hans Gren', 'Birgitta Sjö']).toContain(
      res.json<{ godMan: { guardianName: string } }>().godMan.guardianName,
    );
    expect(await eventsOf(res.headers['x-request-id'])).toEqual([
      { kind: 'supervision.file.read', outcome: 'allowed', child_ids: [file.childId] },
    ]);
    const sampled = new Set(view.sample.map((f) => f.fileId));
    const outside = files.find((f) => !sampled.has(f.id));
    if (outside === undefined) throw new Error('every file sampled');
    const refused = await t.request(
      inspector,
      'GET',
      `/api/supervision/inspections/${id}/files/${outside.id}`,
    );
    expect(refused.statusCode).toBe(404);
    // The inspector has no way to the child's record itself.
    expect((await t.request(inspector, 'GET', `/api/children/${file.childId}`)).statusCode).toBe(403);
  });

  it('records findings of each criticism level, most serious first, and refuses a file outside the sample', async () => {
    const view = (await t.request(inspector, 'GET', `/api/supervision/inspections/${id}`)).json<Inspection>();
    for (const [level, title] of [
      ['criticism', 'Årsräkningar granskas sent'],
      ['serious_criticism', 'Förordnande utan att barnet hörts'],
      ['cannot_escape_criticism', 'Akten saknar beslut om arvode'],
    ] as const) {
      const res = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/findings`, {
        level,
        title,
        description: 'Iakttaget i stickprovet.',
        fileId: level === 'serious_criticism' ? (view.sample[0]?.fileId ?? null) : null,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const bad = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/findings`, {
      level: 'criticism',
      title: 'X',
      description: 'Y',
      fileId: ids.malmoAuthority,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.fields[0]).toMatchObject({
      field: 'body.fileId',
      code: 'not_in_sample',
    });
    const after = (
      await t.request(inspector, 'GET', `/api/supervision/inspections/${id}`)
    ).json<Inspection>();
    expect(after.findings.map((f) => f.level)).toEqual([
      'serious_criticism',
      'criticism',
      'cannot_escape_criticism',
    ]);
    expect(after.mostSerious).toBe('serious_criticism');
  });

  it('the authority does not see the inspection before the report is sent', async () => {
    expect((await t.request(officer, 'GET', `/api/supervision/reports/${id}`)).statusCode).toBe(404);
  });

  it('sends the report to the executive board, council and auditors of Malmö', async () => {
    const future = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/report`, {
      sentOn: '2026-12-24',
    });
    expect(future.statusCode).toBe(422);
    const res = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/report`, {
      sentOn: '2026-11-23',
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<Inspection>();
    expect(view.state).toBe('report_sent');
    expect(view.recipients).toEqual([
      { municipalityCode: '1280', municipalityName: 'Malmö', body: 'kommunstyrelse' },
      { municipalityCode: '1280', municipalityName: 'Malmö', body: 'kommunfullmaktige' },
      { municipalityCode: '1280', municipalityName: 'Malmö', body: 'kommunrevision' },
    ]);
    expect(
      (
        await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/findings`, {
          level: 'criticism',
          title: 'För sent',
          description: 'Efter rapporten.',
          fileId: null,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('the authority sees the report about itself, without the sample, and responds with follow-up actions', async () => {
    const list = await t.request(officer, 'GET', '/api/supervision/reports');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ reports: { id: string; mostSerious: string }[] }>().reports).toContainEqual(
      expect.objectContaining({ id, mostSerious: 'serious_criticism' }),
    );
    const read = await t.request(officer, 'GET', `/api/supervision/reports/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('"sample"');
    expect(read.json<Inspection>().steps).toEqual(['record_response']);
    const early = await t.request(officer, 'POST', `/api/supervision/reports/${id}/response`, {
      respondedOn: '2026-11-23',
      response: 'Nämnden har antagit nya rutiner.',
      actions: [{ description: 'Hör alltid barnet före förordnande', deadline: '2026-11-01' }],
    });
    expect(early.statusCode).toBe(422);
    expect(early.json<ErrorBody>().error.fields[0]).toMatchObject({ field: 'body.actions.0.deadline' });
    const res = await t.request(officer, 'POST', `/api/supervision/reports/${id}/response`, {
      respondedOn: '2026-11-23',
      response: 'Nämnden har antagit nya rutiner.',
      actions: [
        { description: 'Hör alltid barnet före förordnande', deadline: '2026-11-23' },
        { description: 'Granska årsräkningar inom tre månader', deadline: '2027-03-31' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Inspection>().state).toBe('response_received');
  });

  it('shows the response and the actions to the inspector; an action past its deadline is overdue', async () => {
    const view = (await t.request(inspector, 'GET', `/api/supervision/inspections/${id}`)).json<Inspection>();
    expect(view.state).toBe('response_received');
    expect(view.actions.map((a) => a.overdue)).toEqual([false, false]);
    const saved = t.clock.now;
    t.clock.now = new Date('2026-12-01T09:00:00Z');
    try {
      const later = await t.login('ingrid.tillsyn');
      const overdue = (
        await t.request(later, 'GET', `/api/supervision/inspections/${id}`)
      ).json<Inspection>();
      expect(overdue.actions.map((a) => a.overdue)).toEqual([true, false]);
      const plan = (await t.request(later, 'GET', '/api/supervision/plan?year=2026')).json<{
        authorities: { authority: { id: string }; overdueActions: number }[];
      }>();
      expect(plan.authorities.find((a) => a.authority.id === ids.malmoAuthority)?.overdueActions).toBe(1);
    } finally {
      t.clock.now = saved;
    }
  });

  it('closes only when every action is done; then the sampled files close to the inspector', async () => {
    const open = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/close`, {
      closedOn: '2026-11-23',
    });
    expect(open.statusCode).toBe(422);
    expect(open.json<ErrorBody>().error.fields[0]).toMatchObject({ code: 'open_actions' });
    const view = (await t.request(officer, 'GET', `/api/supervision/reports/${id}`)).json<Inspection>();
    for (const action of view.actions) {
      const done = await t.request(
        officer,
        'POST',
        `/api/supervision/reports/${id}/actions/${action.id}/done`,
        {
          doneOn: '2026-11-23',
        },
      );
      expect(done.statusCode, done.body).toBe(200);
    }
    const sample = (
      await t.request(inspector, 'GET', `/api/supervision/inspections/${id}`)
    ).json<Inspection>().sample;
    const closed = await t.request(inspector, 'POST', `/api/supervision/inspections/${id}/close`, {
      closedOn: '2026-11-23',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Inspection>().sample).toEqual([]);
    const file = sample[0];
    if (file === undefined) throw new Error('no sample');
    const refused = await t.request(
      inspector,
      'GET',
      `/api/supervision/inspections/${id}/files/${file.fileId}`,
    );
    expect(refused.statusCode).toBe(404);
    expect(await eventsOf(refused.headers['x-request-id'])).toEqual([
      { kind: 'supervision.file.read', outcome: 'denied', child_ids: [file.childId] },
    ]);
  });
});

describe('who sees nothing', () => {
  it('another authority’s officer gets 404, the county coordinator 403', async () => {
    const { rows } = await t.database.raw.query<{ id: string }>(
      `select id from supervision_inspections where authority_id = $1 and state <> 'skipped' limit 1`,
      [ids.malmoAuthority],
    );
    const id = rows[0]?.id ?? '';
    const tove = await t.login('tove.mitt');
    expect((await t.request(tove, 'GET', `/api/supervision/reports/${id}`)).statusCode).toBe(404);
    const coordinator = await t.login('maria.lst');
    expect((await t.request(coordinator, 'GET', `/api/supervision/inspections/${id}`)).statusCode).toBe(403);
    expect((await t.request(coordinator, 'GET', '/api/supervision/plan?year=2026')).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field for a malformed body, and 422 for a rule, writing nothing', async () => {
    const before = await t.database.raw.query<{ n: string }>(
      'select count(*) as n from supervision_inspections',
    );
    for (const body of [
      { kind: 'regular', authorityId: 'x', year: 2026, plannedOn: '2026-11-10' },
      { kind: 'regular', authorityId: ids.malmoAuthority, year: 2026, plannedOn: '2026-02-30' },
      { kind: 'sometimes', authorityId: ids.malmoAuthority },
      {
        kind: 'ad_hoc',
        authorityId: ids.malmoAuthority,
        plannedOn: '2026-11-10',
        trigger: 'rumour',
        triggerNote: '',
      },
      { kind: 'skip', authorityId: ids.malmoAuthority, year: 2026, reason: 'a\u0000b' },
    ]) {
      const res = await t.request(inspector, 'POST', '/api/supervision/inspections', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorBody>().error.fields.length).toBeGreaterThan(0);
    }
    expect((await t.request(inspector, 'GET', '/api/supervision/plan?year=abc')).statusCode).toBe(400);
    expect((await t.request(inspector, 'GET', '/api/supervision/plan')).statusCode).toBe(400);
    const size = await t.request(
      inspector,
      'POST',
      `/api/supervision/inspections/${ids.malmoAuthority}/sample`,
      {
        size: 500,
      },
    );
    expect(size.statusCode).toBe(400);
    expect(size.json<ErrorBody>().error.fields[0]?.field).toBe('body.size');
    const after = await t.database.raw.query<{ n: string }>(
      'select count(*) as n from supervision_inspections',
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
