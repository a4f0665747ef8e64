/**
 * The authorization matrix's hand-written cases for the placement, school and health routes (see
 * test/support/matrix.ts). Each state-changing case has a child of its own, made in `setup`, so the answers do not
 * depend on other capabilities' fixtures: the social worker (or health staff) acts first and gets 201; the unit manager
 * then finds the state moved on (409).
 */
import { all, with_, type Expect, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { aChild, aProvider } from './fixtures.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';
/** The own scope's fixture child for a case, or the other organisation's child (Stockholm). */
const target = (key: string) => (f: Fixture, s: Scope) => (s === 'own' ? x(f, key) : f.otherChild);

/*
 * The core cases open emergency access for the social worker and the unit manager to the other scope's child before
 * these run: they then read its placement and school (read-only, 403 on writes) but never its health examination.
 */
const SOCIAL_WRITES: Partial<Record<Role, Expect>> = { social_worker: [201, 403], unit_manager: [409, 403] };
const PLACEMENT_TABLES = ['placements', 'case_events', 'best_interests_records'];
const decisionBody = (providerId: string) => ({
  providerId,
  form: 'hvb',
  legalBasis: 'SoL',
  fromDate: '2026-11-20',
  specialReason: null,
  bestInterests: BEST_INTERESTS,
});

export const placementMatrix: MatrixModule = {
  setup: async (t) => {
    const reader = await aChild(t, {
      dossier: '79000001',
      godMan: 'birgitta.sjo',
      assignedWorker: 'sara.lind',
    });
    const ids: Record<string, string> = { reader };
    ids.matrixHvb = await aProvider(t, { name: 'HVB Matrisen' });
    ids.sundsvallHvb = await aProvider(t, { name: 'HVB Matrisen Norr', municipalityCode: '2281' });
    for (const [key, dossier] of [
      ['place', '79000002'],
      ['onCall', '79000003'],
      ['move', '79000004'],
      ['end', '79000005'],
      ['enrol', '79000006'],
      ['start', '79000007'],
      ['endSchool', '79000008'],
      ['offer', '79000009'],
      ['done', '79000010'],
      ['declined', '79000011'],
      ['referral', '79000012'],
    ] as const) {
      ids[key] = await aChild(t, { dossier });
    }
    const sara = await t.login('sara.lind');
    const lena = await t.login('lena.holm');
    const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
      const answer = await res;
      if (answer.statusCode !== 201) throw new Error(`matrix setup: ${answer.statusCode} ${answer.body}`);
    };
    for (const key of ['move', 'end']) {
      await ok(
        t.request(sara, 'POST', `/api/children/${ids[key] ?? ''}/placements`, {
          ...decisionBody(ids.matrixHvb ?? ''),
          fromDate: '2026-11-10',
        }),
      );
    }
    for (const key of ['start', 'endSchool']) {
      await ok(
        t.request(sara, 'POST', `/api/children/${ids[key] ?? ''}/school/enrolment`, {
          school: 'Rosengårdsskolan',
          programme: 'grundskola',
          enrolledOn: '2026-11-10',
        }),
      );
    }
    for (const key of ['done', 'declined', 'referral'])
      await ok(
        t.request(lena, 'POST', `/api/children/${ids[key] ?? ''}/health/offer`, { offeredOn: '2026-11-02' }),
      );
    await ok(
      t.request(lena, 'POST', `/api/children/${ids.referral ?? ''}/health/done`, { doneOn: '2026-11-09' }),
    );
    return ids;
  },
  cases: [
    {
      route: 'GET /api/providers',
      build: (_f, s) => ({
        method: 'GET',
        url: s === 'own' ? '/api/providers' : '/api/providers?municipalityCode=2281',
      }),
      noSession: 401,
      expect: with_(all(403), {
        social_worker: [200, 200],
        unit_manager: [200, 200],
        county_coordinator: [200, 200],
      }),
    },
    {
      route: 'POST /api/providers',
      build: (_f, s) => ({
        method: 'POST',
        url: '/api/providers',
        body: {
          name: `Jourhemmet ${s}`,
          form: 'jourhem',
          places: 2,
          targetGroups: ['younger'],
          languages: ['arabiska'],
        },
      }),
      noSession: 401,
      expect: with_(all(403), { unit_manager: [201, 201] }),
      writes: ['placement_providers'],
    },
    {
      route: 'POST /api/providers/:providerId',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/providers/${s === 'own' ? x(f, 'matrixHvb') : x(f, 'sundsvallHvb')}`,
        body: {
          name: 'HVB Matrisen',
          form: 'hvb',
          places: 8,
          targetGroups: [],
          languages: ['dari'],
          permitReference: null,
          active: true,
          version: 1,
        },
      }),
      noSession: 401,
      expect: with_(all(403), { unit_manager: [200, 404] }),
      writes: ['placement_providers'],
    },
    {
      route: 'GET /api/children/:childId/placements',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${target('reader')(f, s)}/placements` }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        compensation_officer: [200, 200],
        social_worker: [200, 200],
        unit_manager: [200, 200],
        guardianship_officer: [404, 404],
        god_man: [200, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/placements',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('place')(f, s)}/placements`,
        body: decisionBody(x(f, 'matrixHvb')),
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: PLACEMENT_TABLES,
    },
    {
      route: 'POST /api/children/:childId/placements/on-call',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('onCall')(f, s)}/placements/on-call`,
        body: decisionBody(x(f, 'matrixHvb')),
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: [...PLACEMENT_TABLES, 'deadlines'],
    },
    {
      route: 'POST /api/children/:childId/placements/move',
      // The unit manager still sends the version the social worker saw: 409 stale.
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('move')(f, s)}/placements/move`,
        body: { ...decisionBody(x(f, 'matrixHvb')), expectedVersion: 1 },
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: PLACEMENT_TABLES,
    },
    {
      route: 'POST /api/children/:childId/placements/end',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('end')(f, s)}/placements/end`,
        body: { reason: 'reunited', endDate: '2026-11-21' },
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: ['placements', 'case_events', 'change_reports'],
    },
    {
      route: 'GET /api/children/:childId/school',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${target('reader')(f, s)}/school` }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        compensation_officer: [404, 404],
        social_worker: [200, 200],
        unit_manager: [200, 200],
        guardianship_officer: [404, 404],
        god_man: [200, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/school/enrolment',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('enrol')(f, s)}/school/enrolment`,
        body: { school: 'Rosengårdsskolan', programme: 'grundskola', enrolledOn: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: ['school_enrolments', 'case_events'],
    },
    {
      route: 'POST /api/children/:childId/school/start',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('start')(f, s)}/school/start`,
        body: { startedOn: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: ['case_events'],
    },
    {
      route: 'POST /api/children/:childId/school/end',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('endSchool')(f, s)}/school/end`,
        body: { endedOn: '2026-11-20' },
      }),
      noSession: 401,
      expect: with_(all(403), SOCIAL_WRITES),
      writes: ['case_events'],
    },
    {
      route: 'GET /api/children/:childId/health',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${target('reader')(f, s)}/health` }),
      noSession: 401,
      // Only the region and the assigned social worker (Sara Lind) — not her unit manager, not the god man.
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        compensation_officer: [404, 404],
        social_worker: [200, 404],
        unit_manager: [404, 404],
        guardianship_officer: [404, 404],
        god_man: [404, 404],
        health_staff: [200, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/health/offer',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('offer')(f, s)}/health/offer`,
        body: { offeredOn: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), { health_staff: [201, 404] }),
      writes: ['health_examinations', 'case_events'],
    },
    {
      route: 'POST /api/children/:childId/health/done',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('done')(f, s)}/health/done`,
        body: { doneOn: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), { health_staff: [201, 404] }),
      writes: ['case_events'],
    },
    {
      route: 'POST /api/children/:childId/health/declined',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('declined')(f, s)}/health/declined`,
        body: { declinedOn: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), { health_staff: [201, 404] }),
      writes: ['case_events'],
    },
    {
      route: 'POST /api/children/:childId/health/referrals',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('referral')(f, s)}/health/referrals`,
        body: { to: 'dental_care', on: '2026-11-16' },
      }),
      noSession: 401,
      expect: with_(all(403), { health_staff: [201, 404] }),
      writes: ['case_events'],
    },
  ],
};
