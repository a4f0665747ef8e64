/**
 * The authorization matrix's hand-written cases for the worklist, notifications, the child's overview and timeline,
 * and the child's record (identifiers, basic data, history, duplicates, merge and undo) — see
 * test/support/matrix.ts.
 *
 * Before these run, the core cases have opened emergency access to the other scope's child (Stockholm) for the social
 * worker, the unit manager and the region: they read it (read-only), but may not correct or merge it (403).
 * Merging has children of its own from `setup`: a Malmö pair for the merge (the Migration Agency is not responsible
 * for an assigned child: 403; Malmö's unit manager then merges: 201), and a Malmö pair merged in setup for the undo.
 */
import { aChild } from '../placement/fixtures.ts';
import type { TestApp } from '../support/app.ts';
import { all, child, MV_READ, NO_SUCH, with_, type Fixture, type MatrixModule } from '../support/matrix.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';

async function setup(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [key, dossier] of [
    ['survivor', '78000001'],
    ['merged', '78000002'],
    ['otherMerged', '78000003'],
    ['undoSurvivor', '78000004'],
    ['undoMerged', '78000005'],
  ] as const) {
    ids[key] = await aChild(t, { dossier });
  }
  const karin = await t.login('karin.berg');
  const res = await t.request(karin, 'POST', `/api/children/${ids.undoSurvivor ?? ''}/merge`, {
    mergedId: ids.undoMerged,
    reason: 'Samma barn registrerat två gånger',
  });
  if (res.statusCode !== 201) throw new Error(`worklist matrix setup: ${res.statusCode} ${res.body}`);
  ids.mergeId = res.json<{ mergeId: string }>().mergeId;
  return ids;
}

const WORKLIST = with_(all(403), {
  allocation_officer: [200, 200],
  asylum_officer: [200, 200],
  social_worker: [200, 200],
  unit_manager: [200, 200],
  guardianship_officer: [200, 200],
  god_man: [200, 200],
  health_staff: [200, 200],
  // Empty for now: no deadline is a provider's (the missing-children routine will add its notices).
  provider_staff: [200, 200],
});
const CASE_READ = with_(all(403), {
  allocation_officer: [200, 200],
  asylum_officer: [200, 200],
  compensation_officer: [200, 200],
  social_worker: [200, 200],
  unit_manager: [200, 200],
  guardianship_officer: [200, 404],
  god_man: [200, 404],
  health_staff: [200, 200],
});
/** Correcting the record: the Migration Agency and the responsible municipality; emergency access only reads. */
const EDIT = with_(all(403), {
  allocation_officer: [200, 200],
  asylum_officer: [200, 200],
  social_worker: [200, 403],
  unit_manager: [200, 403],
});

export const worklistMatrix: MatrixModule = {
  setup,
  cases: [
    {
      route: 'GET /api/worklist',
      build: () => ({ method: 'GET', url: '/api/worklist?pageSize=200' }),
      noSession: 401,
      expect: WORKLIST,
    },
    {
      route: 'GET /api/notifications/count',
      build: () => ({ method: 'GET', url: '/api/notifications/count' }),
      noSession: 401,
      expect: all(200),
    },
    {
      route: 'GET /api/notifications',
      build: () => ({ method: 'GET', url: '/api/notifications' }),
      noSession: 401,
      expect: WORKLIST,
    },
    {
      route: 'POST /api/notifications/:notificationId/read',
      // Nobody else's notification can be marked: an unknown id and someone else's answer alike.
      build: (f, s) => ({
        method: 'POST',
        url: `/api/notifications/${s === 'own' ? NO_SUCH : x(f, 'mergeId')}/read`,
      }),
      noSession: 401,
      expect: with_(WORKLIST, {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        social_worker: [404, 404],
        unit_manager: [404, 404],
        guardianship_officer: [404, 404],
        god_man: [404, 404],
        health_staff: [404, 404],
        provider_staff: [404, 404],
      }),
      writes: ['notifications'],
    },
    {
      route: 'POST /api/notifications/read-all',
      build: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
      noSession: 401,
      expect: WORKLIST,
    },
    {
      route: 'GET /api/children/:childId/overview',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/overview` }),
      noSession: 401,
      expect: CASE_READ,
    },
    {
      route: 'GET /api/children/:childId/timeline',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/timeline` }),
      noSession: 401,
      // The timeline is the responsible municipality's and the Migration Agency's; the region's emergency view is not.
      expect: with_(CASE_READ, {
        compensation_officer: [404, 404],
        guardianship_officer: [404, 404],
        god_man: [404, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'GET /api/children/duplicates',
      build: (_f, s) => ({
        method: 'GET',
        url: `/api/children/duplicates?dossierNumber=${s === 'own' ? '20000112' : '20000107'}`,
      }),
      noSession: 401,
      expect: with_(all(403), {
        ...MV_READ,
        social_worker: [200, 200],
        unit_manager: [200, 200],
        guardianship_officer: [200, 200],
        god_man: [200, 200],
        health_staff: [200, 200],
        // Among the children placed with the provider only.
        provider_staff: [200, 200],
      }),
    },
    {
      route: 'GET /api/children/:childId/record',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/record` }),
      noSession: 401,
      expect: EDIT,
    },
    {
      route: 'GET /api/children/:childId/history',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/history` }),
      noSession: 401,
      expect: EDIT,
    },
    {
      route: 'POST /api/children/:childId/basic-data',
      // Nothing changes (no field given): the version stays 1 for every role after the other.
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${child(f, s)}/basic-data`,
        body: { version: 1 },
      }),
      noSession: 401,
      expect: EDIT,
      writes: ['field_changes'],
    },
    {
      route: 'POST /api/children/:childId/identifiers',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${child(f, s)}/identifiers`,
        body: { kind: 'dossier', value: s === 'own' ? '61500001' : '61500002' },
      }),
      noSession: 401,
      // The Migration Agency's allocation officer adds it first; then the number is the child's already (409).
      expect: with_(all(403), {
        allocation_officer: [201, 201],
        asylum_officer: [409, 409],
        social_worker: [409, 403],
        unit_manager: [409, 403],
      }),
      writes: ['child_identifiers', 'field_changes'],
    },
    {
      route: 'POST /api/children/:childId/merge',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${s === 'own' ? x(f, 'survivor') : f.otherChild}/merge`,
        body: {
          mergedId: x(f, s === 'own' ? 'merged' : 'otherMerged'),
          reason: 'Samma barn registrerat två gånger',
        },
      }),
      noSession: 401,
      expect: with_(all(403), { allocation_officer: [403, 403], unit_manager: [201, 403] }),
      writes: ['child_merges', 'responsibility_periods', 'child_identifiers'],
    },
    {
      route: 'POST /api/children/:childId/unmerge',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${s === 'own' ? x(f, 'undoSurvivor') : f.otherChild}/unmerge`,
        body: { mergeId: x(f, 'mergeId') },
      }),
      noSession: 401,
      expect: with_(all(403), { allocation_officer: [403, 404], unit_manager: [200, 404] }),
      writes: ['child_merges', 'responsibility_periods', 'child_identifiers'],
    },
  ],
};
