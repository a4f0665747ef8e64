/** The child's latest best-interests record, offered to the next decision's form; scoped and audited like the case. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import type { LatestBestInterests } from '../../src/case/best-interests-read.ts';

let t: TestApp;
let sara: Session;

const arrivedInMalmo = () =>
  arrivedChild(t, { recordOnly: true, arrivalDate: '2026-06-20', birthDate: '2011-04-04' });

async function step(childId: string, body: Record<string, unknown>) {
  t.clock.now = new Date(t.clock.now.getTime() + 1000);
  const res = await t.request(sara, 'POST', `/api/children/${childId}/social-case/steps`, body);
  expect(res.statusCode, res.body).toBe(201);
}

const latest = (session: Session, childId: string) =>
  t.request(session, 'GET', `/api/children/${childId}/best-interests/latest`);

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
});
afterAll(async () => t.close());

describe('the latest best-interests record', () => {
  it('is none before any decision, then the parts of the decision’s record with who recorded it and when', async () => {
    const child = await arrivedInMalmo();
    const none = await latest(sara, child);
    expect(none.statusCode).toBe(200);
    expect(none.json<LatestBestInterests>()).toEqual({ record: null });

    await step(child, { event: 'receive_report', occurredOn: '2026-11-16', source: 'school' });
    await step(child, { event: 'assess_protection', occurredOn: '2026-11-16', outcome: 'no_immediate_need' });
    await step(child, {
      event: 'open_investigation',
      occurredOn: '2026-11-17',
      finding: 'unaccompanied_needs_care',
    });
    await step(child, {
      event: 'decide_interventions',
      occurredOn: '2026-11-20',
      interventions: ['placement'],
      carePlanOn: '2026-11-20',
      bestInterests: BEST_INTERESTS,
    });
    const first = (await latest(sara, child)).json<LatestBestInterests>().record;
    expect(first).toMatchObject({
      ...BEST_INTERESTS,
      decisionKind: 'social_case.decide_interventions',
      recordedBy: 'Sara Lind',
    });
    expect(first?.recordedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const { rows } = await t.database.raw.query<{ n: number | string }>(
      `select count(*) as n from best_interests_records where child_id = '${child}'`,
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('is read as part of the case: audited with the child, refused to those who may not read the records', async () => {
    const child = await arrivedInMalmo();
    const read = await latest(sara, child);
    const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
      'select kind, outcome, child_ids from audit_events where request_id = $1',
      [String(read.headers['x-request-id'])],
    );
    expect(rows).toEqual([{ kind: 'case.read', outcome: 'allowed', child_ids: [child] }]);
    // Another municipality's social worker, and the Migration Agency's asylum officer (no best-interests section).
    expect((await latest(await t.login('johan.nilsson'), child)).statusCode).toBe(404);
    expect((await latest(await t.login('omar.said'), child)).statusCode).toBe(404);
  });
});
