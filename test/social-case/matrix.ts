/**
 * The authorization matrix's hand-written cases for the casework routes (see test/support/matrix.ts). Own scope:
 * children who arrived in Malmö (sara.lind and karin.berg work there); other scope: children in Sundsvall. State-
 * changing cases get their own children from the setup. The journal routes (moved here, URLs unchanged) keep their
 * cases in the core list of test/server/authorization-matrix.int.test.ts.
 */
import { all, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import type { TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';

const pick = (f: Fixture, s: Scope, name: string) => f.extra[`${name}${s === 'own' ? 'Own' : 'Other'}`] ?? '';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const SOCIAL = (own: number, other: number) =>
  with_(all(403), { social_worker: [own, other], unit_manager: [own, other] });
const MANAGER = (own: number, other: number) => with_(all(403), { unit_manager: [own, other] });

/** A child of the matrix's own, arrived in `code` on 2026-11-10 (the bare child record). */
const arrived = (t: TestApp, code: string) =>
  arrivedChild(t, {
    recordOnly: true,
    municipalityCode: code,
    arrivalDate: '2026-11-10',
    birthDate: '2011-02-02',
  });

async function setup(t: TestApp, base: Fixture): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const reporters = { Own: await t.login('sara.lind'), Other: await t.login('johan.nilsson') };
  for (const [suffix, code] of [
    ['Own', '1280'],
    ['Other', '2281'],
  ] as const) {
    ids[`cwNew${suffix}`] = await arrived(t, code);
    const open = await arrived(t, code);
    await t.request(reporters[suffix], 'POST', `/api/children/${open}/social-case/steps`, {
      event: 'receive_report',
      occurredOn: '2026-11-12',
      source: 'police',
    });
    ids[`cwOpen${suffix}`] = open;
    const doc = await t.request(reporters[suffix], 'POST', `/api/children/${open}/documents`, {
      title: 'Intyg',
      fileName: 'intyg.pdf',
      mediaType: 'application/pdf',
      contentBase64: PDF,
    });
    ids[`cwDocChild${suffix}`] = open;
    ids[`cwDoc${suffix}`] = doc.json<{ id: string }>().id;
  }
  ids.cwAli = await t.userId('ali.hassan');
  const karin = await t.login('karin.berg');
  const own = await t.request(karin, 'POST', '/api/substitutes', {
    absentUserId: base.malmoUser,
    substituteUserId: ids.cwAli,
    fromDate: '2027-02-01',
    toDate: '2027-02-05',
  });
  ids.cwSubstituteOwn = own.json<{ id: string }>().id;
  // Sundsvall has no unit manager among the demo users: its substitute is written directly.
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into substitutes (organisation_id, absent_user_id, substitute_user_id, from_date, to_date, set_by)
     select ra.organisation_id, ra.user_id, ra.user_id, '2027-02-01', '2027-02-05', ra.user_id
     from role_assignments ra where ra.user_id = $1 limit 1 returning id`,
    [base.sundsvallUser],
  );
  ids.cwSubstituteOther = rows[0]?.id ?? '';
  return ids;
}

export const socialCaseMatrix: MatrixModule = {
  setup,
  cases: [
    {
      route: 'GET /api/children/:childId/social-case',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/children/${s === 'own' ? f.ownChild : pick(f, 'other', 'cwOpen')}/social-case`,
      }),
      noSession: 401,
      // Only the responsible municipality's social services see the social case; everyone else with case:read learns nothing.
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        compensation_officer: [404, 404],
        social_worker: [200, 404],
        unit_manager: [200, 404],
        guardianship_officer: [404, 404],
        god_man: [404, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/social-case/steps',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'cwNew')}/social-case/steps`,
        body: { event: 'receive_report', occurredOn: '2026-11-20', source: 'school' },
      }),
      noSession: 401,
      // The social worker registers the report; the unit manager then finds the case already open.
      expect: with_(all(403), { social_worker: [201, 404], unit_manager: [409, 404] }),
      writes: ['case_events', 'case_states', 'social_cases', 'deadlines'],
    },
    {
      route: 'GET /api/children/:childId/best-interests/latest',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/children/${s === 'own' ? f.ownChild : pick(f, 'other', 'cwOpen')}/best-interests/latest`,
      }),
      noSession: 401,
      // The records are read by the responsible municipality's social services and the guardianship authority only.
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [404, 404],
        compensation_officer: [404, 404],
        social_worker: [200, 404],
        unit_manager: [200, 404],
        guardianship_officer: [200, 404],
        god_man: [404, 404],
        health_staff: [404, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/social-case/workers',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'cwOpen')}/social-case/workers`,
        body: { primaryUserId: f.malmoUser, secondaryUserId: f.extra.cwAli ?? null, fromDate: '2026-11-20' },
      }),
      noSession: 401,
      expect: MANAGER(200, 404),
      writes: ['case_workers', 'notifications'],
    },
    {
      route: 'GET /api/caseload',
      build: () => ({ method: 'GET', url: '/api/caseload?worker=all' }),
      noSession: 401,
      expect: MANAGER(200, 200),
    },
    {
      route: 'GET /api/social-cases/mine',
      build: () => ({ method: 'GET', url: '/api/social-cases/mine' }),
      noSession: 401,
      expect: SOCIAL(200, 200),
    },
    {
      route: 'GET /api/substitutes',
      build: () => ({ method: 'GET', url: '/api/substitutes' }),
      noSession: 401,
      expect: MANAGER(200, 200),
    },
    {
      route: 'POST /api/substitutes',
      build: (f, s) => ({
        method: 'POST',
        url: '/api/substitutes',
        // Another organisation's worker is not one of the unit's case workers.
        body: {
          absentUserId: s === 'own' ? f.malmoUser : f.sundsvallUser,
          substituteUserId: f.extra.cwAli,
          fromDate: '2027-03-01',
          toDate: '2027-03-05',
        },
      }),
      noSession: 401,
      expect: MANAGER(201, 422),
      writes: ['substitutes', 'notifications'],
    },
    {
      route: 'DELETE /api/substitutes/:substituteId',
      build: (f, s) => ({ method: 'DELETE', url: `/api/substitutes/${pick(f, s, 'cwSubstitute')}` }),
      noSession: 401,
      expect: MANAGER(200, 404),
      writes: ['substitutes'],
    },
    {
      route: 'GET /api/children/:childId/documents',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${pick(f, s, 'cwDocChild')}/documents` }),
      noSession: 401,
      expect: SOCIAL(200, 404),
    },
    {
      route: 'POST /api/children/:childId/documents',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'cwOpen')}/documents`,
        body: { title: 'Beslut', fileName: 'beslut.pdf', mediaType: 'application/pdf', contentBase64: PDF },
      }),
      noSession: 401,
      expect: SOCIAL(201, 404),
      writes: ['case_documents'],
    },
    {
      route: 'GET /api/children/:childId/documents/:documentId',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/children/${pick(f, s, 'cwDocChild')}/documents/${pick(f, s, 'cwDoc')}`,
      }),
      noSession: 401,
      expect: SOCIAL(200, 404),
    },
  ],
};
