/**
 * The authorization matrix's hand-written cases for the guardianship routes (see test/support/matrix.ts).
 * Own scope: fresh children who arrived in Malmö (per.ek's authority serves Malmö); other scope: fresh children in
 * Sundsvall. Each state-changing case has its own pair of children, put into the needed state by the setup.
 */
import { all, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import type { TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { grantPermit, profile, setGuardianshipState } from './fixtures.ts';

const pick = (f: Fixture, s: Scope, name: string) => f.extra[`${name}${s === 'own' ? 'Own' : 'Other'}`] ?? '';

/** Fixtures: a pair of children (Malmö, Sundsvall) per state-changing case. */
const PAIRS: Readonly<Record<string, { state: string; permit?: boolean; pendingSfv?: boolean }>> = {
  gNew: { state: 'none' },
  gRequested: { state: 'god_man_requested' },
  gWithdraw: { state: 'god_man_requested' },
  gResign: { state: 'god_man_appointed' },
  gEnd: { state: 'god_man_appointed' },
  gSfv: { state: 'god_man_appointed', permit: true },
  gSfvDecision: { state: 'sfv_pending', permit: true, pendingSfv: true },
  gNotApplying: { state: 'god_man_appointed', permit: true },
};

async function setup(t: TestApp, base: Fixture): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, spec] of Object.entries(PAIRS)) {
    for (const [suffix, code] of [
      ['Own', '1280'],
      ['Other', '2281'],
    ] as const) {
      const child = await arrivedChild(t, { municipalityCode: code });
      if (spec.state !== 'none') await setGuardianshipState(t, child, spec.state);
      if (spec.permit === true) await grantPermit(t, child);
      if (spec.pendingSfv === true) {
        await t.database.raw.query(
          `insert into sfv_cases (child_id, municipality_code, status, applied_on, court, recorded_by) values ($1, $2, 'pending', '2026-11-12', 'Tingsrätten', $3)`,
          [child, code, base.malmoUser],
        );
      }
      ids[`${name}${suffix}`] = child;
    }
  }
  await profile(t, base.godMan, ['1280']);
  // The demo seeding may have written the profile already: the case sends the version as it is.
  const { rows } = await t.database.raw.query<{ version: number }>(
    'select version from god_man_profiles where user_id = $1',
    [base.godMan],
  );
  ids.gmOwnVersion = String(rows[0]?.version ?? 1);
  const sundsvallOnly = await t.request(await t.login('tove.mitt'), 'POST', '/api/god-men', {
    subject: 'dev:gm.matrix.sundsvall',
    name: 'Greta Matrix',
    languages: ['somaliska'],
    municipalityCodes: ['2281'],
    available: true,
  });
  ids.gmOtherRegistry = sundsvallOnly.json<{ id: string }>().id;
  return ids;
}

const OFFICER_ONLY = (own: number, other: number) => with_(all(403), { guardianship_officer: [own, other] });

