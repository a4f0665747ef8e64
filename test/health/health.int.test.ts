/** The health examination through the API, and who may see it (the region's health staff and the assigned social worker). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { HEALTH_STEPS } from '../../src/health/steps.ts';

let t: TestApp;
let lena: Session;

interface View {
  state: string;
  version: number;
  examinations: {
    offeredOn: string;
    doneOn: string | null;
    declinedOn: string | null;
    referrals: { to: string; on: string }[];
    countyCode: string;
  }[];
  child: { languages: string[]; interpreterNeeded: boolean };
  steps: { action: string; event: string; path: string; needs: { date: string; fields: string[] } }[];
}

const post = (child: string, step: string, body: unknown, session = lena) =>
  t.request(session, 'POST', `/api/children/${child}/health/${step}`, body);

beforeAll(async () => {
  t = await startTestApp();
  lena = await t.login('lena.holm');
});
afterAll(async () => t.close());

describe('the health examination', () => {
  it('health staff offer it, record it done and the referrals made — where to and when', async () => {
    const child = await aChild(t, {
      dossier: '74000001',
      languages: ['tigrinja'],
      assignedWorker: 'sara.lind',
    });
    const before = (await t.request(lena, 'GET', `/api/children/${child}/health`)).json<View>();
    expect(before).toMatchObject({
      state: 'not_offered',
      examinations: [],
      child: { languages: ['tigrinja'], interpreterNeeded: true },
    });
    expect((await post(child, 'offer', { offeredOn: '2026-10-05' })).json<View>()).toMatchObject({
      state: 'offered',
      examinations: [{ offeredOn: '2026-10-05', countyCode: '12' }],
    });
    const referralTooEarly = await post(child, 'referrals', { to: 'dental_care', on: '2026-10-06' });
    expect(referralTooEarly.statusCode).toBe(409);
    const doneTooEarly = await post(child, 'done', { doneOn: '2026-10-04' });
    expect(
      doneTooEarly.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields,
    ).toMatchObject([{ field: 'doneOn', code: 'placement_date_too_early' }]);
    expect(
      (await post(child, 'done', { doneOn: '2026-10-12', expectedVersion: 1 })).json<View>(),
    ).toMatchObject({ state: 'done', version: 2 });
    await post(child, 'referrals', { to: 'dental_care', on: '2026-10-12' });
    const view = (await post(child, 'referrals', { to: 'child_psychiatry', on: '2026-10-20' })).json<View>();
    expect(view.examinations[0]?.referrals).toEqual([
      { to: 'dental_care', on: '2026-10-12' },
      { to: 'child_psychiatry', on: '2026-10-20' },
    ]);
    // A reason or a diagnosis has no field to go in.
    expect(
      (await post(child, 'referrals', { to: 'child_psychiatry', on: '2026-10-21', reason: 'PTSD' }))
        .statusCode,
    ).toBe(400);
    expect((await post(child, 'referrals', { to: 'BUP för trauma', on: '2026-10-21' })).statusCode).toBe(400);
  });

  it('a declined examination may be offered again', async () => {
    const child = await aChild(t, { dossier: '74000002' });
    await post(child, 'offer', { offeredOn: '2026-10-05' });
    expect((await post(child, 'declined', { declinedOn: '2026-10-07' })).json<View>().state).toBe('declined');
    const again = (await post(child, 'offer', { offeredOn: '2026-11-02' })).json<View>();
    expect(again.state).toBe('offered');
    expect(again.examinations.map((e) => [e.offeredOn, e.declinedOn])).toEqual([
      ['2026-11-02', null],
      ['2026-10-05', '2026-10-07'],
    ]);
  });

  it('is read by the assigned social worker and nobody else in the municipality, never by the god man', async () => {
    const child = await aChild(t, {
      dossier: '74000003',
      assignedWorker: 'sara.lind',
      godMan: 'birgitta.sjo',
    });
    await post(child, 'offer', { offeredOn: '2026-11-02' });
    const url = `/api/children/${child}/health`;
    expect((await t.request(await t.login('sara.lind'), 'GET', url)).statusCode).toBe(200);
    expect((await t.request(await t.login('ali.hassan'), 'GET', url)).statusCode).toBe(404);
    expect((await t.request(await t.login('karin.berg'), 'GET', url)).statusCode).toBe(404);
    expect((await t.request(await t.login('birgitta.sjo'), 'GET', url)).statusCode).toBe(404);
    expect((await t.request(await t.login('per.ek'), 'GET', url)).statusCode).toBe(404);
    expect((await t.request(await t.login('omar.said'), 'GET', url)).statusCode).toBe(404);
    // The assigned social worker reads but does not record.
    expect((await post(child, 'done', { doneOn: '2026-11-10' }, await t.login('sara.lind'))).statusCode).toBe(
      403,
    );
  });

  it('the region sees only children of its own county', async () => {
    const child = await aChild(t, { dossier: '74000004', municipalityCode: '2281' });
    expect((await t.request(lena, 'GET', `/api/children/${child}/health`)).statusCode).toBe(404);
    expect((await post(child, 'offer', { offeredOn: '2026-11-02' })).statusCode).toBe(404);
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      `select count(*) as n from health_examinations where child_id = '${child}'`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});

describe('the steps the view offers are the steps the routes accept', () => {
  const BODY: Readonly<Record<string, unknown>> = {
    offer: { offeredOn: '2026-11-03' },
    done: { doneOn: '2026-11-10' },
    declined: { declinedOn: '2026-11-10' },
    referral: { to: 'dental_care', on: '2026-11-10' },
  };
  let dossier = 74100000;
  const cases = [
    { state: 'not_offered', user: 'lena.holm', steps: ['offer'] },
    { state: 'offered', user: 'lena.holm', steps: ['done', 'declined'] },
    // The assigned social worker reads the examination and records nothing.
    { state: 'not_offered', user: 'sara.lind', steps: [] },
    { state: 'offered', user: 'sara.lind', steps: [] },
  ] as const;
  for (const c of cases) {
    it(`${c.user} in ${c.state}: ${c.steps.join(', ') || 'none'}`, async () => {
      const inState = async () => {
        dossier += 1;
        const child = await aChild(t, { dossier: String(dossier), assignedWorker: 'sara.lind' });
        if (c.state === 'offered') await post(child, 'offer', { offeredOn: '2026-11-02' });
        return child;
      };
      const session = await t.login(c.user);
      const child = await inState();
      const view = (await t.request(session, 'GET', `/api/children/${child}/health`)).json<View>();
      expect(view.state).toBe(c.state);
      expect(view.steps.map((s) => s.action)).toEqual(c.steps);
      for (const step of view.steps) {
        const route = HEALTH_STEPS.route(step.action as 'offer');
        expect(step).toMatchObject({ event: route.event, path: `/api/children/${child}/${route.path}` });
      }
      const accepted: string[] = [];
      for (const route of HEALTH_STEPS.routes) {
        const fresh = await inState();
        const answer = await t.request(
          session,
          'POST',
          `/api/children/${fresh}/${route.path}`,
          BODY[route.action],
        );
        if (answer.statusCode === 201) accepted.push(route.action);
        else expect([403, 409]).toContain(answer.statusCode);
      }
      expect(accepted).toEqual(view.steps.map((s) => s.action));
    });
  }
});
