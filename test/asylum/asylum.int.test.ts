/** The asylum case end to end through the API: opened at registration, interviews, decisions, appeal, final. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineFacts } from '../../src/case/engine.ts';
import { notifyComingMeetings } from '../../src/notifications/jobs.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import type { MigrationView } from '../../src/asylum/view.ts';

let t: TestApp;
let officer: Session;
let asylumOfficer: Session;
let social: Session;

/** A child registered by the Migration Agency, arrived in Malmö (Malmö's social services are responsible). */
const arrive = (arrivalDate = '2026-09-01', birthDate = '2010-06-01') =>
  arrivedChild(t, {
    session: officer,
    arrivalDate,
    birthDate,
    fields: { languages: ['tigrinja', 'arabiska'] },
  });

const post = (session: Session, child: string, path: string, body: unknown) =>
  t.request(session, 'POST', `/api/children/${child}/${path}`, body);
const view = async (session: Session, child: string) => {
  const res = await t.request(session, 'GET', `/api/children/${child}/migration`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MigrationView>();
};
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.raw.query<{ n: number | string }>(sql, params)).rows[0]?.n ?? 0);
const errorOf = (res: { json: <T>() => T }) =>
  res.json<{ error: { code: string; fields: { field: string; code: string; message: string }[] } }>().error;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
  asylumOfficer = await t.login('omar.said');
  social = await t.login('sara.lind');
});
afterAll(async () => t.close());

