/**
 * Generated from the transition tables: every step the `asylum` and `age` machines do not allow from a state is sent
 * to the API by an asylum officer (the role that may take the allowed ones) and answers 409, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { age, asylum, type AnyMachine } from '../../src/domain/case/machines.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { snapshotTables } from '../support/snapshot.ts';
import { arrivedChild } from '../support/arrivals.ts';

/** The API request for each event, with a body that would be valid if the step were allowed. */
const REQUESTS: Record<string, { path: string; body: Record<string, unknown> }> = {
  schedule_interview: { path: 'asylum/interviews', body: { interviewOn: '2026-12-10' } },
  interview: { path: 'asylum/interviews', body: { interviewOn: '2026-10-01' } },
  // Cancelled only by a decision that makes the interview moot.
  cancel_interview: {
    path: 'asylum/decision',
    body: { decision: 'permanent_permit', decidedOn: '2026-11-01' },
  },
  grant_permanent: {
    path: 'asylum/decision',
    body: { decision: 'permanent_permit', decidedOn: '2026-11-01' },
  },
  grant_temporary: {
    path: 'asylum/decision',
    body: { decision: 'temporary_permit', decidedOn: '2026-11-01', permitEndsOn: '2029-11-01' },
  },
  refuse: { path: 'asylum/decision', body: { decision: 'refused', decidedOn: '2026-11-01' } },
  transfer_dublin: {
    path: 'asylum/decision',
    body: { decision: 'dublin_transfer', decidedOn: '2026-11-01' },
  },
  write_off: { path: 'asylum/decision', body: { decision: 'written_off', decidedOn: '2026-11-01' } },
  appeal: { path: 'asylum/appeal', body: { appealedOn: '2026-11-10' } },
  become_final: { path: 'asylum/final', body: { finalOn: '2026-11-20', outcome: 'refused' } },
  doubt: { path: 'age/doubt', body: { doubtedOn: '2026-09-10' } },
  order_medical_assessment: {
    path: 'age/medical-assessment',
    body: { offeredOn: '2026-09-15', consent: true },
  },
  decide_temporarily: {
    path: 'age/temporary-decision',
    body: { decidedOn: '2026-10-01', birthDate: '2009-05-05' },
  },
  appeal_age: { path: 'age/appeal', body: { appealedOn: '2026-10-10' } },
  decide_finally: { path: 'age/final-decision', body: { decidedOn: '2026-11-01', birthDate: '2009-05-05' } },
};

let t: TestApp;
let officer: Session;
let child: string;

async function snapshot(): Promise<string> {
  const tables = [
    'case_events',
    'case_states',
    'asylum_cases',
    'age_records',
    'notifications',
    'field_changes',
    'deadlines',
  ];
  const { rows } = await t.database.raw.query<{ row: string }>(
    'select birth_date::text || version as row from children where id = $1',
    [child],
  );
  return `${await snapshotTables(t, tables, child)}\n${rows[0]?.row ?? ''}`;
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('omar.said');
  child = await arrivedChild(t, { arrivalDate: '2026-09-01', birthDate: '2010-05-05' });
  // A decided and appealed case, so that only the machine can refuse a step (never a missing date or decision).
  await t.database.raw.query(
    `update asylum_cases set decision = 'refused', decided_on = '2026-11-01', appealed_on = '2026-11-05', interview_dates = '{2026-10-01}' where child_id = $1`,
    [child],
  );
});
afterAll(async () => t.close());

function cases(machine: AnyMachine) {
  return forbiddenTransitions(machine).map(({ state, event }) => [state, event] as const);
}

describe.each([asylum, age])('the $name machine', (machine) => {
  it('has an API request for every event', () => {
    for (const event of eventsOf(machine)) expect(REQUESTS[event], event).toBeDefined();
  });

  it.each(cases(machine))(`from %s, %s answers 409 and writes nothing`, async (state, event) => {
    await t.database.raw.query(
      `insert into case_states (child_id, machine, state, version, updated_at) values ($1, $2, $3, 7, now())
       on conflict (child_id, machine) do update set state = excluded.state, version = 7`,
      [child, machine.name, state],
    );
    const before = await snapshot();
    const request = REQUESTS[event];
    if (request === undefined) throw new Error(`no request for ${event}`);
    const res = await t.request(officer, 'POST', `/api/children/${child}/${request.path}`, request.body);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('transition_not_allowed');
    expect(await snapshot()).toBe(before);
  });
});
