/**
 * Generated from the transition tables: every (state, event) pair the `responsibility` and `transfer` machines do not
 * allow is sent to the API as a role that may trigger the event elsewhere, and answers 409 — with nothing written.
 * `end_at_18` is Anvisa's own event (no API): it is sent to the engine as `system`, and the rule that uses it leaves a
 * child in such a state alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { responsibility, transfer } from '../../src/domain/case/machines.ts';
import { applyTransition } from '../../src/case/engine.ts';
import { HttpError } from '../../src/platform/http/errors.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { snapshotTables } from '../support/snapshot.ts';
import { endResponsibilityByRule } from '../../src/responsibility/end.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { ARRIVAL, assign, setState } from './fixtures.ts';

let t: TestApp;
let officer: Session;
let malmo: Session;
let lund: Session;
/** Per responsibility state: a child waiting for its anvisning, and a child assigned to Malmö (arrived in Lund). */
const waiting = new Map<string, string>();
const assigned = new Map<string, { child: string; decisionId: string }>();
/** Per transfer state: a Malmö child, and a Lund child with a request to Malmö on record. */
const transferChild = new Map<string, { child: string; transferId: string; malmoChild: string }>();

type Sender = (state: string) => Promise<{ session: Session; url: string; body: unknown }>;

const RESPONSIBILITY_REQUESTS: Readonly<Record<string, Sender>> = {
  assign: async (state) => {
    const child = waiting.get(state) ?? '';
    const proposal = (await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)).json<{
      municipality: { code: string };
    }>();
    return {
      session: officer,
      url: `/api/allocation/children/${child}/decision`,
      body: {
        municipalityCode: '1280',
        proposedCode: proposal.municipality.code,
        reason: 'Barnet har särskilda behov som Malmö kan möta',
        considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null },
      },
    };
  },
  reassign: async (state) => ({
    session: officer,
    url: `/api/allocation/decisions/${assigned.get(state)?.decisionId ?? ''}/correction`,
    body: { municipalityCode: '2281', reason: 'Fel kommun angavs i beslutet' },
  }),
  record_move: async (state) => ({
    session: malmo,
    url: `/api/children/${assigned.get(state)?.child ?? ''}/responsibility/move`,
    body: { movedOn: '2026-11-23' },
  }),
  acknowledge_receipt: async (state) => ({
    session: malmo,
    url: `/api/children/${assigned.get(state)?.child ?? ''}/responsibility/receipt`,
    body: { acknowledgedOn: '2026-11-23' },
  }),
  decide_continued: async (state) => ({
    session: malmo,
    url: `/api/children/${assigned.get(state)?.child ?? ''}/turning-18`,
    body: { decision: 'continue', bestInterests: BEST_INTERESTS },
  }),
  end_responsibility: async (state) => ({
    session: malmo,
    url: `/api/children/${assigned.get(state)?.child ?? ''}/turning-18`,
    body: { decision: 'end', bestInterests: BEST_INTERESTS },
  }),
  end_aftercare: async (state) => ({
    session: malmo,
    url: `/api/children/${assigned.get(state)?.child ?? ''}/aftercare/end`,
    body: { endedOn: '2026-11-23' },
  }),
};
/** Anvisa's own events, sent to the engine directly. */
const SYSTEM_EVENTS = new Set(['end_at_18']);

const TRANSFER_REQUESTS: Readonly<Record<string, Sender>> = {
  request_transfer: async (state) => ({
    session: malmo,
    url: `/api/children/${transferChild.get(state)?.malmoChild ?? ''}/transfers`,
    body: { municipalityCode: '1281', reason: 'Barnet flyttar till sin syster', proposedFrom: '2026-12-01' },
  }),
  confirm_transfer: async (state) => ({
    session: malmo,
    url: `/api/transfers/${transferChild.get(state)?.transferId ?? ''}/confirm`,
    body: { transferredOn: '2026-11-23', bestInterests: BEST_INTERESTS },
  }),
  decline_transfer: async (state) => ({
    session: malmo,
    url: `/api/transfers/${transferChild.get(state)?.transferId ?? ''}/decline`,
    body: { answerNote: 'Nej tack' },
  }),
  withdraw_transfer: async (state) => ({
    session: lund,
    url: `/api/transfers/${transferChild.get(state)?.transferId ?? ''}/withdraw`,
    body: {},
  }),
};

