/**
 * Every transition the tables of `placement`, `school` and `health` do not allow, generated from the tables
 * (`forbiddenTransitions`), sent to the API as a role that may trigger the event: 409 (or 422), and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { health, placement, school } from '../../src/domain/case/machines.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { snapshotTables } from '../support/snapshot.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { aChild, aProvider, setState } from './fixtures.ts';

let t: TestApp;
let sara: Session;
let lena: Session;
let provider: string;
let serial = 0;

const TODAY = '2026-11-23';

/** The API request for each event, and who sends it (a role the table lets trigger the event). */
const REQUESTS: Record<string, (childId: string) => { who: () => Session; url: string; body: unknown }> = {
  place: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/placements`,
    body: {
      providerId: provider,
      form: 'hvb',
      legalBasis: 'SoL',
      fromDate: TODAY,
      bestInterests: BEST_INTERESTS,
    },
  }),
  place_on_call: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/placements/on-call`,
    body: {
      providerId: provider,
      form: 'hvb',
      legalBasis: 'SoL',
      fromDate: TODAY,
      bestInterests: BEST_INTERESTS,
    },
  }),
  move: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/placements/move`,
    body: {
      providerId: provider,
      form: 'hvb',
      legalBasis: 'SoL',
      fromDate: TODAY,
      bestInterests: BEST_INTERESTS,
    },
  }),
  end: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/placements/end`,
    body: { reason: 'moved', endDate: TODAY },
  }),
  enrol: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/school/enrolment`,
    body: { school: 'Rosengårdsskolan', programme: 'grundskola', enrolledOn: TODAY },
  }),
  start_school: (id) => ({
    who: () => sara,
    url: `/api/children/${id}/school/start`,
    body: { startedOn: TODAY },
  }),
  end_school: (id) => ({ who: () => sara, url: `/api/children/${id}/school/end`, body: { endedOn: TODAY } }),
  offer_examination: (id) => ({
    who: () => lena,
    url: `/api/children/${id}/health/offer`,
    body: { offeredOn: TODAY },
  }),
  record_done: (id) => ({ who: () => lena, url: `/api/children/${id}/health/done`, body: { doneOn: TODAY } }),
  record_declined: (id) => ({
    who: () => lena,
    url: `/api/children/${id}/health/declined`,
    body: { declinedOn: TODAY },
  }),
  record_referral: (id) => ({
    who: () => lena,
    url: `/api/children/${id}/health/referrals`,
    body: { to: 'primary_care', on: TODAY },
  }),
};

const TABLES = [
  'case_events',
  'case_states',
  'placements',
  'school_enrolments',
  'health_examinations',
  'best_interests_records',
  'deadlines',
  'change_reports',
];

async function snapshot(childId: string): Promise<string> {
  const { rows } = await t.database.raw.query('select whereabouts, version from children where id = $1', [
    childId,
  ]);
  return `${await snapshotTables(t, TABLES, childId)}\nchild:${JSON.stringify(rows)}`;
}

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
  lena = await t.login('lena.holm');
  provider = await aProvider(t, { name: 'HVB Förbjudna övergångar' });
});
afterAll(async () => t.close());

describe.each([placement, school, health])('the $name machine', (machine) => {
  const forbidden = forbiddenTransitions(machine);

  it('has forbidden transitions to test, and a request for each of its events', () => {
    expect(forbidden.length).toBeGreaterThan(0);
    for (const { event } of forbidden) expect(REQUESTS[event], event).toBeDefined();
  });

  it.each(forbidden)('refuses $event from $state and writes nothing', async ({ state, event }) => {
    serial += 1;
    const childId = await aChild(t, {
      dossier: String(
        78_000_000 + serial + (machine.name === 'school' ? 100 : machine.name === 'health' ? 200 : 0),
      ),
    });
    await setState(t, childId, machine.name, state);
    const before = await snapshot(childId);
    const request = REQUESTS[event]?.(childId);
    if (request === undefined) throw new Error(`no request for ${event}`);
    const res = await t.request(request.who(), 'POST', request.url, request.body);
    expect([409, 422], `${machine.name}.${event} from ${state}: ${res.body}`).toContain(res.statusCode);
    expect(await snapshot(childId)).toBe(before);
  });
});
