/** The health examination through the API, and who may see it (the region's health staff and the assigned social worker). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';

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
