/** Responsibility end to end through the API: the anvisning's hook, the hand-over, corrections and transfers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { ARRIVAL, assign, assignedChild, setState } from './fixtures.ts';

let t: TestApp;
let officer: Session;
let malmo: Session;
let lund: Session;
let sundsvall: Session;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.raw.query<T>(sql, params)).rows;
}
const stateOf = async (childId: string, machine: string) =>
  (
    await rows<{ state: string; municipality_code: string | null }>(
      'select state, municipality_code from case_states where child_id = $1 and machine = $2',
      [childId, machine],
    )
  )[0];

interface Section {
  responsibility: { state: string; version: number };
  transfer: { state: string; version: number };
  responsible: { code: string } | null;
  periods:
    | {
        kind: string;
        municipality: { code: string };
        from: string;
        to: string | null;
        reason: string | null;
        endReason: string | null;
      }[]
    | null;
  handovers: {
    id: string;
    from: { code: string };
    to: { code: string } | null;
    movedOn: string | null;
    acknowledgedOn: string | null;
    daysOfCare: { days: number; basis: string };
    mayRecordMove: boolean;
  }[];
  transfers: { id: string; status: string; relation: string; mayAnswer: boolean }[];
  changeReports: { id: string; change: string; dueOn: string }[];
  receivedOn: string | null;
  steps: { action: string; machine: string; path: string }[];
}
/** The steps the section offers, by action. */
const actions = (view: Section) => view.steps.map((s) => s.action);
const section = async (s: Session, childId: string) =>
  t.request(s, 'GET', `/api/children/${childId}/responsibility`);

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
  malmo = await t.login('sara.lind');
  lund = await t.login('elin.dahl', 'Lund');
  sundsvall = await t.login('johan.nilsson');
});
afterAll(async () => t.close());