export const guardianshipMatrix: MatrixModule = {
  setup,
  cases: [
    {
      route: 'GET /api/children/:childId/guardianship',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/children/${s === 'own' ? f.ownChild : pick(f, 'other', 'gNew')}/guardianship`,
      }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [200, 200],
        asylum_officer: [200, 200],
        compensation_officer: [404, 404],
        social_worker: [200, 404],
        unit_manager: [200, 404],
        guardianship_officer: [200, 404],
        god_man: [200, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/guardianship/requests',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gNew')}/guardianship/requests`,
        body: { requestedOn: '2026-11-23' },
      }),
      noSession: 401,
      // The Agency asks first (for any child); social services then find the request already made.
      expect: with_(all(403), {
        asylum_officer: [201, 201],
        social_worker: [409, 404],
        unit_manager: [409, 404],
      }),
      writes: ['guardianship_requests', 'case_events', 'deadlines', 'notifications'],
    },
    {
      route: 'POST /api/children/:childId/guardianship/requests/withdrawal',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gWithdraw')}/guardianship/requests/withdrawal`,
        body: { withdrawnOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 404),
      writes: ['case_events'],
    },
    {
      route: 'POST /api/children/:childId/guardians',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gRequested')}/guardians`,
        body: {
          guardianUserId: f.godMan,
          fromDate: '2026-11-23',
          childHeard: true,
          bestInterests: BEST_INTERESTS,
        },
      }),
      noSession: 401,
      expect: OFFICER_ONLY(201, 404),
      writes: [
        'guardianships',
        'guardianship_details',
        'case_events',
        'best_interests_records',
        'notifications',
      ],
    },
    {
      route: 'POST /api/children/:childId/guardianship/resignation',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gResign')}/guardianship/resignation`,
        body: { resignedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: OFFICER_ONLY(201, 404),
      writes: ['guardianship_requests', 'case_events', 'deadlines'],
    },
    {
      route: 'POST /api/children/:childId/guardianship/end',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gEnd')}/guardianship/end`,
        body: {
          kind: 'by_decision',
          reason: 'left_sweden',
          endedOn: '2026-11-23',
          bestInterests: BEST_INTERESTS,
        },
      }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 404),
      writes: ['case_events', 'best_interests_records'],
    },
    {
      route: 'POST /api/children/:childId/sfv',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gSfv')}/sfv`,
        body: { court: 'Malmö tingsrätt', appliedOn: '2026-11-23' },
      }),
      noSession: 401,
      // The social worker applies; the unit manager then finds the application pending.
      expect: with_(all(403), { social_worker: [201, 404], unit_manager: [409, 404] }),
      writes: ['sfv_cases', 'case_events'],
    },
    {
      route: 'POST /api/children/:childId/sfv/decision',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gSfvDecision')}/sfv/decision`,
        body: {
          outcome: 'appointed',
          custodianName: 'Leila Nasser',
          decidedOn: '2026-11-20',
          finalOn: '2026-11-23',
        },
      }),
      noSession: 401,
      expect: with_(all(403), { social_worker: [200, 404], unit_manager: [409, 404] }),
      writes: ['case_events', 'change_reports'],
    },
    {
      route: 'POST /api/children/:childId/sfv/not-applying',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'gNotApplying')}/sfv/not-applying`,
        body: { reason: 'parents_on_their_way', note: null, decidedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: with_(all(403), { social_worker: [201, 404], unit_manager: [201, 404] }),
      writes: ['sfv_cases', 'case_events'],
    },
    {
      route: 'GET /api/guardianship/requests',
      build: () => ({ method: 'GET', url: '/api/guardianship/requests' }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 200),
    },
    {
      route: 'GET /api/god-men',
      build: () => ({ method: 'GET', url: '/api/god-men' }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 200),
    },
    {
      route: 'POST /api/god-men',
      build: (_f, s) => ({
        method: 'POST',
        url: '/api/god-men',
        body: {
          subject: `dev:gm.matrix.${s}`,
          name: 'Ny Godman',
          languages: ['dari'],
          municipalityCodes: [s === 'own' ? '1280' : '2281'],
          available: true,
        },
      }),
      noSession: 401,
      // Another authority's municipalities cannot be put in this authority's registry.
      expect: OFFICER_ONLY(201, 422),
      writes: ['users', 'role_assignments', 'god_man_profiles'],
    },
    {
      route: 'POST /api/god-men/:userId/profile',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/god-men/${s === 'own' ? f.godMan : (f.extra.gmOtherRegistry ?? '')}/profile`,
        body: {
          email: 'gm@example.se',
          phone: null,
          languages: ['dari'],
          municipalityCodes: ['1280'],
          available: true,
          expectedVersion: s === 'own' ? Number(f.extra.gmOwnVersion) : 1,
        },
      }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 404),
      writes: ['god_man_profiles'],
    },
    {
      route: 'POST /api/guardianship/policy',
      build: () => ({ method: 'POST', url: '/api/guardianship/policy', body: { maxWardsPerGodMan: 4 } }),
      noSession: 401,
      expect: OFFICER_ONLY(200, 200),
      writes: ['guardianship_policies'],
    },
    {
      route: 'GET /api/guardianship/my-wards',
      build: () => ({ method: 'GET', url: '/api/guardianship/my-wards' }),
      noSession: 401,
      expect: with_(all(403), { god_man: [200, 200] }),
    },
  ],
};
