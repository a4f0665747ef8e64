/**
 * The authorization matrix's hand-written cases for the asylum and age routes (see test/support/matrix.ts).
 * Reading follows the case-sections table; every step needs asylum:record, which only asylum officers hold, and the
 * Migration Agency's scope is national, so an asylum officer takes each step for both fixture children in turn.
 */
import {
  all,
  child,
  with_,
  type Case,
  type Fixture,
  type MatrixModule,
  type Scope,
} from '../support/matrix.ts';

const WRITES = ['case_events', 'asylum_cases', 'age_records', 'notifications'];
const officerOnly = (own: number, other = own) => with_(all(403), { asylum_officer: [own, other] });
const fixtureChild = (f: Fixture, s: Scope) => (s === 'own' ? f.extra.asylumOwn : f.extra.asylumOther) ?? '';

function stepCase(path: string, body: (s: Scope) => Record<string, unknown>): Case {
  return {
    route: `POST /api/children/:childId/${path}`,
    build: (f, s) => ({ method: 'POST', url: `/api/children/${fixtureChild(f, s)}/${path}`, body: body(s) }),
    noSession: 401,
    expect: officerOnly(200),
    writes: WRITES,
  };
}

export const asylumMatrix: MatrixModule = {
  // Two children registered at the Agency (their asylum cases open with them), and two registered before asylum
  // cases were kept (the asylum officer opens theirs).
  setup: async (t) => {
    const registrar = await t.login('anna.alm');
    const register = async (url: string, dossierNumber: string) => {
      const res = await t.request(registrar, 'POST', url, {
        dossierNumber,
        firstName: 'Nadia',
        lastName: 'Osman',
        birthDate: '2010-04-04',
        gender: 'female',
        arrivalMunicipalityCode: '1280',
        arrivalDate: '2026-08-01',
      });
      if (res.statusCode !== 201) throw new Error(`asylum matrix setup: ${res.body}`);
      return res.json<{ id: string }>().id;
    };
    return {
      asylumOwn: await register('/api/allocation/arrivals', '66100001'),
      asylumOther: await register('/api/allocation/arrivals', '66100002'),
      unrecordedOwn: await register('/api/children', '66100003'),
      unrecordedOther: await register('/api/children', '66100004'),
    };
  },
  cases: [
    {
      route: 'GET /api/children/:childId/migration',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/migration` }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [200, 200],
        asylum_officer: [200, 200],
        compensation_officer: [404, 404],
        // The social services' emergency access to the other child (opened earlier in the matrix) is read-only.
        social_worker: [200, 200],
        unit_manager: [200, 200],
        guardianship_officer: [200, 404],
        god_man: [404, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/asylum',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${(s === 'own' ? f.extra.unrecordedOwn : f.extra.unrecordedOther) ?? ''}/asylum`,
        body: { appliedOn: '2026-08-01' },
      }),
      noSession: 401,
      expect: officerOnly(201),
      writes: WRITES,
    },
    stepCase('asylum/interviews', () => ({ interviewOn: '2026-09-15' })),
    stepCase('asylum/decision', (s) =>
      s === 'own'
        ? { decision: 'refused', decidedOn: '2026-11-02' }
        : { decision: 'temporary_permit', decidedOn: '2026-11-02', permitEndsOn: '2029-11-01' },
    ),
    stepCase('asylum/appeal', () => ({ appealedOn: '2026-11-10' })),
    stepCase('asylum/final', (s) => ({
      finalOn: '2026-11-20',
      outcome: s === 'own' ? 'refused' : 'permanent_permit',
    })),
    stepCase('age/doubt', () => ({ doubtedOn: '2026-08-20' })),
    stepCase('age/medical-assessment', (s) => ({ offeredOn: '2026-08-25', consent: s === 'own' })),
    stepCase('age/temporary-decision', () => ({ decidedOn: '2026-09-20', birthDate: '2009-09-09' })),
    stepCase('age/appeal', () => ({ appealedOn: '2026-09-30' })),
    stepCase('age/final-decision', () => ({ decidedOn: '2026-11-15', birthDate: '2009-12-12' })),
  ],
};