describe('the anvisning', () => {
  it('assigns responsibility through the machine, opens its clocks, hands the social case over, opens the hand-over and tells the municipality', async () => {
    const child = await arrivedChild(t, {
      ...ARRIVAL,
      session: officer,
      municipalityCode: '1281',
      arrivalDate: '2026-11-10',
    });
    // Lund's social services had received the report at arrival.
    await setState(t, child, 'social_case', 'protection_assessed', '1281');
    await assign(t, officer, child, '1280');

    expect(await stateOf(child, 'responsibility')).toEqual({ state: 'assigned', municipality_code: null });
    expect(await stateOf(child, 'social_case')).toEqual({
      state: 'report_received',
      municipality_code: '1280',
    });
    const events = await rows<{ machine: string; event: string }>(
      'select machine, event from case_events where child_id = $1 order by recorded_at, machine',
      [child],
    );
    expect(events.map((e) => `${e.machine}.${e.event}`)).toEqual(
      expect.arrayContaining([
        'responsibility.assign',
        'social_case.hand_over_case',
        'social_case.receive_report',
      ]),
    );
    const open = await rows<{ rule: string; municipality_code: string; due_on: string }>(
      'select rule, municipality_code, due_on::text as due_on from deadlines where child_id = $1 and closed_at is null order by rule',
      [child],
    );
    expect(open.map((d) => [d.rule, d.municipality_code])).toEqual([
      ['continued-responsibility-notice', '1280'],
      ['preliminary-assessment', '1280'],
      ['protection-assessment', '1280'],
      ['school-start', '1280'],
      ['turning-18-warning', '1280'],
    ]);
    // School counts from the arrival.
    expect(open.find((d) => d.rule === 'school-start')?.due_on).toBe('2026-12-10');
    expect(await rows('select from_code, to_code from handovers where child_id = $1', [child])).toEqual([
      { from_code: '1281', to_code: '1280' },
    ]);
    expect(
      await rows(
        'select municipality_code, report_received_on::text as report_received_on, closed_on from social_cases where child_id = $1',
        [child],
      ),
    ).toEqual([{ municipality_code: '1280', report_received_on: '2026-11-23', closed_on: null }]);
    const periods = await rows<{ kind: string; reason: string | null; end_reason: string | null }>(
      'select kind, reason, end_reason from responsibility_periods where child_id = $1 order by from_date',
      [child],
    );
    expect(periods).toEqual([
      { kind: 'arrival', reason: null, end_reason: 'handed_over' },
      { kind: 'assigned', reason: 'anvisning', end_reason: null },
    ]);
    const told = await rows<{ subject: string }>(
      "select u.subject from notifications n join users u on u.id = n.user_id where n.child_id = $1 and n.kind = 'incoming_child' order by 1",
      [child],
    );
    expect(told.map((r) => r.subject)).toEqual(
      expect.arrayContaining(['dev:ali.hassan', 'dev:karin.berg', 'dev:sara.lind']),
    );
    expect(told.map((r) => r.subject)).not.toContain('dev:johan.nilsson');
  });

  it('a child assigned where it arrived needs no hand-over, and acknowledging receipt needs no move', async () => {
    const child = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    expect(await rows('select id from handovers where child_id = $1', [child])).toEqual([]);
    // The responsible municipality is offered the receipt (no move: there is no hand-over) and a transfer request;
    // not yet the decision about responsibility after 18 (the child is 15).
    const offered = (await section(malmo, child)).json<Section>();
    expect(actions(offered)).toEqual(['acknowledge_receipt', 'request_transfer']);
    expect(offered.steps[0]).toMatchObject({
      machine: 'responsibility',
      path: `/api/children/${child}/responsibility/receipt`,
    });
    expect(
      (
        await t.request(malmo, 'POST', `/api/children/${child}/responsibility/move`, {
          movedOn: '2026-11-23',
        })
      ).statusCode,
    ).toBe(409);
    const res = await t.request(malmo, 'POST', `/api/children/${child}/responsibility/receipt`, {
      acknowledgedOn: '2026-11-23',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stateOf(child, 'responsibility'))?.state).toBe('received');
    // The receipt shows on the section although there was no hand-over.
    const after = (await section(malmo, child)).json<Section>();
    expect(after).toMatchObject({ handovers: [], receivedOn: '2026-11-23' });
    expect(actions(after)).not.toContain('acknowledge_receipt');
  });

  it('a correction moves the responsibility on: the new municipality must acknowledge anew, the hand-over that never happened is dropped', async () => {
    const child = await arrivedChild(t, {
      ...ARRIVAL,
      session: officer,
      municipalityCode: '1281',
      arrivalDate: '2026-11-15',
    });
    const decisionId = await assign(t, officer, child, '1280');
    const res = await t.request(officer, 'POST', `/api/allocation/decisions/${decisionId}/correction`, {
      municipalityCode: '2281',
      reason: 'Fel kommun angavs i beslutet',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await stateOf(child, 'responsibility'))?.state).toBe('assigned');
    expect(await stateOf(child, 'social_case')).toEqual({
      state: 'report_received',
      municipality_code: '2281',
    });
    expect(await rows('select from_code, to_code from handovers where child_id = $1', [child])).toEqual([
      { from_code: '1281', to_code: '2281' },
    ]);
    const deadlines = await rows<{ municipality_code: string }>(
      'select distinct municipality_code from deadlines where child_id = $1 and closed_at is null',
      [child],
    );
    expect(deadlines).toEqual([{ municipality_code: '2281' }]);
    // Malmö was responsible for no day at all; Sundsvall sees the child in full.
    expect((await t.request(malmo, 'GET', `/api/children/${child}`)).statusCode).toBe(404);
    expect((await section(sundsvall, child)).json<Section>().responsible?.code).toBe('2281');
  });

  it('a correction back to the municipality the child already moved to opens no hand-over and tells it the child comes from itself, not from the arrival', async () => {
    const child = await arrivedChild(t, {
      ...ARRIVAL,
      session: officer,
      municipalityCode: '1281',
      arrivalDate: '2026-11-15',
    });
    const decisionId = await assign(t, officer, child, '1280');
    const moved = await t.request(lund, 'POST', `/api/children/${child}/responsibility/move`, {
      movedOn: '2026-11-23',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const away = await t.request(officer, 'POST', `/api/allocation/decisions/${decisionId}/correction`, {
      municipalityCode: '2281',
      reason: 'Fel kommun angavs i beslutet',
    });
    expect(away.statusCode, away.body).toBe(201);
    const back = await t.request(
      officer,
      'POST',
      `/api/allocation/decisions/${away.json<{ id: string }>().id}/correction`,
      { municipalityCode: '1280', reason: 'Rättelsen var fel, barnet bor kvar i Malmö' },
    );
    expect(back.statusCode, back.body).toBe(201);
    // Lund's hand-over to Malmö happened and stays; the one to Sundsvall never happened and is dropped.
    expect(
      await rows('select from_code, to_code, moved_on::text as moved_on from handovers where child_id = $1', [
        child,
      ]),
    ).toEqual([{ from_code: '1281', to_code: '1280', moved_on: '2026-11-23' }]);
    const told = await rows<{ from_code: string }>(
      `select distinct n.details->>'fromCode' as from_code from notifications n
        where n.child_id = $1 and n.kind = 'incoming_child' and n.details->>'decisionId' = $2`,
      [child, back.json<{ id: string }>().id],
    );
    expect(told).toEqual([{ from_code: '1280' }]);
  });
});

describe('the hand-over', () => {
  it('the arrival municipality sees its hand-over and records the move; the assigned one acknowledges receipt; the days of care follow', async () => {
    // Arrived and assigned the same day: the arrival period never made Lund responsible, yet Lund must hand over.
    const child = await assignedChild(t, officer, '1280', {
      municipalityCode: '1281',
      arrivalDate: '2026-11-23',
    });
    const before = await section(lund, child);
    expect(before.statusCode, before.body).toBe(200);
    const seen = before.json<Section>();
    expect(seen.periods).toBeNull();
    expect(seen.handovers).toMatchObject([
      {
        from: { code: '1281' },
        to: { code: '1280' },
        movedOn: null,
        mayRecordMove: true,
        daysOfCare: { days: 0, basis: 'ongoing' },
      },
    ]);

    expect(
      (await t.request(lund, 'POST', `/api/children/${child}/responsibility/move`, { movedOn: '2026-11-24' }))
        .statusCode,
    ).toBe(422);
    const moved = await t.request(lund, 'POST', `/api/children/${child}/responsibility/move`, {
      movedOn: '2026-11-23',
      expectedVersion: seen.responsibility.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Once the move is recorded, Lund no longer sees the child; Malmö finds the move recorded.
    expect((await section(lund, child)).statusCode).toBe(404);
    expect(
      (await t.request(lund, 'POST', `/api/children/${child}/responsibility/move`, { movedOn: '2026-11-23' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request(malmo, 'POST', `/api/children/${child}/responsibility/move`, {
          movedOn: '2026-11-23',
        })
      ).statusCode,
    ).toBe(409);

    const stale = await t.request(malmo, 'POST', `/api/children/${child}/responsibility/receipt`, {
      acknowledgedOn: '2026-11-23',
      expectedVersion: seen.responsibility.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('stale');
    const received = await t.request(malmo, 'POST', `/api/children/${child}/responsibility/receipt`, {
      acknowledgedOn: '2026-11-23',
    });
    expect(received.statusCode, received.body).toBe(200);
    const after = (await section(malmo, child)).json<Section>();
    expect(after.responsibility.state).toBe('received');
    expect(after.handovers).toMatchObject([
      {
        movedOn: '2026-11-23',
        acknowledgedOn: '2026-11-23',
        daysOfCare: { days: 0, basis: 'moved' },
        mayRecordMove: false,
      },
    ]);
    expect(actions(after)).not.toContain('acknowledge_receipt');
  });

  it('counts the arrival municipality’s days of care from the arrival to the move', async () => {
    const child = await assignedChild(t, officer, '1280', {
      municipalityCode: '1281',
      arrivalDate: '2026-11-13',
    });
    await t.request(lund, 'POST', `/api/children/${child}/responsibility/move`, { movedOn: '2026-11-23' });
    expect((await section(malmo, child)).json<Section>().handovers[0]?.daysOfCare).toEqual({
      days: 10,
      until: '2026-11-23',
      basis: 'moved',
    });
  });

  it('a municipality with no part in the hand-over learns nothing', async () => {
    const child = await assignedChild(t, officer, '1280', { municipalityCode: '1281' });
    expect(
      (
        await t.request(sundsvall, 'POST', `/api/children/${child}/responsibility/move`, {
          movedOn: '2026-11-23',
        })
      ).statusCode,
    ).toBe(404);
    expect((await section(sundsvall, child)).statusCode).toBe(404);
  });
});

describe('a transfer between municipalities', () => {
  it('the responsible municipality asks, the other sees the child minimally, confirms with its best-interests record, and responsibility moves', async () => {
    const child = await assignedChild(t, officer, '1280', {
      municipalityCode: '1280',
      arrivalDate: '2026-11-01',
    });
    await t.request(malmo, 'POST', `/api/children/${child}/responsibility/receipt`, {
      acknowledgedOn: '2026-11-23',
    });
    const asked = await t.request(malmo, 'POST', `/api/children/${child}/transfers`, {
      municipalityCode: '2281',
      reason: 'Barnet flyttar till sin morbror i Sundsvall',
      proposedFrom: '2026-12-01',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: string }>();
    expect(
      (
        await t.request(malmo, 'POST', `/api/children/${child}/transfers`, {
          municipalityCode: '1281',
          reason: 'En till',
          proposedFrom: '2026-12-01',
        })
      ).statusCode,
    ).toBe(409);

    const minimal = await t.request(sundsvall, 'GET', `/api/children/${child}`);
    expect(minimal.json()).toMatchObject({
      view: 'minimal',
      basis: 'transfer_request',
      responsibleMunicipality: null,
    });
    const list = (await t.request(sundsvall, 'GET', '/api/transfers')).json<
      { id: string; relation: string; child: { id: string } | null }[]
    >();
    expect(list.find((r) => r.id === id)).toMatchObject({ relation: 'answerer', child: { id: child } });
    expect((await section(sundsvall, child)).json<Section>().transfers).toMatchObject([
      { id, mayAnswer: true },
    ]);
    // Malmö, which asked, may not answer its own request.
    expect(
      (
        await t.request(malmo, 'POST', `/api/transfers/${id}/confirm`, {
          transferredOn: '2026-11-23',
          bestInterests: BEST_INTERESTS,
        })
      ).statusCode,
    ).toBe(403);

    const incomplete = await t.request(sundsvall, 'POST', `/api/transfers/${id}/confirm`, {
      transferredOn: '2026-11-23',
      bestInterests: { ...BEST_INTERESTS, childsViews: null, howWeighed: null },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(
      incomplete.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toEqual(['bestInterests.howWeighed', 'bestInterests.childsViews']);
    expect(
      await rows("select 1 from responsibility_periods where child_id = $1 and kind = 'transferred'", [
        child,
      ]),
    ).toEqual([]);

    const confirmed = await t.request(sundsvall, 'POST', `/api/transfers/${id}/confirm`, {
      transferredOn: '2026-11-23',
      answerNote: 'Välkommen',
      bestInterests: BEST_INTERESTS,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const periods = await rows<{
      municipality_code: string;
      kind: string;
      to_date: string | null;
      end_reason: string | null;
    }>(
      'select municipality_code, kind, to_date::text as to_date, end_reason from responsibility_periods where child_id = $1 order by from_date, created_at',
      [child],
    );
    expect(periods.slice(-2)).toEqual([
      { municipality_code: '1280', kind: 'assigned', to_date: '2026-11-23', end_reason: 'transferred' },
      { municipality_code: '2281', kind: 'transferred', to_date: null, end_reason: null },
    ]);
    expect(await stateOf(child, 'social_case')).toEqual({
      state: 'report_received',
      municipality_code: '2281',
    });
    expect(
      await rows(
        "select distinct municipality_code from deadlines where child_id = $1 and closed_at is null and rule <> 'change-report'",
        [child],
      ),
    ).toEqual([{ municipality_code: '2281' }]);
    expect(
      await rows(
        'select change, municipality_code, due_on::text as due_on from change_reports where child_id = $1',
        [child],
      ),
    ).toEqual([{ change: 'transfer', municipality_code: '1280', due_on: '2026-12-07' }]);
    expect(
      await rows(
        'select status, best_interests_id is not null as recorded from responsibility_transfers where id = $1',
        [id],
      ),
    ).toEqual([{ status: 'confirmed', recorded: true }]);
    // Access follows the periods: Sundsvall is responsible, Malmö a former municipality.
    expect((await t.request(sundsvall, 'GET', `/api/children/${child}`)).json()).toMatchObject({
      basis: 'responsible_municipality',
    });
    expect((await t.request(malmo, 'GET', `/api/children/${child}`)).json()).toMatchObject({
      basis: 'former_municipality',
    });
    expect(
      (await t.request(sundsvall, 'POST', `/api/transfers/${id}/decline`, { answerNote: 'Nej' })).statusCode,
    ).toBe(409);
  });

  it('another municipality asks to take a child over by its dossier number; the responsible one declines with its reason', async () => {
    const child = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    const [{ dossier_number: dossier, birth_date: birthDate } = { dossier_number: '', birth_date: '' }] =
      await rows<{
        dossier_number: string;
        birth_date: string;
      }>(
        "select dossier_number, to_char(birth_date, 'YYYY-MM-DD') as birth_date from children where id = $1",
        [child],
      );
    expect(
      (
        await t.request(lund, 'POST', '/api/transfers', {
          dossierNumber: '99999999',
          birthDate,
          reason: 'Anhörig',
          proposedFrom: '2026-12-01',
        })
      ).statusCode,
    ).toBe(404);
    const asked = await t.request(lund, 'POST', '/api/transfers', {
      dossierNumber: dossier,
      birthDate,
      reason: 'Barnets syster bor i Lund',
      proposedFrom: '2026-12-01',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: string }>();
    // Asking opens nothing (ADR 0016): the child stays out of Lund's scope until Malmö confirms.
    expect((await t.request(lund, 'GET', `/api/children/${child}`)).statusCode).toBe(404);
    expect(
      (await t.request(lund, 'POST', `/api/transfers/${id}/decline`, { answerNote: 'Nej' })).statusCode,
    ).toBe(403);
    const declined = await t.request(malmo, 'POST', `/api/transfers/${id}/decline`, {
      answerNote: 'Barnet har sin skola och sitt nätverk i Malmö',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await stateOf(child, 'transfer'))?.state).toBe('none');
    expect((await t.request(lund, 'GET', `/api/children/${child}`)).statusCode).toBe(404);
    const answered = (await t.request(lund, 'GET', '/api/transfers?status=answered')).json<
      { id: string; status: string; child: unknown }[]
    >();
    expect(answered.find((r) => r.id === id)).toMatchObject({ status: 'declined', child: null });
    const told = await rows(
      "select 1 from notifications n join users u on u.id = n.user_id where n.child_id = $1 and n.kind = 'transfer_answer' and u.subject = 'dev:elin.dahl'",
      [child],
    );
    expect(told.length).toBeGreaterThan(0);
  });

  it('the asking municipality may withdraw its request', async () => {
    const child = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    const { id } = (
      await t.request(malmo, 'POST', `/api/children/${child}/transfers`, {
        municipalityCode: '1281',
        reason: 'Flytt',
        proposedFrom: '2026-12-01',
      })
    ).json<{ id: string }>();
    expect((await t.request(lund, 'POST', `/api/transfers/${id}/withdraw`, {})).statusCode).toBe(403);
    expect((await t.request(malmo, 'POST', `/api/transfers/${id}/withdraw`, {})).statusCode).toBe(200);
    expect(await rows('select status from responsibility_transfers where id = $1', [id])).toEqual([
      { status: 'withdrawn' },
    ]);
  });
});

describe('the change reports', () => {
  it('list the municipality’s changes with their deadline, filter them and take the reported date', async () => {
    const child = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    const { id } = (
      await t.request(malmo, 'POST', `/api/children/${child}/transfers`, {
        municipalityCode: '1281',
        reason: 'Flytt',
        proposedFrom: '2026-11-23',
      })
    ).json<{ id: string }>();
    await t.request(lund, 'POST', `/api/transfers/${id}/confirm`, {
      transferredOn: '2026-11-23',
      bestInterests: BEST_INTERESTS,
    });
    const list = (await t.request(malmo, 'GET', '/api/change-reports?change=transfer')).json<{
      total: number;
      items: { id: string; child: { id: string } | null; dueOn: string; overdue: boolean }[];
    }>();
    const row = list.items.find((i) => i.child?.id === child);
    expect(row).toMatchObject({ dueOn: '2026-12-07', overdue: false });
    expect(
      (await t.request(lund, 'GET', '/api/change-reports'))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id),
    ).not.toContain(row?.id);
    expect(
      (await t.request(lund, 'POST', `/api/change-reports/${row?.id}/reported`, { reportedOn: '2026-11-23' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request(malmo, 'POST', `/api/change-reports/${row?.id}/reported`, {
          reportedOn: '2026-11-22',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await t.request(malmo, 'POST', `/api/change-reports/${row?.id}/reported`, {
          reportedOn: '2026-11-23',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request(malmo, 'POST', `/api/change-reports/${row?.id}/reported`, {
          reportedOn: '2026-11-23',
        })
      ).statusCode,
    ).toBe(409);
    const reported = (await t.request(malmo, 'GET', '/api/change-reports?status=reported')).json<{
      items: { id: string; reportedBy: string | null }[];
    }>();
    expect(reported.items.find((i) => i.id === row?.id)?.reportedBy).toBe('Sara Lind');
    expect(
      await rows(
        'select closed_at is not null as closed from deadlines d join change_reports r on r.deadline_id = d.id where r.id = $1',
        [row?.id],
      ),
    ).toEqual([{ closed: true }]);
    expect((await t.request(await t.login('per.ek'), 'GET', '/api/change-reports')).statusCode).toBe(403);
  });
});
