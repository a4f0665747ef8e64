/**
 * Test fixtures of the responsibility capability (integration tests, the matrix, the forbidden-transition test):
 * children registered and assigned through the API, and a complete best-interests record.
 */
import type { Session, TestApp } from '../support/app.ts';

let dossier = 88_000_000;

export const BEST_INTERESTS = {
  rightsConcerned: ['art. 3 barnets bästa', 'art. 12 rätt att uttrycka sin mening'],
  whatIsKnown: 'Barnet har bott i kommunen i ett halvår och går i skolan.',
  childsViews: 'Jag vill bo kvar nära min kusin.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Barnets önskan och skolgången väger tyngst.',
  feedbackToChild: 'Beslutet förklarades för barnet med tolk.',
  feedbackGivenOn: '2026-11-20',
  notHeardReason: null,
};

export interface ArrivalOptions {
  readonly arrival?: string;
  readonly arrivalDate?: string;
  readonly birthDate?: string;
}

/** Registers a child arriving in `arrival` (default Lund, 1281) and returns its id. */
export async function registerChild(
  t: TestApp,
  officer: Session,
  options: ArrivalOptions = {},
): Promise<string> {
  const res = await t.request(officer, 'POST', '/api/allocation/arrivals', {
    dossierNumber: String(++dossier),
    firstName: 'Reza',
    lastName: 'Karimi',
    birthDate: options.birthDate ?? '2011-04-04',
    gender: 'male',
    languages: ['dari'],
    interpreterNeeded: true,
    arrivalMunicipalityCode: options.arrival ?? '1281',
    arrivalDate: options.arrivalDate ?? '2026-11-20',
  });
  if (res.statusCode !== 201) throw new Error(`arrival: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

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

/** A child that arrived in `options.arrival` and was assigned to `code`. */
export async function assignedChild(
  t: TestApp,
  officer: Session,
  code: string,
  options: ArrivalOptions = {},
): Promise<string> {
  const id = await registerChild(t, officer, options);
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
