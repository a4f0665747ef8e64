import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import type { SocialCaseView } from '../../src/social-case/social-case-read.ts';

let t: TestApp;
let sara: Session;
let karin: Session;

/** A child who turned up in Malmö: Malmö (the arrival municipality) is responsible, no case yet. */
const arrivedInMalmo = (arrivalDate = '2026-06-20') =>
  arrivedChild(t, { recordOnly: true, arrivalDate, birthDate: '2011-04-04' });

const stepUrl = (childId: string) => `/api/children/${childId}/social-case/steps`;
async function read(session: Session, childId: string): Promise<SocialCaseView> {
  const res = await t.request(session, 'GET', `/api/children/${childId}/social-case`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SocialCaseView>();
}
async function step(session: Session, childId: string, body: Record<string, unknown>, status = 201) {
  // Each step a second later: the history is ordered by when it was recorded.
  t.clock.now = new Date(t.clock.now.getTime() + 1000);
  const res = await t.request(session, 'POST', stepUrl(childId), body);
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
const due = (c: SocialCaseView, rule: string) => c.deadlines.find((d) => d.rule === rule);

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
  karin = await t.login('karin.berg');
});
afterAll(async () => t.close());

describe('the social case from report to closure', () => {
  it('goes report → protection assessment → investigation (extended) → interventions → care → review → closed, with its deadlines', async () => {
    const child = await arrivedInMalmo();
    expect((await read(sara, child)).state).toBe('none');

    await step(sara, child, {
      event: 'receive_report',
      occurredOn: '2026-07-01',
      source: 'police',
      expectedVersion: 0,
    });
    let c = await read(sara, child);
    expect(c).toMatchObject({
      state: 'report_received',
      version: 1,
      open: true,
      reportReceivedOn: '2026-07-01',
      municipality: { code: '1280' },
    });
    expect(due(c, 'protection-assessment')).toMatchObject({ dueOn: '2026-07-02', overdue: true });
    expect(due(c, 'preliminary-assessment')?.dueOn).toBe('2026-07-15');
    expect(due(c, 'protection-assessment')?.source).toBe(
      '20 kap. 1 § SoL (2025:400) (tidigare 11 kap. 1 a § SoL 2001:453)',
    );
    expect(due(c, 'preliminary-assessment')?.source).toBe(
      '20 kap. 2 § SoL (2025:400) (tidigare 11 kap. 1 a § SoL 2001:453)',
    );
    expect(c.steps.map((s) => s.action)).toEqual(['assess_protection']);
    expect(c.steps[0]?.path).toBe(`/api/children/${child}/social-case/steps`);

    await step(sara, child, {
      event: 'assess_protection',
      occurredOn: '2026-07-02',
      outcome: 'no_immediate_need',
      expectedVersion: 1,
    });
    // The preliminary assessment: the usual outcome is offered first, and its decision records what it found.
    expect((await read(sara, child)).steps.map((s) => s.action)).toEqual([
      'open_investigation',
      'decide_not_to_investigate',
    ]);
    const unfounded = await step(
      sara,
      child,
      { event: 'open_investigation', occurredOn: '2026-07-10', expectedVersion: 2 },
      400,
    );
    expect(
      unfounded.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toEqual(['body.finding']);
    await step(
      sara,
      child,
      { event: 'open_investigation', occurredOn: '2026-07-10', finding: 'no_need_shown', expectedVersion: 2 },
      400,
    );
    await step(sara, child, {
      event: 'open_investigation',
      occurredOn: '2026-07-10',
      finding: 'unaccompanied_needs_care',
      expectedVersion: 2,
    });
    c = await read(sara, child);
    expect(c).toMatchObject({
      state: 'investigating',
      protectionOutcome: 'no_immediate_need',
      preliminaryDecidedOn: '2026-07-10',
      investigationOpenedOn: '2026-07-10',
    });
    expect(c.history[0]).toMatchObject({
      event: 'open_investigation',
      details: { finding: 'unaccompanied_needs_care' },
    });
    expect(c.deadlines.map((d) => d.rule)).toEqual(['investigation']);
    // Four months from the day the investigation was opened (20 kap. 3 §), not from the report of 1 July.
    expect(due(c, 'investigation')).toMatchObject({
      dueOn: '2026-11-10',
      startedOn: '2026-07-10',
      source: '20 kap. 3 § SoL (2025:400) (tidigare 11 kap. 2 § SoL 2001:453)',
    });
    // The usual next step is the decision on interventions; extending the investigation is the exception.
    expect(c.steps.map((s) => s.action)).toEqual(['decide_interventions', 'extend_investigation']);

    await step(sara, child, {
      event: 'extend_investigation',
      occurredOn: '2026-11-05',
      extendedTo: '2027-01-15',
      reason: 'Väntar på läkarintyg och tolk.',
      expectedVersion: 3,
    });
    c = await read(sara, child);
    expect(c).toMatchObject({
      state: 'investigating',
      investigationExtendedTo: '2027-01-15',
      investigationExtensionReason: 'Väntar på läkarintyg och tolk.',
    });
    expect(due(c, 'investigation')).toMatchObject({
      dueOn: '2027-01-15',
      extendedReason: 'Väntar på läkarintyg och tolk.',
      overdue: false,
    });

    const incomplete = await step(
      sara,
      child,
      {
        event: 'decide_interventions',
        occurredOn: '2026-11-12',
        interventions: ['placement'],
        carePlanOn: '2026-11-12',
      },
      422,
    );
    expect(incomplete.json<{ error: { code: string; fields: { field: string }[] } }>().error).toMatchObject({
      code: 'best_interests_incomplete',
    });
    expect(
      incomplete.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toContain('bestInterests.whatIsKnown');
    await step(sara, child, {
      event: 'decide_interventions',
      occurredOn: '2026-11-12',
      interventions: ['placement', 'contact_person'],
      carePlanOn: '2026-11-12',
      bestInterests: BEST_INTERESTS,
      expectedVersion: 4,
    });
    await step(sara, child, {
      event: 'start_care',
      occurredOn: '2026-11-20',
      implementationPlanOn: '2026-11-20',
      expectedVersion: 5,
    });
    c = await read(sara, child);
    expect(c).toMatchObject({
      state: 'care_ongoing',
      interventionsDecidedOn: '2026-11-12',
      carePlanOn: '2026-11-12',
      implementationPlanOn: '2026-11-20',
    });
    expect(c.deadlines.map((d) => [d.rule, d.dueOn])).toEqual([['care-review', '2027-05-20']]);

    // Each review restarts the six-month clock (2027-05-23 is a Sunday: the next working day).
    await step(sara, child, {
      event: 'review_care',
      occurredOn: '2026-11-23',
      outcome: 'care_continues',
      expectedVersion: 6,
    });
    c = await read(sara, child);
    expect(c.lastReviewOn).toBe('2026-11-23');
    expect(c.deadlines.map((d) => [d.rule, d.dueOn])).toEqual([['care-review', '2027-05-24']]);
    expect(c.steps.map((s) => s.action)).toEqual(['review_care']);
    expect((await read(karin, child)).steps.map((s) => s.action)).toEqual(['review_care', 'close']);

    await step(sara, child, { event: 'close', occurredOn: '2026-11-23', reason: 'care_ended' }, 403);
    await step(karin, child, {
      event: 'close',
      occurredOn: '2026-11-23',
      reason: 'care_ended',
      expectedVersion: 7,
    });
    c = await read(sara, child);
    expect(c).toMatchObject({ state: 'closed', open: false, closedOn: '2026-11-23', deadlines: [] });
    expect(c.history.map((h) => h.event)).toEqual([
      'close',
      'review_care',
      'start_care',
      'decide_interventions',
      'extend_investigation',
      'open_investigation',
      'assess_protection',
      'receive_report',
    ]);
    const decision = c.history.find((h) => h.event === 'decide_interventions');
    expect(decision?.bestInterestsId).not.toBeNull();
    expect(decision?.details).toEqual({
      interventions: ['placement', 'contact_person'],
      carePlanOn: '2026-11-12',
    });

    // A new report opens a new case.
    await step(sara, child, { event: 'receive_report', occurredOn: '2026-11-23', source: 'school' });
    c = await read(sara, child);
    expect(c).toMatchObject({
      state: 'report_received',
      open: true,
      reportReceivedOn: '2026-11-23',
      closedOn: null,
    });
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      `select count(*) as n from social_cases where child_id = '${child}'`,
    );
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('records not opening an investigation as a decision with its best-interests record', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, { event: 'receive_report', occurredOn: '2026-11-16', source: 'school' });
    await step(sara, child, {
      event: 'assess_protection',
      occurredOn: '2026-11-16',
      outcome: 'no_immediate_need',
    });
    const res = await step(
      sara,
      child,
      {
        event: 'decide_not_to_investigate',
        occurredOn: '2026-11-20',
        finding: 'needs_met_otherwise',
        bestInterests: { notHeardReason: 'Barnet var inte anträffbart.' },
      },
      422,
    );
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toEqual([
      'bestInterests.rightsConcerned',
      'bestInterests.whatIsKnown',
      'bestInterests.howWeighed',
    ]);
    await step(
      sara,
      child,
      {
        event: 'decide_not_to_investigate',
        occurredOn: '2026-11-20',
        finding: 'unaccompanied_needs_care',
        bestInterests: { ...BEST_INTERESTS, feedbackGivenOn: '2026-11-20' },
      },
      400,
    );
    await step(sara, child, {
      event: 'decide_not_to_investigate',
      occurredOn: '2026-11-20',
      finding: 'needs_met_otherwise',
      bestInterests: { ...BEST_INTERESTS, feedbackGivenOn: '2026-11-20' },
    });
    const c = await read(sara, child);
    expect(c).toMatchObject({ state: 'not_investigated', preliminaryDecidedOn: '2026-11-20', deadlines: [] });
    expect(c.history[0]).toMatchObject({
      event: 'decide_not_to_investigate',
      details: { finding: 'needs_met_otherwise' },
    });
  });
});

describe('a step refused', () => {
  it('answers 409 stale with the other change when the version the user saw is old, and writes nothing', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, {
      event: 'receive_report',
      occurredOn: '2026-11-20',
      source: 'police',
      expectedVersion: 0,
    });
    await step(sara, child, {
      event: 'assess_protection',
      occurredOn: '2026-11-20',
      outcome: 'immediate_protection_needed',
      expectedVersion: 1,
    });
    const ali = await t.login('ali.hassan');
    const res = await step(
      ali,
      child,
      {
        event: 'open_investigation',
        occurredOn: '2026-11-21',
        finding: 'may_need_protection',
        expectedVersion: 1,
      },
      409,
    );
    const error = res.json<{
      error: { code: string; current: { state: string; version: number; lastEvent: { event: string } } };
    }>().error;
    expect(error).toMatchObject({
      code: 'stale',
      current: { state: 'protection_assessed', version: 2, lastEvent: { event: 'assess_protection' } },
    });
    expect((await read(sara, child)).state).toBe('protection_assessed');
  });

  it('answers 409 for a step the state does not allow', async () => {
    const child = await arrivedInMalmo();
    const res = await step(
      sara,
      child,
      { event: 'start_care', occurredOn: '2026-11-20', implementationPlanOn: null },
      409,
    );
    expect(res.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
  });

  it('refuses a date in the future, and a date before the previous step, next to the field', async () => {
    const child = await arrivedInMalmo();
    const future = await step(
      sara,
      child,
      { event: 'receive_report', occurredOn: '2026-11-24', source: 'police' },
      400,
    );
    expect(
      future.json<{ error: { fields: { field: string; message: string }[] } }>().error.fields[0],
    ).toMatchObject({ field: 'occurredOn', message: 'Datumet kan inte ligga i framtiden' });
    await step(sara, child, { event: 'receive_report', occurredOn: '2026-11-10', source: 'police' });
    const before = await step(
      sara,
      child,
      { event: 'assess_protection', occurredOn: '2026-11-09', outcome: 'no_immediate_need' },
      422,
    );
    expect(
      before.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields[0],
    ).toMatchObject({ field: 'body.occurredOn', code: 'before_previous_step' });
    expect((await read(sara, child)).state).toBe('report_received');
  });

  it('refuses an extension that does not move the deadline later', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, { event: 'receive_report', occurredOn: '2026-08-03', source: 'police' });
    await step(sara, child, {
      event: 'assess_protection',
      occurredOn: '2026-08-03',
      outcome: 'no_immediate_need',
    });
    await step(sara, child, {
      event: 'open_investigation',
      occurredOn: '2026-08-10',
      finding: 'may_need_support',
    });
    const res = await step(
      sara,
      child,
      {
        event: 'extend_investigation',
        occurredOn: '2026-11-20',
        extendedTo: '2026-12-01',
        reason: 'Kort förlängning som inte räcker.',
      },
      422,
    );
    expect(
      res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields[0],
    ).toMatchObject({ field: 'body.extendedTo', code: 'extension_not_later' });
    const short = await step(
      sara,
      child,
      { event: 'extend_investigation', occurredOn: '2026-11-20', extendedTo: '2027-02-01', reason: 'kort' },
      400,
    );
    expect(short.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe(
      'body.reason',
    );
  });

  it('is not found outside the scope, and read-only for another municipality', async () => {
    const stockholm = await t.childByDossier('20000107');
    expect((await t.request(sara, 'GET', `/api/children/${stockholm}/social-case`)).statusCode).toBe(404);
    expect(
      (
        await t.request(sara, 'POST', stepUrl(stockholm), {
          event: 'receive_report',
          occurredOn: '2026-11-20',
          source: 'police',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('assigned social workers', () => {
  it('the unit manager assigns a primary and a secondary worker, who are told; a reassignment ends the earlier one', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, {
      event: 'receive_report',
      occurredOn: '2026-11-18',
      source: 'migration_agency',
    });
    const saraId = await t.userId('sara.lind');
    const aliId = await t.userId('ali.hassan');
    const elinId = await t.userId('elin.dahl');
    const assign = (session: Session, body: Record<string, unknown>) =>
      t.request(session, 'POST', `/api/children/${child}/social-case/workers`, body);

    expect((await assign(sara, { primaryUserId: saraId, fromDate: '2026-11-18' })).statusCode).toBe(403);
    const res = await assign(karin, {
      primaryUserId: saraId,
      secondaryUserId: aliId,
      fromDate: '2026-11-18',
    });
    expect(res.statusCode, res.body).toBe(200);
    let c = await read(karin, child);
    expect(c.workers.map((w) => [w.name, w.role])).toEqual([
      ['Sara Lind', 'primary'],
      ['Ali Hassan', 'secondary'],
    ]);
    const { rows: told } = await t.database.raw.query<{ user_id: string }>(
      `select user_id from notifications where child_id = '${child}' and kind = 'case_assigned' order by user_id`,
    );
    expect(told.map((r) => r.user_id).sort()).toEqual([saraId, aliId].sort());
    const { rows: assigned } = await t.database.raw.query<{ assignee_user_id: string }>(
      `select assignee_user_id from deadlines where child_id = '${child}' and closed_at is null`,
    );
    expect(assigned.map((r) => r.assignee_user_id)).toEqual([saraId, saraId]);

    await assign(karin, { primaryUserId: elinId, secondaryUserId: aliId, fromDate: '2026-11-23' });
    c = await read(karin, child);
    expect(c.workers.map((w) => [w.name, w.role, w.fromDate])).toEqual([
      ['Elin Dahl', 'primary', '2026-11-23'],
      ['Ali Hassan', 'secondary', '2026-11-18'],
    ]);
    const { rows: ended } = await t.database.raw.query<{ to_date: string }>(
      `select to_date::text from case_workers w join users u on u.id = w.user_id where u.subject = 'dev:sara.lind' and social_case_id = '${c.socialCaseId ?? ''}'`,
    );
    expect(ended.map((r) => r.to_date)).toEqual(['2026-11-23']);
  });

  it('refuses someone who is not a case worker of the unit, and the same person twice, next to the fields', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, {
      event: 'receive_report',
      occurredOn: '2026-11-18',
      source: 'migration_agency',
    });
    const johan = await t.userId('johan.nilsson');
    const saraId = await t.userId('sara.lind');
    const res = await t.request(karin, 'POST', `/api/children/${child}/social-case/workers`, {
      primaryUserId: johan,
      secondaryUserId: null,
      fromDate: '2026-11-18',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([
      {
        field: 'body.primaryUserId',
        code: 'not_caseworker',
        message: 'Personen är inte handläggare i er organisation',
      },
    ]);
    const twice = await t.request(karin, 'POST', `/api/children/${child}/social-case/workers`, {
      primaryUserId: saraId,
      secondaryUserId: saraId,
      fromDate: '2026-11-18',
    });
    expect(twice.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toEqual(
      ['body.secondaryUserId'],
    );
  });

  it('cannot assign a case that is not open', async () => {
    const child = await arrivedInMalmo();
    const res = await t.request(karin, 'POST', `/api/children/${child}/social-case/workers`, {
      primaryUserId: await t.userId('sara.lind'),
      fromDate: '2026-11-18',
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('the caseload and substitutes', () => {
  it('shows per social worker the open cases, overdue deadlines and the next due; a substitute sees the absent worker’s cases', async () => {
    const child = await arrivedInMalmo();
    await step(sara, child, { event: 'receive_report', occurredOn: '2026-11-02', source: 'police' });
    const saraId = await t.userId('sara.lind');
    const aliId = await t.userId('ali.hassan');
    await t.request(karin, 'POST', `/api/children/${child}/social-case/workers`, {
      primaryUserId: saraId,
      fromDate: '2026-11-02',
    });

    const load = await t.request(karin, 'GET', `/api/caseload?worker=${saraId}`);
    expect(load.statusCode, load.body).toBe(200);
    const body = load.json<{
      workers: { userId: string; primaryCases: number; overdue: number; nextDue: string | null }[];
      items: { child: { id: string }; overdue: number }[];
    }>();
    const saraLoad = body.workers.find((w) => w.userId === saraId);
    expect(saraLoad?.primaryCases).toBeGreaterThanOrEqual(1);
    expect(saraLoad?.overdue).toBeGreaterThanOrEqual(2);
    expect(body.items.find((i) => i.child.id === child)?.overdue).toBe(2);
    expect((await t.request(sara, 'GET', '/api/caseload')).statusCode).toBe(403);

    const ali = await t.login('ali.hassan');
    const before = (await t.request(ali, 'GET', '/api/social-cases/mine')).json<
      { child: { id: string } }[]
    >();
    expect(before.map((i) => i.child.id)).not.toContain(child);
    const set = await t.request(karin, 'POST', '/api/substitutes', {
      absentUserId: saraId,
      substituteUserId: aliId,
      fromDate: '2026-11-23',
      toDate: '2026-11-30',
    });
    expect(set.statusCode, set.body).toBe(201);
    const mine = (await t.request(ali, 'GET', '/api/social-cases/mine')).json<
      { child: { id: string }; standingInFor: { name: string } | null }[]
    >();
    expect(mine.find((i) => i.child.id === child)?.standingInFor?.name).toBe('Sara Lind');
    expect((await read(karin, child)).workers[0]?.substitute).toMatchObject({
      name: 'Ali Hassan',
      toDate: '2026-11-30',
    });
    const list = (await t.request(karin, 'GET', '/api/substitutes')).json<
      { id: string; absent: { name: string } }[]
    >();
    expect(list.map((s) => s.absent.name)).toContain('Sara Lind');

    const overlap = await t.request(karin, 'POST', '/api/substitutes', {
      absentUserId: saraId,
      substituteUserId: await t.userId('elin.dahl'),
      fromDate: '2026-11-25',
      toDate: '2026-12-05',
    });
    expect(
      overlap.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields,
    ).toMatchObject([{ field: 'body.fromDate', code: 'substitute_overlap' }]);
    const self = await t.request(karin, 'POST', '/api/substitutes', {
      absentUserId: aliId,
      substituteUserId: aliId,
      fromDate: '2026-12-01',
      toDate: '2026-12-02',
    });
    expect(self.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toMatchObject([
      { field: 'body.substituteUserId', code: 'same_worker' },
    ]);

    const ended = await t.request(karin, 'DELETE', `/api/substitutes/${set.json<{ id: string }>().id}`);
    expect(ended.json()).toMatchObject({ toDate: null });
    const after = (await t.request(ali, 'GET', '/api/social-cases/mine')).json<{ child: { id: string } }[]>();
    expect(after.map((i) => i.child.id)).not.toContain(child);
  });

  it('another unit’s manager does not see the substitute', async () => {
    const saraId = await t.userId('sara.lind');
    const aliId = await t.userId('ali.hassan');
    const set = await t.request(karin, 'POST', '/api/substitutes', {
      absentUserId: aliId,
      substituteUserId: saraId,
      fromDate: '2026-12-10',
      toDate: '2026-12-20',
    });
    expect(set.statusCode).toBe(201);
    const lund = await t.login('elin.dahl', 'Lund');
    expect(
      (await t.request(lund, 'DELETE', `/api/substitutes/${set.json<{ id: string }>().id}`)).statusCode,
    ).toBe(404);
    expect((await t.request(lund, 'GET', '/api/substitutes')).json()).toEqual([]);
  });
});