const WRITES = [
  'case_states',
  'case_events',
  'deadlines',
  'best_interests_records',
  'anvisning_decisions',
  'responsibility_periods',
  'responsibility_transfers',
  'handovers',
  'turning18_decisions',
  'change_reports',
  'social_cases',
  'notifications',
];

const snapshot = () => snapshotTables(t, WRITES);

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
  malmo = await t.login('sara.lind');
  lund = await t.login('elin.dahl', 'Lund');
  for (const state of responsibility.states) {
    const w = await arrivedChild(t, {
      ...ARRIVAL,
      session: officer,
      municipalityCode: '1281',
      birthDate: '2009-06-01',
    });
    await setState(t, w, 'responsibility', state);
    waiting.set(state, w);
    const child = await arrivedChild(t, {
      ...ARRIVAL,
      session: officer,
      municipalityCode: '1281',
      birthDate: '2009-06-01',
    });
    const decisionId = await assign(t, officer, child, '1280');
    await setState(t, child, 'responsibility', state);
    assigned.set(state, { child, decisionId });
  }
  for (const state of transfer.states) {
    const malmoChild = await arrivedChild(t, { ...ARRIVAL, session: officer, municipalityCode: '1280' });
    await assign(t, officer, malmoChild, '1280');
    await setState(t, malmoChild, 'transfer', state);
    const lundChild = await arrivedChild(t, { ...ARRIVAL, session: officer, municipalityCode: '1281' });
    await assign(t, officer, lundChild, '1281');
    const res = await t.request(lund, 'POST', `/api/children/${lundChild}/transfers`, {
      municipalityCode: '1280',
      reason: 'Barnet flyttar till Malmö',
      proposedFrom: '2026-12-01',
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    await setState(t, lundChild, 'transfer', state);
    transferChild.set(state, { child: lundChild, transferId: res.json<{ id: string }>().id, malmoChild });
  }
});
afterAll(async () => t.close());

describe('forbidden responsibility transitions', () => {
  it('has an API request (or the engine, for Anvisa’s own) for every event of the machine', () => {
    expect(
      eventsOf(responsibility).filter(
        (e) => RESPONSIBILITY_REQUESTS[e] === undefined && !SYSTEM_EVENTS.has(e),
      ),
    ).toEqual([]);
  });

  it.each(forbiddenTransitions(responsibility).filter((p) => !SYSTEM_EVENTS.has(p.event)))(
    '$event from $state answers 409 and writes nothing',
    async ({ state, event }) => {
      const send = RESPONSIBILITY_REQUESTS[event];
      if (send === undefined) throw new Error(`no request for ${event}`);
      const { session, url, body } = await send(state);
      const before = await snapshot();
      const res = await t.request(session, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
      expect(await snapshot()).toBe(before);
    },
  );

  it.each(forbiddenTransitions(responsibility).filter((p) => SYSTEM_EVENTS.has(p.event)))(
    '$event from $state is refused by the engine, and the rule leaves the child alone',
    async ({ state, event }) => {
      const child = assigned.get(state)?.child ?? '';
      const before = await snapshot();
      const attempt = t.database.db.transaction((tx) =>
        applyTransition(
          { db: tx, now: t.clock.now, today: '2026-11-23', actor: null },
          { childId: child, machine: responsibility, event, occurredOn: '2026-11-23' },
        ),
      );
      await expect(attempt).rejects.toSatisfy(
        (e) => e instanceof HttpError && e.statusCode === 409 && e.code === 'transition_not_allowed',
      );
      expect(
        await t.database.db.transaction((tx) =>
          endResponsibilityByRule(
            { db: tx, now: t.clock.now, today: '2026-11-23', actor: null },
            child,
            'turned_18',
            '2026-11-23',
          ),
        ),
      ).toBe(false);
      expect(await snapshot()).toBe(before);
    },
  );
});

describe('forbidden transfer transitions', () => {
  it('has an API request for every event of the machine', () => {
    expect(eventsOf(transfer).filter((e) => TRANSFER_REQUESTS[e] === undefined)).toEqual([]);
  });

  it.each(forbiddenTransitions(transfer))(
    '$event from $state answers 409 and writes nothing',
    async ({ state, event }) => {
      const send = TRANSFER_REQUESTS[event];
      if (send === undefined) throw new Error(`no request for ${event}`);
      const { session, url, body } = await send(state);
      const before = await snapshot();
      const res = await t.request(session, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
      expect(await snapshot()).toBe(before);
    },
  );
});
