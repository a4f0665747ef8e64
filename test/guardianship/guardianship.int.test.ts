/** God man and special custodian through the API: request → appointment → resignation, ends, SFV, the god man's view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { count, grantPermit, profile } from './fixtures.ts';

let t: TestApp;
let social: Session;
let officer: Session;
let asylum: Session;
let hans: string;
let birgitta: string;

interface View {
  state: string;
  version: number;
  steps: { action: string; event: string; path: string }[];
  languages: string[];
  interpreterNeeded: boolean | null;
  godMan: { name: string | null; phone: string | null; email: string | null; from: string } | null;
  specialCustodian: { name: string | null; finalOn: string | null } | null;
  openRequest: { id: string; reason: string; dueOn: string | null; requestedBy: string } | null;
  history: {
    kind: string;
    name: string | null;
    from: string;
    to: string | null;
    childHeard: boolean | null;
    endReason: string | null;
    endByLaw: boolean | null;
  }[];
  requests: { reason: string; status: string }[];
  sfvCases: {
    status: string;
    court: string | null;
    custodianName: string | null;
    notApplyingReason: string | null;
    notApplyingNote: string | null;
  }[];
}

const view = async (session: Session, child: string) => {
  const res = await t.request(session, 'GET', `/api/children/${child}/guardianship`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<View>();
};

async function requested(child: string, on = '2026-11-18'): Promise<void> {
  const res = await t.request(social, 'POST', `/api/children/${child}/guardianship/requests`, {
    requestedOn: on,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function appointed(
  child: string,
  godMan = hans,
  fromDate = '2026-11-20',
): Promise<{ id: string; warnings: { code: string }[] }> {
  const res = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
    guardianUserId: godMan,
    fromDate,
    childHeard: true,
    bestInterests: BEST_INTERESTS,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp();
  social = await t.login('sara.lind');
  officer = await t.login('per.ek');
  asylum = await t.login('omar.said');
  hans = await t.userId('hans.gren');
  birgitta = await t.userId('birgitta.sjo');
  await profile(t, hans, ['1280'], ['dari', 'svenska']);
  await profile(t, birgitta, ['1280', '2281'], ['arabiska']);
});
afterAll(async () => t.close());

describe('a request for a god man', () => {
  it('from social services reaches the authority serving the responsible municipality: list, worklist deadline and notification', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const list = (await t.request(officer, 'GET', '/api/guardianship/requests')).json<
      {
        child: { id: string };
        reason: string;
        dueOn: string;
        languages: string[];
        interpreterNeeded: boolean;
      }[]
    >();
    expect(list.find((r) => r.child.id === child)).toMatchObject({
      reason: 'initial',
      dueOn: '2026-11-21',
      languages: ['dari', 'pashto'],
      interpreterNeeded: true,
    });
    expect(
      await count(
        t,
        'deadlines',
        `child_id = $1 and rule = 'god-man-appointment' and actor_kind = 'guardianship' and municipality_code = '1280' and closed_at is null`,
        [child],
      ),
    ).toBe(1);
    const perEk = await t.userId('per.ek');
    expect(
      await count(t, 'notifications', `user_id = $1 and child_id = $2 and kind = 'guardianship_request'`, [
        perEk,
        child,
      ]),
    ).toBe(1);
    // Sundsvall's authority does not see Malmö's request.
    const tove = await t.login('tove.mitt');
    const theirs = (await t.request(tove, 'GET', '/api/guardianship/requests')).json<
      { child: { id: string } }[]
    >();
    expect(theirs.map((r) => r.child.id)).not.toContain(child);
  });

  it('from the Migration Agency is allowed for any child, and a second request answers 409', async () => {
    const child = await arrivedChild(t, { municipalityCode: '2281' });
    const res = await t.request(asylum, 'POST', `/api/children/${child}/guardianship/requests`, {
      requestedOn: '2026-11-19',
    });
    expect(res.statusCode, res.body).toBe(201);
    const again = await t.request(asylum, 'POST', `/api/children/${child}/guardianship/requests`, {
      requestedOn: '2026-11-19',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
  });

  it('cannot be made for a child of another municipality by social services (404), nor dated in the future (400)', async () => {
    const child = await arrivedChild(t, { municipalityCode: '2281' });
    expect(
      (
        await t.request(social, 'POST', `/api/children/${child}/guardianship/requests`, {
          requestedOn: '2026-11-19',
        })
      ).statusCode,
    ).toBe(404);
    const own = await arrivedChild(t);
    const future = await t.request(social, 'POST', `/api/children/${own}/guardianship/requests`, {
      requestedOn: '2026-11-30',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe(
      'occurredOn',
    );
  });

  it('the authority may withdraw it; the deadline closes', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardianship/requests/withdrawal`, {
      withdrawnOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await view(social, child)).requests).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    expect(await count(t, 'deadlines', `child_id = $1 and closed_at is null`, [child])).toBe(0);
  });
});

describe('the appointment', () => {
  it('needs a complete best-interests record and whether the child was heard: 422 naming each missing field, nothing written', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const before = await count(t, 'guardianships');
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
      guardianUserId: hans,
      fromDate: '2026-11-20',
      bestInterests: { rightsConcerned: [] },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json<{ error: { code: string; fields: { field: string }[] } }>().error;
    expect(fields.code).toBe('best_interests_incomplete');
    expect(fields.fields.map((f) => f.field)).toEqual([
      'body.childHeard',
      'bestInterests.rightsConcerned',
      'bestInterests.whatIsKnown',
      'bestInterests.howWeighed',
      'bestInterests.childsViews',
      'bestInterests.feedbackToChild',
      'bestInterests.feedbackGivenOn',
    ]);
    expect(await count(t, 'guardianships')).toBe(before);
  });

  it('a child not heard needs the reason', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
      guardianUserId: hans,
      fromDate: '2026-11-20',
      childHeard: false,
      bestInterests: { ...BEST_INTERESTS, childsViews: null },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toContain(
      'bestInterests.notHeardReason',
    );
  });

  it('writes the link, the details and the best-interests record, closes the deadline and tells the god man', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const { id, warnings } = await appointed(child);
    expect(warnings).toEqual([]);
    const { rows } = await t.database.raw.query<{
      child_heard: boolean;
      request_id: string | null;
      best_interests_id: string | null;
    }>(
      'select child_heard, request_id, best_interests_id from guardianship_details where guardianship_id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({ child_heard: true });
    expect(rows[0]?.request_id).not.toBeNull();
    expect(rows[0]?.best_interests_id).not.toBeNull();
    expect(
      await count(t, 'deadlines', `child_id = $1 and rule = 'god-man-appointment' and closed_at is null`, [
        child,
      ]),
    ).toBe(0);
    expect(
      await count(t, 'notifications', `user_id = $1 and child_id = $2 and kind = 'god_man_appointed'`, [
        hans,
        child,
      ]),
    ).toBe(1);
    const seen = await view(social, child);
    expect(seen).toMatchObject({
      state: 'god_man_appointed',
      godMan: { name: 'Hans Gren', phone: '070-123 45 67', from: '2026-11-20' },
      openRequest: null,
    });
    expect(seen.requests).toEqual([expect.objectContaining({ status: 'appointed', reason: 'initial' })]);
  });

  it('refuses a god man outside the registry, or one who is not a god man', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const sara = await t.userId('sara.lind');
    const notGodMan = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
      guardianUserId: sara,
      fromDate: '2026-11-20',
      childHeard: true,
      bestInterests: BEST_INTERESTS,
    });
    expect(notGodMan.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe(
      'not_god_man',
    );
    const created = await t.request(await t.login('tove.mitt'), 'POST', '/api/god-men', {
      subject: 'dev:gm.sundsvall',
      name: 'Gun Sundin',
      languages: ['tigrinja'],
      municipalityCodes: ['2281'],
      available: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const outside = await t.request(officer, 'POST', `/api/children/${child}/guardians`, {
      guardianUserId: created.json<{ id: string }>().id,
      fromDate: '2026-11-20',
      childHeard: true,
      bestInterests: BEST_INTERESTS,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe(
      'not_in_registry',
    );
  });

  it('warns — but appoints — above the authority’s ward limit and without a common language', async () => {
    expect(
      (await t.request(officer, 'POST', '/api/guardianship/policy', { maxWardsPerGodMan: 1 })).statusCode,
    ).toBe(200);
    const first = await arrivedChild(t);
    await requested(first);
    await appointed(first, birgitta);
    // The registry says so before the appointment, for the form's dropdown (the rule on the server, not in the browser).
    const registryEntry = async () =>
      (await t.request(officer, 'GET', '/api/god-men'))
        .json<{ items: { userId: string; overLimitIfAppointed: boolean }[] }>()
        .items.find((i) => i.userId === birgitta);
    expect(await registryEntry()).toMatchObject({ overLimitIfAppointed: true });
    const second = await arrivedChild(t);
    await requested(second);
    const { warnings } = await appointed(second, birgitta);
    expect(warnings.map((w) => w.code).sort()).toEqual(['no_common_language', 'ward_limit_exceeded']);
    expect(warnings.find((w) => w.code === 'ward_limit_exceeded')).toMatchObject({ limit: 1 });
    await t.request(officer, 'POST', '/api/guardianship/policy', { maxWardsPerGodMan: 50 });
    expect(await registryEntry()).toMatchObject({ overLimitIfAppointed: false });
  });

  it('is refused to social services (403) and to another authority (404)', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    const body = {
      guardianUserId: hans,
      fromDate: '2026-11-20',
      childHeard: true,
      bestInterests: BEST_INTERESTS,
    };
    expect((await t.request(social, 'POST', `/api/children/${child}/guardians`, body)).statusCode).toBe(403);
    expect(
      (await t.request(await t.login('tove.mitt'), 'POST', `/api/children/${child}/guardians`, body))
        .statusCode,
    ).toBe(404);
  });
});

describe('the end of the assignment', () => {
  it('a resignation ends the link with its record and opens a replacement request with a new deadline', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    await appointed(child);
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardianship/resignation`, {
      resignedOn: '2026-11-22',
    });
    expect(res.statusCode, res.body).toBe(201);
    const seen = await view(officer, child);
    expect(seen.state).toBe('god_man_requested');
    expect(seen.godMan).toBeNull();
    expect(seen.openRequest).toMatchObject({ reason: 'replacement', dueOn: '2026-11-25' });
    expect(seen.history[0]).toMatchObject({ to: '2026-11-22', endReason: 'resigned', endByLaw: false });
  });

  it('by the authority’s decision needs the best-interests record; then the link ends with the reason', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    await appointed(child);
    const missing = await t.request(officer, 'POST', `/api/children/${child}/guardianship/end`, {
      kind: 'by_decision',
      reason: 'parent_custody',
      endedOn: '2026-11-22',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('best_interests_incomplete');
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardianship/end`, {
      kind: 'by_decision',
      reason: 'parent_custody',
      endedOn: '2026-11-22',
      bestInterests: BEST_INTERESTS,
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = await view(social, child);
    expect(seen.state).toBe('ended');
    expect(seen.history[0]).toMatchObject({ to: '2026-11-22', endReason: 'parent_custody', endByLaw: false });
    expect(
      await count(
        t,
        'case_events',
        `child_id = $1 and event = 'end_by_decision' and best_interests_id is not null`,
        [child],
      ),
    ).toBe(1);
  });

  it('by law at 18 is recorded explicitly, and only once the child is 18', async () => {
    const child = await arrivedChild(t, { birthDate: '2008-11-21' });
    await requested(child);
    await appointed(child);
    const early = await t.request(officer, 'POST', `/api/children/${child}/guardianship/end`, {
      kind: 'by_law',
      reason: 'turned_18',
      endedOn: '2026-11-20',
    });
    expect(early.statusCode).toBe(422);
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardianship/end`, {
      kind: 'by_law',
      reason: 'turned_18',
      endedOn: '2026-11-21',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await t.database.raw.query<{
      end_reason: string;
      end_by_law: boolean;
      end_recorded_by: string | null;
    }>(
      'select d.end_reason, d.end_by_law, d.end_recorded_by from guardianship_details d join guardianships g on g.id = d.guardianship_id where g.child_id = $1',
      [child],
    );
    expect(rows).toEqual([
      { end_reason: 'turned_18', end_by_law: true, end_recorded_by: await t.userId('per.ek') },
    ]);
    expect(await count(t, 'case_events', `child_id = $1 and event = 'end_by_law'`, [child])).toBe(1);
  });
});

describe('the special custodian (SFV)', () => {
  async function withGodMan(): Promise<string> {
    const child = await arrivedChild(t);
    await requested(child, '2026-11-05');
    await appointed(child, hans, '2026-11-06');
    return child;
  }

  it('is applied for only after a residence permit', async () => {
    const child = await withGodMan();
    const res = await t.request(social, 'POST', `/api/children/${child}/sfv`, {
      court: 'Malmö tingsrätt',
      appliedOn: '2026-11-15',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('no_residence_permit');
  });

  it('appointed and final: the god man’s assignment ends by law (sfv_final) and the change goes on the list to report', async () => {
    const child = await withGodMan();
    await grantPermit(t, child);
    expect(
      (
        await t.request(social, 'POST', `/api/children/${child}/sfv`, {
          court: 'Malmö tingsrätt',
          appliedOn: '2026-11-12',
        })
      ).statusCode,
    ).toBe(201);
    expect((await view(social, child)).state).toBe('sfv_pending');
    const res = await t.request(social, 'POST', `/api/children/${child}/sfv/decision`, {
      outcome: 'appointed',
      custodianName: 'Leila Nasser',
      decidedOn: '2026-11-16',
      finalOn: '2026-11-21',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ changeReportId: string | null }>().changeReportId).not.toBeNull();
    const seen = await view(social, child);
    expect(seen).toMatchObject({
      state: 'sfv_appointed',
      godMan: null,
      specialCustodian: { name: 'Leila Nasser', finalOn: '2026-11-21' },
    });
    expect(seen.history[0]).toMatchObject({ to: '2026-11-21', endReason: 'sfv_final', endByLaw: true });
    expect(
      await count(t, 'change_reports', `child_id = $1 and change = 'sfv' and changed_on = '2026-11-21'`, [
        child,
      ]),
    ).toBe(1);
  });

  it('refused: the god man continues', async () => {
    const child = await withGodMan();
    await grantPermit(t, child);
    await t.request(social, 'POST', `/api/children/${child}/sfv`, {
      court: 'Malmö tingsrätt',
      appliedOn: '2026-11-12',
    });
    const bad = await t.request(social, 'POST', `/api/children/${child}/sfv/decision`, {
      outcome: 'refused',
      decidedOn: '2026-11-11',
    });
    expect(bad.statusCode).toBe(422);
    const res = await t.request(social, 'POST', `/api/children/${child}/sfv/decision`, {
      outcome: 'refused',
      decidedOn: '2026-11-18',
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = await view(social, child);
    expect(seen.state).toBe('god_man_appointed');
    expect(seen.godMan?.name).toBe('Hans Gren');
    expect(seen.sfvCases.map((s) => s.status)).toEqual(['refused']);
  });

  it('a special reason not to apply is recorded, checked (18 within six months) and readable by those who hold the case', async () => {
    const child = await withGodMan();
    await grantPermit(t, child);
    const wrong = await t.request(social, 'POST', `/api/children/${child}/sfv/not-applying`, {
      reason: 'turns_18_within_6_months',
      decidedOn: '2026-11-20',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe(
      'not_within_6_months',
    );
    const res = await t.request(social, 'POST', `/api/children/${child}/sfv/not-applying`, {
      reason: 'parents_on_their_way',
      note: 'Mamman har fått visum',
      decidedOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await view(social, child)).sfvCases[0]).toMatchObject({
      status: 'not_applying',
      notApplyingReason: 'parents_on_their_way',
      notApplyingNote: 'Mamman har fått visum',
    });
    expect((await view(asylum, child)).sfvCases[0]).toMatchObject({
      notApplyingReason: 'parents_on_their_way',
      notApplyingNote: null,
    });
  });
});

describe('protected identity and concurrency', () => {
  it('a protected child stays masked on the authority’s list, and its god man is not named to the uncleared', async () => {
    const canary = await t.childByDossier('20000100');
    const res = await t.request(social, 'POST', `/api/children/${canary}/guardianship/requests`, {
      requestedOn: '2026-11-22',
    });
    expect([201, 409]).toContain(res.statusCode);
    const list = await t.request(officer, 'GET', '/api/guardianship/requests');
    const entry = list
      .json<{ child: { id: string; identityMasked: boolean; firstName: string | null } }[]>()
      .find((r) => r.child.id === canary);
    expect(entry?.child).toMatchObject({ identityMasked: true, firstName: null });
    expect(list.body).not.toContain('Zephyrina');
    const seen = await view(officer, canary);
    expect(seen.history.every((h) => h.name === null)).toBe(true);
    expect(seen.godMan?.name ?? null).toBeNull();
  });

  it('a step sent with the version the user saw answers 409 stale when someone else moved first', async () => {
    const child = await arrivedChild(t);
    const { version } = await view(social, child);
    await requested(child);
    const res = await t.request(officer, 'POST', `/api/children/${child}/guardianship/requests/withdrawal`, {
      withdrawnOn: '2026-11-23',
      expectedVersion: version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('stale');
  });
});

describe('what each role sees and may do', () => {
  it('the section offers each role the steps it may take now', async () => {
    const child = await arrivedChild(t);
    const events = async (session: Session) => (await view(session, child)).steps.map((s) => s.event);
    expect(await events(social)).toEqual(['request_god_man']);
    expect(await events(asylum)).toEqual(['request_god_man']);
    expect(await events(officer)).toEqual([]);
    // Each step names the route that takes it.
    expect((await view(asylum, child)).steps[0]?.path).toBe(`/api/children/${child}/guardianship/requests`);
    await requested(child);
    expect(await events(officer)).toEqual(['withdraw_request', 'appoint_god_man', 'end_by_law']);
    expect(await events(social)).toEqual([]);
  });

  it('the child’s languages and interpreter need are shown to whoever is about to meet the child', async () => {
    const child = await arrivedChild(t);
    expect(await view(officer, child)).toMatchObject({
      languages: ['dari', 'pashto'],
      interpreterNeeded: true,
    });
  });

  it('a god man sees exactly their wards on “Mina uppdrag”, with placement, school and meetings; others are refused', async () => {
    const child = await arrivedChild(t);
    await requested(child);
    await appointed(child);
    const session = await t.login('hans.gren');
    const wards = (await t.request(session, 'GET', '/api/guardianship/my-wards')).json<
      { child: { id: string; firstName: string | null }; since: string; languages: string[] }[]
    >();
    const { rows } = await t.database.raw.query<{ child_id: string }>(
      `select distinct child_id from guardianships where guardian_user_id = $1 and from_date <= '2026-11-23' and (to_date is null or to_date > '2026-11-23')`,
      [hans],
    );
    expect(wards.map((w) => w.child.id).sort()).toEqual(rows.map((r) => r.child_id).sort());
    expect(wards.find((w) => w.child.id === child)).toMatchObject({
      child: { firstName: 'Hamid' },
      since: '2026-11-20',
      languages: ['dari', 'pashto'],
    });
    expect((await t.request(social, 'GET', '/api/guardianship/my-wards')).statusCode).toBe(403);
  });

  it('the registry shows the authority’s gode män with current wards; a profile change with an old version answers 409', async () => {
    const registry = (await t.request(officer, 'GET', '/api/god-men')).json<{
      items: { userId: string; wards: number; version: number; inRegistry: boolean }[];
    }>();
    const entry = registry.items.find((i) => i.userId === hans);
    expect(entry?.inRegistry).toBe(true);
    expect(entry?.wards).toBeGreaterThan(0);
    expect(registry.items.map((i) => i.userId)).not.toContain(await t.userId('gm.sundsvall'));
    const body = {
      email: 'hans@example.se',
      phone: null,
      languages: ['dari'],
      municipalityCodes: ['1280'],
      available: true,
    };
    const ok = await t.request(officer, 'POST', `/api/god-men/${hans}/profile`, {
      ...body,
      expectedVersion: entry?.version ?? 0,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.request(officer, 'POST', `/api/god-men/${hans}/profile`, {
      ...body,
      expectedVersion: entry?.version ?? 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('stale');
  });

  it('an authority edits only its own municipalities in a shared profile', async () => {
    const tove = await t.login('tove.mitt');
    const entry = (await t.request(tove, 'GET', '/api/god-men'))
      .json<{ items: { userId: string; version: number; municipalityCodes: string[] }[] }>()
      .items.find((i) => i.userId === birgitta);
    expect(entry?.municipalityCodes.sort()).toEqual(['1280', '2281']);
    const res = await t.request(tove, 'POST', `/api/god-men/${birgitta}/profile`, {
      email: null,
      phone: null,
      languages: ['arabiska'],
      municipalityCodes: ['2262'],
      available: true,
      expectedVersion: entry?.version ?? 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ municipalityCodes: string[] }>().municipalityCodes.sort()).toEqual(['1280', '2262']);
    const foreign = await t.request(tove, 'POST', `/api/god-men/${birgitta}/profile`, {
      email: null,
      phone: null,
      languages: [],
      municipalityCodes: ['1280'],
      available: true,
      expectedVersion: entry ? entry.version + 1 : 0,
    });
    expect(foreign.statusCode).toBe(422);
  });
});