describe('the asylum case', () => {
  it('opens when the Migration Agency registers the child, dated the arrival, with the stated birth date as the registered one', async () => {
    const child = await arrive('2026-09-01', '2010-06-01');
    const { asylum, age, interpreter } = await view(asylumOfficer, child);
    expect(asylum).toMatchObject({
      recorded: true,
      state: 'applied',
      version: 0,
      appliedOn: '2026-09-01',
      interviewDates: [],
      decision: null,
    });
    expect(asylum?.steps.map((s) => s.event)).toEqual(
      expect.arrayContaining(['schedule_interview', 'interview', 'grant_temporary', 'refuse']),
    );
    // Each step names the route that takes it: the five decisions share the decision's route.
    expect(asylum?.steps.find((s) => s.event === 'refuse')?.path).toBe(
      `/api/children/${child}/asylum/decision`,
    );
    expect(age).toMatchObject({
      state: 'as_stated',
      statedBirthDate: '2010-06-01',
      registeredBirthDate: '2010-06-01',
      adultToday: false,
      ageBand: '16-17',
    });
    expect(age?.records.map((r) => r.kind)).toEqual(['stated', 'registered']);
    expect(interpreter).toEqual({ needed: true, languages: ['tigrinja', 'arabiska'] });
  });

  it('books a coming interview for the god man and social services, and records it as held without a second date', async () => {
    const child = await arrive();
    const godMan = await t.userId('hans.gren');
    const ownerOrg = (
      await t.database.raw.query<{ id: string }>(
        "select id from organisations where type = 'god_man_pool' limit 1",
      )
    ).rows[0]?.id;
    await t.database.raw.query(
      `insert into guardianships (child_id, guardian_user_id, kind, from_date, owner_organisation_id) values ($1, $2, 'god_man', '2026-09-03', $3)`,
      [child, godMan, ownerOrg],
    );

    const booked = await post(asylumOfficer, child, 'asylum/interviews', { interviewOn: '2026-12-08' });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json<MigrationView>().asylum).toMatchObject({
      state: 'applied',
      interviewDates: ['2026-12-08'],
      comingInterviews: ['2026-12-08'],
    });
    const told = await t.database.raw.query<{ user_id: string; details: { on: string } }>(
      "select user_id, details from notifications where child_id = $1 and kind = 'appointment'",
      [child],
    );
    expect(told.rows.map((r) => r.user_id)).toContain(godMan);
    expect(told.rows.map((r) => r.user_id)).toContain(social.userId);
    expect(told.rows[0]?.details.on).toBe('2026-12-08');

    t.clock.now = new Date('2026-12-09T09:00:00Z');
    try {
      const held = await post(await t.login('omar.said'), child, 'asylum/interviews', {
        interviewOn: '2026-12-08',
        expectedVersion: 1,
      });
      expect(held.statusCode, held.body).toBe(200);
      expect(held.json<MigrationView>().asylum).toMatchObject({
        state: 'interviewed',
        version: 2,
        interviewDates: ['2026-12-08'],
        comingInterviews: [],
      });
    } finally {
      t.clock.now = new Date('2026-11-23T09:00:00Z');
    }
  });

  it('refuses an interview before the application or more than a year ahead, naming the field', async () => {
    const child = await arrive('2026-09-01');
    for (const [interviewOn, code] of [
      ['2026-08-30', 'asylum_before_application'],
      ['2027-12-01', 'asylum_too_far_ahead'],
    ] as const) {
      const res = await post(asylumOfficer, child, 'asylum/interviews', { interviewOn });
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).fields).toEqual([
        { field: 'body.interviewOn', code, message: expect.any(String) as string },
      ]);
    }
    expect(await count('select count(*) as n from case_events where child_id = $1', [child])).toBe(0);
  });

  it('a temporary permit needs an end date after the decision date; the permit tells social services and makes the child a permit holder', async () => {
    const child = await arrive();
    const missing = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'temporary_permit',
      decidedOn: '2026-11-10',
    });
    expect(missing.statusCode).toBe(422);
    expect(errorOf(missing).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.permitEndsOn', 'asylum_permit_end_required'],
    ]);
    const before = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'temporary_permit',
      decidedOn: '2026-11-10',
      permitEndsOn: '2026-11-10',
    });
    expect(errorOf(before).fields.map((f) => f.code)).toEqual(['asylum_permit_end_not_after_decision']);
    expect(await count('select count(*) as n from notifications where child_id = $1', [child])).toBe(0);

    const granted = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'temporary_permit',
      decidedOn: '2026-11-10',
      permitEndsOn: '2029-11-09',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json<MigrationView>().asylum).toMatchObject({
      state: 'temporary_permit',
      decision: 'temporary_permit',
      decidedOn: '2026-11-10',
      permitEndsOn: '2029-11-09',
      permitHolder: true,
    });
    const told = await t.database.raw.query<{ user_id: string; details: Record<string, unknown> }>(
      "select user_id, details from notifications where child_id = $1 and kind = 'asylum_decision'",
      [child],
    );
    expect(told.rows.map((r) => r.user_id)).toContain(social.userId);
    expect(told.rows[0]?.details).toMatchObject({
      decision: 'temporary_permit',
      permit: true,
      permitEndsOn: '2029-11-09',
    });
    // The municipality's change reports now follow the permit holders' quarterly rule.
    expect((await deadlineFacts(t.database.db, child, '2026-11-23')).permitHolder).toBe(true);
  });

  it('other decisions carry no end date, and none comes before the application or in the future', async () => {
    const child = await arrive('2026-09-01');
    const withEnd = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'permanent_permit',
      decidedOn: '2026-11-10',
      permitEndsOn: '2030-01-01',
    });
    expect(errorOf(withEnd).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.permitEndsOn', 'asylum_permit_end_not_allowed'],
    ]);
    const early = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'refused',
      decidedOn: '2026-08-01',
    });
    expect(errorOf(early).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.decidedOn', 'asylum_date_too_early'],
    ]);
    const future = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'refused',
      decidedOn: '2026-11-24',
    });
    expect(errorOf(future).fields.map((f) => [f.field, f.code])).toEqual([['body.decidedOn', 'future']]);
    const bad = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'maybe',
      decidedOn: '2026-11-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      errorOf(bad)
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body.decidedOn', 'body.decision']);
  });

  it('a refusal appealed to the court becomes final with the court’s outcome, and social services learn it', async () => {
    const child = await arrive();
    expect(
      (await post(asylumOfficer, child, 'asylum/decision', { decision: 'refused', decidedOn: '2026-10-01' }))
        .statusCode,
    ).toBe(200);
    expect((await deadlineFacts(t.database.db, child, '2026-11-23')).permitHolder).toBe(false);
    const early = await post(asylumOfficer, child, 'asylum/appeal', { appealedOn: '2026-09-30' });
    expect(errorOf(early).fields.map((f) => f.code)).toEqual(['asylum_date_too_early']);
    expect((await post(asylumOfficer, child, 'asylum/appeal', { appealedOn: '2026-10-15' })).statusCode).toBe(
      200,
    );
    const noOutcome = await post(asylumOfficer, child, 'asylum/final', { finalOn: '2026-11-20' });
    expect(errorOf(noOutcome).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.outcome', 'asylum_outcome_required'],
    ]);
    const noEnd = await post(asylumOfficer, child, 'asylum/final', {
      finalOn: '2026-11-20',
      outcome: 'temporary_permit',
    });
    expect(errorOf(noEnd).fields.map((f) => f.code)).toEqual(['asylum_permit_end_required']);
    const final = await post(asylumOfficer, child, 'asylum/final', {
      finalOn: '2026-11-20',
      outcome: 'temporary_permit',
      permitEndsOn: '2027-12-20',
    });
    expect(final.statusCode, final.body).toBe(200);
    const { asylum } = final.json<MigrationView>();
    expect(asylum).toMatchObject({
      state: 'final',
      decision: 'temporary_permit',
      decidedOn: '2026-10-01',
      appealedOn: '2026-10-15',
      finalOn: '2026-11-20',
      permitEndsOn: '2027-12-20',
      permitHolder: true,
    });
    expect(asylum?.history.map((h) => h.event)).toEqual(['refuse', 'appeal', 'become_final']);
    expect(asylum?.steps).toEqual([]);
    expect(
      await count(
        "select count(*) as n from notifications where child_id = $1 and kind = 'asylum_decision' and details->>'final' = 'true'",
        [child],
      ),
    ).toBeGreaterThan(0);
  });

  it('without an appeal the Agency’s decision gains legal force as it was', async () => {
    const child = await arrive();
    await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'permanent_permit',
      decidedOn: '2026-10-01',
    });
    const other = await post(asylumOfficer, child, 'asylum/final', {
      finalOn: '2026-10-25',
      outcome: 'refused',
    });
    expect(errorOf(other).fields.map((f) => f.code)).toEqual(['asylum_outcome_not_appealed']);
    const final = await post(asylumOfficer, child, 'asylum/final', { finalOn: '2026-10-25' });
    expect(final.json<MigrationView>().asylum).toMatchObject({
      state: 'final',
      decision: 'permanent_permit',
      finalOn: '2026-10-25',
    });
  });

  it('answers 409 to a step the machine does not allow, and writes nothing', async () => {
    const child = await arrive();
    await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'permanent_permit',
      decidedOn: '2026-10-01',
    });
    const events = await count('select count(*) as n from case_events where child_id = $1', [child]);
    const res = await post(asylumOfficer, child, 'asylum/appeal', { appealedOn: '2026-10-10' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('transition_not_allowed');
    expect(await count('select count(*) as n from case_events where child_id = $1', [child])).toBe(events);
    expect((await view(asylumOfficer, child)).asylum).toMatchObject({
      state: 'permanent_permit',
      appealedOn: null,
    });
  });

  it('answers 409 stale with the current state when someone else recorded a step first', async () => {
    const child = await arrive();
    await post(asylumOfficer, child, 'asylum/interviews', { interviewOn: '2026-10-01', expectedVersion: 0 });
    const res = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'refused',
      decidedOn: '2026-11-01',
      expectedVersion: 0,
    });
    expect(res.statusCode).toBe(409);
    expect(
      res.json<{ error: { code: string; current: { state: string; version: number } } }>().error,
    ).toMatchObject({ code: 'stale', current: { state: 'interviewed', version: 1 } });
  });

  it('is read by the responsible social services, who cannot change it; hidden from a god man and other municipalities', async () => {
    const child = await arrive();
    const seen = await view(social, child);
    expect(seen.asylum?.state).toBe('applied');
    expect(seen.asylum?.steps).toEqual([]);
    expect(seen.age?.steps).toEqual([]);
    expect(
      (await post(social, child, 'asylum/decision', { decision: 'refused', decidedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request(await t.login('johan.nilsson'), 'GET', `/api/children/${child}/migration`)).statusCode,
    ).toBe(404);
    const own = await t.childByDossier('20000112');
    expect(
      (await t.request(await t.login('birgitta.sjo'), 'GET', `/api/children/${own}/migration`)).statusCode,
    ).toBe(404);
    expect(
      (await t.request(await t.login('per.ek'), 'GET', `/api/children/${own}/migration`)).statusCode,
    ).toBe(200);
  });

  it('is opened by an asylum officer for a child registered before cases were kept, once', async () => {
    const child = await arrivedChild(t, {
      session: officer,
      recordOnly: true,
      arrivalDate: '2026-08-01',
      birthDate: '2011-02-02',
    });
    expect((await view(asylumOfficer, child)).asylum).toMatchObject({
      recorded: false,
      steps: [{ event: 'apply', path: `/api/children/${child}/asylum` }],
    });
    const step = await post(asylumOfficer, child, 'asylum/interviews', { interviewOn: '2026-10-01' });
    expect(step.statusCode).toBe(409);
    expect(errorOf(step).code).toBe('asylum_case_missing');

    const created = await post(asylumOfficer, child, 'asylum', { appliedOn: '2026-08-01' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<MigrationView>()).toMatchObject({
      asylum: { recorded: true, appliedOn: '2026-08-01' },
      age: { statedBirthDate: '2011-02-02' },
    });
    const again = await post(asylumOfficer, child, 'asylum', { appliedOn: '2026-08-01' });
    expect(again.statusCode).toBe(409);
    expect(await count('select count(*) as n from asylum_cases where child_id = $1', [child])).toBe(1);
  });
});

describe('a first-instance decision while an interview is booked (today is 2026-11-23)', () => {
  /** A child with a god man and an interview booked for 2026-12-03; the god man has been told of the booking. */
  async function withBookedInterview(): Promise<{ child: string; godMan: string }> {
    const child = await arrive();
    const godMan = await t.userId('hans.gren');
    const ownerOrg = (
      await t.database.raw.query<{ id: string }>(
        "select id from organisations where type = 'god_man_pool' limit 1",
      )
    ).rows[0]?.id;
    await t.database.raw.query(
      `insert into guardianships (child_id, guardian_user_id, kind, from_date, owner_organisation_id) values ($1, $2, 'god_man', '2026-09-03', $3)`,
      [child, godMan, ownerOrg],
    );
    const booked = await post(asylumOfficer, child, 'asylum/interviews', {
      interviewOn: '2026-12-03',
      expectedVersion: 0,
    });
    expect(booked.statusCode, booked.body).toBe(200);
    return { child, godMan };
  }

  it('a permit is granted before the interview, which is cancelled with its own event: no longer coming, the god man is told, no reminder follows', async () => {
    const { child, godMan } = await withBookedInterview();
    const granted = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'permanent_permit',
      decidedOn: '2026-11-23',
      expectedVersion: 1,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const { asylum } = granted.json<MigrationView>();
    expect(asylum).toMatchObject({
      state: 'permanent_permit',
      decision: 'permanent_permit',
      interviewDates: [],
      comingInterviews: [],
      version: 3,
    });
    expect(asylum?.history.map((h) => [h.event, h.interviewOn])).toEqual([
      ['schedule_interview', '2026-12-03'],
      ['cancel_interview', '2026-12-03'],
      ['grant_permanent', null],
    ]);
    const cancelled = await t.database.raw.query<{ user_id: string; details: Record<string, unknown> }>(
      "select user_id, details from notifications where child_id = $1 and kind = 'appointment_cancelled'",
      [child],
    );
    expect(cancelled.rows.map((r) => r.user_id)).toContain(godMan);
    expect(cancelled.rows[0]?.details).toEqual({ meeting: 'asylum_interview', on: '2026-12-03' });
    // A week before the date the reminder job runs: nothing is sent about the cancelled interview.
    await notifyComingMeetings({
      db: t.database.db,
      now: new Date('2026-11-30T06:00:00Z'),
      today: '2026-11-30',
      actor: null,
    });
    expect(
      await count(
        "select count(*) as n from notifications where child_id = $1 and kind = 'appointment' and details->>'reminder' = 'true'",
        [child],
      ),
    ).toBe(0);
    // The god man's worklist no longer shows the meeting.
    const list = await t.request(await t.login('hans.gren'), 'GET', '/api/worklist');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json<{ meetings: { kind: string; child: { id: string } }[] }>()
        .meetings.filter((m) => m.child.id === child),
    ).toEqual([]);
  });

  it('a refusal waits for the interview: 409 naming the booked date, and nothing is written', async () => {
    const { child } = await withBookedInterview();
    const events = await count('select count(*) as n from case_events where child_id = $1', [child]);
    const notifications = await count('select count(*) as n from notifications where child_id = $1', [child]);
    const res = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'refused',
      decidedOn: '2026-11-23',
      expectedVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json<{
      error: { code: string; message: string; fields: { field: string; code: string; message: string }[] };
    }>().error;
    expect(error.code).toBe('asylum_interview_not_held');
    expect(error.message).toContain('2026-12-03');
    expect(error.fields).toEqual([
      {
        field: 'body.decision',
        code: 'asylum_interview_not_held',
        message: expect.stringContaining('2026-12-03') as string,
      },
    ]);
    expect(await count('select count(*) as n from case_events where child_id = $1', [child])).toBe(events);
    expect(await count('select count(*) as n from notifications where child_id = $1', [child])).toBe(
      notifications,
    );
    expect((await view(asylumOfficer, child)).asylum).toMatchObject({
      state: 'applied',
      interviewDates: ['2026-12-03'],
      comingInterviews: ['2026-12-03'],
    });

    // Once the interview is held, the refusal may follow.
    t.clock.now = new Date('2026-12-04T09:00:00Z');
    try {
      const officer = await t.login('omar.said');
      expect(
        (await post(officer, child, 'asylum/interviews', { interviewOn: '2026-12-03', expectedVersion: 1 }))
          .statusCode,
      ).toBe(200);
      const refused = await post(officer, child, 'asylum/decision', {
        decision: 'refused',
        decidedOn: '2026-12-04',
        expectedVersion: 2,
      });
      expect(refused.statusCode, refused.body).toBe(200);
      expect(refused.json<MigrationView>().asylum).toMatchObject({
        state: 'refused',
        interviewDates: ['2026-12-03'],
      });
    } finally {
      t.clock.now = new Date('2026-11-23T09:00:00Z');
    }
  });

  it('a stale decision is refused before any interview is cancelled', async () => {
    const { child } = await withBookedInterview();
    const res = await post(asylumOfficer, child, 'asylum/decision', {
      decision: 'written_off',
      decidedOn: '2026-11-23',
      expectedVersion: 0,
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('stale');
    expect((await view(asylumOfficer, child)).asylum).toMatchObject({
      state: 'applied',
      interviewDates: ['2026-12-03'],
    });
  });
});
