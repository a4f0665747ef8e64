/**
 * Generated from the transition table: every (state, event) pair the `guardianship` machine does not allow is sent to
 * the API as a role that may trigger the event elsewhere, and answers 409 — with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { guardianship } from '../../src/domain/case/machines.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { snapshotTables } from '../support/snapshot.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { grantPermit, profile, setGuardianshipState } from './fixtures.ts';

let t: TestApp;
let social: Session;
let officer: Session;
let hans: string;
const childIn = new Map<string, string>();

type Sender = (child: string) => { session: Session; url: string; body: unknown };

const REQUESTS: Readonly<Record<string, Sender>> = {
  request_god_man: (c) => ({
    session: social,
    url: `/api/children/${c}/guardianship/requests`,
    body: { requestedOn: '2026-11-20' },
  }),
  withdraw_request: (c) => ({
    session: officer,
    url: `/api/children/${c}/guardianship/requests/withdrawal`,
    body: { withdrawnOn: '2026-11-20' },
  }),
  appoint_god_man: (c) => ({
    session: officer,
    url: `/api/children/${c}/guardians`,
    body: { guardianUserId: hans, fromDate: '2026-11-20', childHeard: true, bestInterests: BEST_INTERESTS },
  }),
  god_man_resigns: (c) => ({
    session: officer,
    url: `/api/children/${c}/guardianship/resignation`,
    body: { resignedOn: '2026-11-20' },
  }),
  end_by_decision: (c) => ({
    session: officer,
    url: `/api/children/${c}/guardianship/end`,
    body: { kind: 'by_decision', reason: 'not_needed', endedOn: '2026-11-20', bestInterests: BEST_INTERESTS },
  }),
  end_by_law: (c) => ({
    session: officer,
    url: `/api/children/${c}/guardianship/end`,
    body: { kind: 'by_law', reason: 'turned_18', endedOn: '2026-11-20' },
  }),
  apply_for_sfv: (c) => ({
    session: social,
    url: `/api/children/${c}/sfv`,
    body: { court: 'Malmö tingsrätt', appliedOn: '2026-11-20' },
  }),
  record_sfv_not_applying: (c) => ({
    session: social,
    url: `/api/children/${c}/sfv/not-applying`,
    body: { reason: 'parents_on_their_way', decidedOn: '2026-11-20' },
  }),
  sfv_appointed: (c) => ({
    session: social,
    url: `/api/children/${c}/sfv/decision`,
    body: {
      outcome: 'appointed',
      custodianName: 'Leila Nasser',
      decidedOn: '2026-11-18',
      finalOn: '2026-11-20',
    },
  }),
  sfv_refused: (c) => ({
    session: social,
    url: `/api/children/${c}/sfv/decision`,
    body: { outcome: 'refused', decidedOn: '2026-11-18' },
  }),
};

const WRITES = [
  'case_states',
  'case_events',
  'deadlines',
  'best_interests_records',
  'guardianships',
  'guardianship_details',
  'guardianship_requests',
  'sfv_cases',
  'change_reports',
  'notifications',
  'god_man_profiles',
];

const snapshot = () => snapshotTables(t, WRITES);

beforeAll(async () => {
  t = await startTestApp();
  social = await t.login('sara.lind');
  officer = await t.login('per.ek');
  hans = await t.userId('hans.gren');
  await profile(t, hans, ['1280']);
  // One child per state: a forbidden attempt writes nothing, so the children can be shared. Eighteen since
  // 15 November, with a permit and a pending application where the state has one, so that only the state refuses.
  for (const state of guardianship.states) {
    const child = await arrivedChild(t, { birthDate: '2008-11-15' });
    await setGuardianshipState(t, child, state);
    await grantPermit(t, child);
    if (state === 'sfv_pending') {
      await t.database.raw.query(
        `insert into sfv_cases (child_id, municipality_code, status, applied_on, court, recorded_by) values ($1, '1280', 'pending', '2026-11-12', 'Malmö tingsrätt', $2)`,
        [child, social.userId],
      );
    }
    childIn.set(state, child);
  }
});
afterAll(async () => t.close());

describe('forbidden guardianship transitions', () => {
  it('has an API request for every event of the machine', () => {
    expect(eventsOf(guardianship).filter((e) => REQUESTS[e] === undefined)).toEqual([]);
  });

  it.each(forbiddenTransitions(guardianship))(
    '$event from $state answers 409 and writes nothing',
    async ({ state, event }) => {
      const send = REQUESTS[event];
      if (send === undefined) throw new Error(`no request for ${event}`);
      const { session, url, body } = send(childIn.get(state) ?? '');
      const before = await snapshot();
      const res = await t.request(session, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
      expect(await snapshot()).toBe(before);
    },
  );
});
