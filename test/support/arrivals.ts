/**
 * The one builder for an arriving child in the integration tests. The child is registered the way production
 * registers it, so the database holds what a real arrival leaves behind: by default the Migration Agency's arrival
 * (POST /api/allocation/arrivals: the child, the arrival municipality's responsibility, the asylum case, the
 * registering officer as case officer, the intake with languages), or with `recordOnly` the bare child record
 * (POST /api/children: the child and the arrival municipality's responsibility). Dossier numbers count up from
 * 62 000 001, apart from the demo's and the fixed ones tests write themselves.
 */
import type { Session, TestApp } from './app.ts';

let dossier = 62_000_000;

export interface Arrival {
  /** The arrival municipality, responsible until an anvisning (default Malmö, 1280). */
  readonly municipalityCode?: string;
  readonly arrivalDate?: string;
  readonly birthDate?: string;
  /** Who registers the child (default the Migration Agency's anna.alm). */
  readonly session?: Session;
  /** Only the child record, without the asylum case, case officer and intake of a full arrival. */
  readonly recordOnly?: boolean;
  /** More fields of the request body, over the defaults (names, gender, languages, a relative, a sibling …). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Registers an arriving child (see the module comment) and returns its id; throws unless the answer is 201. */
export async function arrivedChild(t: TestApp, arrival: Arrival = {}): Promise<string> {
  const session = arrival.session ?? (await t.login('anna.alm'));
  const child = {
    dossierNumber: String(++dossier),
    firstName: 'Hamid',
    lastName: 'Rahimi',
    birthDate: arrival.birthDate ?? '2010-06-01',
    gender: 'male',
    arrivalMunicipalityCode: arrival.municipalityCode ?? '1280',
    arrivalDate: arrival.arrivalDate ?? '2026-11-01',
  };
  const res = arrival.recordOnly
    ? await t.request(session, 'POST', '/api/children', { ...child, ...arrival.fields })
    : await t.request(session, 'POST', '/api/allocation/arrivals', {
        ...child,
        languages: ['dari', 'pashto'],
        interpreterNeeded: true,
        ...arrival.fields,
      });
  if (res.statusCode !== 201) throw new Error(`arrival: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}
