/**
 * Every transition the social case's table forbids, generated from the table (not a hand list): the child is put in
 * the `from` state and the step is sent to the API by a role that may take it elsewhere; the answer is 409 (or 422)
 * and nothing is written. Anvisa's own events (`hand_over_case`) have no API: they are sent to the engine as `system`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialCase } from '../../src/domain/case/machines.ts';
import { forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { HttpError } from '../../src/platform/http/errors.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { SOCIAL_CASE_STEP_ROUTES } from '../../src/social-case/steps.ts';
import { applyTransition } from '../../src/case/engine.ts';

/** A step a user takes (its route is in the social case's step table), not one Anvisa takes itself. */
const isStep = (event: string) => SOCIAL_CASE_STEP_ROUTES.routes.some((route) => route.event === event);

/** A valid body for each step, dated today, so only the state can refuse it. */
const BODIES: Record<string, Record<string, unknown>> = {
  receive_report: { source: 'police' },
  assess_protection: { outcome: 'no_immediate_need' },
  open_investigation: { finding: 'unaccompanied_needs_care' },
  decide_not_to_investigate: { finding: 'needs_met_otherwise', bestInterests: BEST_INTERESTS },
  extend_investigation: { extendedTo: '2027-06-01', reason: 'Särskilda skäl: väntar på tolk.' },
  decide_interventions: {
    interventions: ['placement'],
    carePlanOn: '2026-11-23',
    bestInterests: BEST_INTERESTS,
  },
  start_care: { implementationPlanOn: null },
  review_care: { outcome: 'care_continues' },
  close: { reason: 'care_ended' },
};

const WRITES = [
  'case_events',
  'case_states',
  'social_cases',
  'deadlines',
  'best_interests_records',
  'case_workers',
];

let t: TestApp;
let social: Session;
let manager: Session;
let child: string;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of WRITES) {
    const { rows } = await t.database.raw.query<{ n: number | string }>(`select count(*) as n from ${table}`);
    out[table] = Number(rows[0]?.n ?? 0);
  }
  out.state = Number(
    (
      await t.database.raw.query<{ v: number | null }>(
        `select max(version) as v from case_states where child_id = '${child}'`,
      )
    ).rows[0]?.v ?? 0,
  );
  return out;
}

async function putInState(state: string): Promise<void> {
  await t.database.raw.query(
    `insert into case_states (child_id, machine, state, version, municipality_code, updated_at) values ($1, 'social_case', $2, 1, '1280', now())
     on conflict (child_id, machine) do update set state = excluded.state, version = 1`,
    [child, state],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  social = await t.login('sara.lind');
  manager = await t.login('karin.berg');
  child = await arrivedChild(t, { recordOnly: true, arrivalDate: '2026-11-01', birthDate: '2011-04-04' });
});
afterAll(async () => t.close());

describe('every transition the social case forbids', () => {
  const pairs = forbiddenTransitions(socialCase);

  it('is generated from the table', () => {
    expect(pairs.length).toBeGreaterThan(50);
  });

  it.each(pairs.filter((p) => isStep(p.event)))(
    '$event from $state answers 409 and writes nothing',
    async ({ state, event }) => {
      await putInState(state);
      const before = await counts();
      const session = socialCase.transitions.find((x) => x.event === event)?.roles.includes('social_worker')
        ? social
        : manager;
      const res = await t.request(session, 'POST', `/api/children/${child}/social-case/steps`, {
        event,
        occurredOn: '2026-11-23',
        ...BODIES[event],
      });
      expect([409, 422], res.body).toContain(res.statusCode);
      expect(await counts()).toEqual(before);
    },
  );

  it.each(pairs.filter((p) => !isStep(p.event)))(
    '$event (Anvisa’s own) from $state is refused by the engine',
    async ({ state, event }) => {
      await putInState(state);
      const before = await counts();
      const attempt = t.database.db.transaction(async (tx) =>
        applyTransition(
          { db: tx, now: t.clock.now, today: stockholmDate(t.clock.now), actor: null },
          { childId: child, machine: socialCase, event, occurredOn: '2026-11-23', trigger: 'system' },
        ),
      );
      await expect(attempt).rejects.toSatisfy((e) => e instanceof HttpError && e.statusCode === 409);
      expect(await counts()).toEqual(before);
    },
  );
});
