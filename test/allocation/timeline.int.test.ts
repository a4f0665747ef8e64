/**
 * The chart of received children against the exact quota per month (the municipality's "Inkommande barn" page and the
 * map): months in order and a cumulative quota that never falls, even when decisions are recorded out of date order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_NOW, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';

let t: TestApp;
let officer: Session;
const considerations = {
  relatives: null,
  siblings: null,
  specialNeeds: null,
  childsWishes: 'Vill gå i skolan',
};

/** Registers a child and decides it to Lund on `date` (the clock set to that day), deviating from the proposal if need be. */
async function decideToLundOn(date: string): Promise<void> {
  t.clock.now = new Date(`${date}T10:00:00Z`);
  officer = await t.login('anna.alm');
  const child = await arrivedChild(t, {
    session: officer,
    arrivalDate: date,
    birthDate: '2012-05-05',
    fields: {
      firstName: 'Amina',
      lastName: 'Jafari',
      gender: 'female',
      languages: [],
      interpreterNeeded: false,
    },
  });
  const proposal = (await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)).json<{
    municipality: { code: string };
  }>();
  const decided = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
    municipalityCode: '1281',
    proposedCode: proposal.municipality.code,
    reason: proposal.municipality.code === '1281' ? null : 'Barnet har en skolplats ordnad i Lund',
    considerations,
  });
  expect(decided.statusCode, decided.body).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
  // Recorded in this order: a decision dated January, then one dated the month before.
  await decideToLundOn('2027-01-11');
  await decideToLundOn('2026-12-07');
  t.clock.now = PINNED_NOW;
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

describe('the timeline of received children against the exact quota', () => {
  it.each([
    ['Lund', '?municipalityCode=1281'],
    ['the nation', ''],
  ])('puts the months of %s in order with a quota that never falls', async (_name, query) => {
    const res = await t.request(officer, 'GET', `/api/allocation/timeline${query}`);
    expect(res.statusCode).toBe(200);
    const points = res.json<{ month: string; received: number; quota: number }[]>();
    const months = points.map((p) => p.month);
    expect(months).toEqual([...months].sort());
    expect(new Set(months).size).toBe(months.length);
    expect(months.slice(-2)).toEqual(['2026-12', '2027-01']);
    for (let i = 1; i < points.length; i++)
      expect(points[i]?.quota).toBeGreaterThanOrEqual(points[i - 1]?.quota ?? 0);
  });

  it('ends at the municipality’s figures today', async () => {
    const points = (await t.request(officer, 'GET', '/api/allocation/timeline?municipalityCode=1281')).json<
      { received: number; quota: number }[]
    >();
    const lund = (await t.request(officer, 'GET', '/api/allocation/figures'))
      .json<{ code: string; received: number; quota: string }[]>()
      .find((f) => f.code === '1281');
    expect(points.at(-1)).toEqual({ month: '2027-01', received: lund?.received, quota: Number(lund?.quota) });
  });
});
