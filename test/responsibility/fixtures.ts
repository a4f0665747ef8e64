/**
 * Test fixtures of the responsibility capability (integration tests, the matrix, the forbidden-transition test):
 * children arrived (test/support/arrivals.ts) and assigned through the API, and machine states set directly.
 */
import type { Session, TestApp } from '../support/app.ts';
import { arrivedChild, type Arrival } from '../support/arrivals.ts';

/** The responsibility tests' children arrive on 2026-11-20, born 2011-04-04, unless a test says otherwise. */
export const ARRIVAL = { arrivalDate: '2026-11-20', birthDate: '2011-04-04' } as const;

/** Decides the child to `code` (deviating from the proposal with a reason when needed); returns the decision id. */
export async function assign(t: TestApp, officer: Session, childId: string, code: string): Promise<string> {
  const proposal = (await t.request(officer, 'GET', `/api/allocation/children/${childId}/proposal`)).json<{
    municipality: { code: string };
  }>();
  const res = await t.request(officer, 'POST', `/api/allocation/children/${childId}/decision`, {
    municipalityCode: code,
    proposedCode: proposal.municipality.code,
    reason: 'Barnet har särskilda behov som kommunen kan möta',
    considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: 'Vill gå i skolan' },
  });
  if (res.statusCode !== 201) throw new Error(`decision: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A child that arrived in `arrival.municipalityCode` (registered by `officer`) and was assigned to `code`. */
export async function assignedChild(
  t: TestApp,
  officer: Session,
  code: string,
  arrival: Arrival = {},
): Promise<string> {
  const id = await arrivedChild(t, { ...ARRIVAL, session: officer, ...arrival });
  await assign(t, officer, id, code);
  return id;
}

/** Puts a machine of a child in a state directly (test setup only). */
export async function setState(
  t: TestApp,
  childId: string,
  machine: string,
  state: string,
  municipalityCode: string | null = null,
): Promise<void> {
  await t.database.raw.query(
    `insert into case_states (child_id, machine, state, version, municipality_code, updated_at) values ($1, $2, $3, 1, $4, now())
     on conflict (child_id, machine) do update set state = excluded.state, municipality_code = excluded.municipality_code`,
    [childId, machine, state, municipalityCode],
  );
}
