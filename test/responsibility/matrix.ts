/**
 * The authorization matrix's hand-written cases for the responsibility routes (see test/support/matrix.ts).
 * Own scope: fresh children Malmö (1280) is responsible for, or transfers Malmö must answer; other scope: children and
 * transfers of Sundsvall and Stockholm, in which Malmö has no part. Each state-changing case has its own fixtures;
 * Malmö's social worker acts first and the unit manager then finds the step taken (409).
 */
import { all, OTHER_CHILD, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import type { TestApp } from '../support/app.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { assignedChild, setState } from './fixtures.ts';

const pick = (f: Fixture, s: Scope, name: string) => f.extra[`${name}${s === 'own' ? 'Own' : 'Other'}`] ?? '';

const SOCIAL_WRITE = (own: [number, number], other = 404) =>
  with_(all(403), { social_worker: [own[0], other], unit_manager: [own[1], other] });
const SOCIAL_LIST = with_(all(403), { social_worker: [200, 200], unit_manager: [200, 200] });

async function setup(t: TestApp, _base: Fixture): Promise<Record<string, string>> {
  const officer = await t.login('anna.alm');
  const lund = await t.login('elin.dahl', 'Lund');
  const sundsvall = await t.login('johan.nilsson');
  const malmo = await t.login('sara.lind');
  const ids: Record<string, string> = {};
  /** A child's dossier number and registered birth date, as a take-over request names it (ADR 0016). */
  const namedBy = async (id: string) => {
    const [row] = (
      await t.database.raw.query<{ d: string; b: string }>(
        "select dossier_number as d, to_char(birth_date, 'YYYY-MM-DD') as b from children where id = $1",
        [id],
      )
    ).rows;
    return { dossierNumber: row?.d ?? '', birthDate: row?.b ?? '' };
  };
  const pair = async (name: string, own: () => Promise<string>, other: () => Promise<string>) => {
    ids[`${name}Own`] = await own();
    ids[`${name}Other`] = await other();
  };
  const malmoChild = (options = {}) =>
    assignedChild(t, officer, '1280', { municipalityCode: '1281', ...options });
  const sundsvallChild = (options = {}) =>
    assignedChild(t, officer, '2281', { municipalityCode: '0180', ...options });
  const transfer = async (asker: typeof lund, url: string, body: Record<string, unknown>) => {
    const res = await t.request(asker, 'POST', url, {
      reason: 'Barnet flyttar till släkt',
      proposedFrom: '2026-12-01',
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(`transfer fixture: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>().id;
  };
  /** Lund hands a child over to Malmö (Malmö answers); Sundsvall asks Stockholm for a child (Malmö has no part). */
  const toMalmo = async () => {
    const child = await assignedChild(t, officer, '1281', { municipalityCode: '1281' });
    return transfer(lund, `/api/children/${child}/transfers`, { municipalityCode: '1280' });
  };
  const elsewhere = async () =>
    transfer(
      sundsvall,
      '/api/transfers',
      await namedBy(await assignedChild(t, officer, '0180', { municipalityCode: '0180' })),
    );

  await pair(
    'rRead',
    () => malmoChild(),
    () => sundsvallChild(),
  );
  await pair(
    'rMove',
    () => malmoChild(),
    () => sundsvallChild(),
  );
  await pair(
    'rReceipt',
    () => malmoChild(),
    () => sundsvallChild(),
  );
  await pair(
    'rHandOver',
    () => malmoChild(),
    () => sundsvallChild(),
  );
  const takeOver = await namedBy(await assignedChild(t, officer, '1281', { municipalityCode: '1281' }));
  ids.rTakeOverDossier = takeOver.dossierNumber;
  ids.rTakeOverBirthDate = takeOver.birthDate;
  await pair('rConfirm', toMalmo, elsewhere);
  await pair('rDecline', toMalmo, elsewhere);
  await pair(
    'rWithdraw',
    async () =>
      transfer(malmo, `/api/children/${await malmoChild()}/transfers`, { municipalityCode: '1281' }),
    elsewhere,
  );
  await pair(
    'r18',
    () => malmoChild({ birthDate: '2009-01-10' }),
    () => sundsvallChild({ birthDate: '2009-01-10' }),
  );
  await pair(
    'r18Reported',
    () => malmoChild({ birthDate: '2009-02-10' }),
    () => sundsvallChild({ birthDate: '2009-02-10' }),
  );
  const decided = await t.request(malmo, 'POST', `/api/children/${ids.r18ReportedOwn ?? ''}/turning-18`, {
    decision: 'continue',
    bestInterests: BEST_INTERESTS,
  });
  if (decided.statusCode !== 201) throw new Error(`turning-18 fixture: ${decided.body}`);
  // Aftercare running: the child turned 18 on 1 November and Malmö continued its responsibility.
  await pair(
    'rAftercare',
    () => malmoChild({ birthDate: '2008-11-01', municipalityCode: '1280', arrivalDate: '2026-10-01' }),
    () => sundsvallChild({ birthDate: '2008-11-01', arrivalDate: '2026-10-01' }),
  );
  for (const [child, code] of [
    [ids.rAftercareOwn ?? '', '1280'],
    [ids.rAftercareOther ?? '', '2281'],
  ] as const) {
    await setState(t, child, 'responsibility', 'continued_after_18');
    await t.database.raw.query(
      `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, reason, owner_organisation_id)
       select $1, $2, 'aftercare', '2026-11-23', '2029-11-01', 'continued_responsibility', owner_organisation_id from responsibility_periods where child_id = $1 limit 1`,
      [child, code],
    );
    await t.database.raw.query(
      `update responsibility_periods set to_date = '2026-11-23', end_reason = 'turned_18' where child_id = $1 and kind = 'assigned'`,
      [child],
    );
  }
  for (const [name, code] of [
    ['rReportOwn', '1280'],
    ['rReportOther', '2281'],
  ] as const) {
    const child = code === '1280' ? ids.rReadOwn : ids.rReadOther;
    const { rows } = await t.database.raw.query<{ id: string }>(
      `insert into change_reports (child_id, municipality_code, change, changed_on, permit_holder, due_on) values ($1, $2, 'absconding', '2026-11-20', false, '2026-12-07') returning id`,
      [child, code],
    );
    ids[name] = rows[0]?.id ?? '';
  }
  return ids;
}

export const responsibilityMatrix: MatrixModule = {
  setup,
  cases: [
    {
      route: 'GET /api/children/:childId/responsibility',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${pick(f, s, 'rRead')}/responsibility` }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [200, 200],
        asylum_officer: [200, 200],
        compensation_officer: [200, 200],
        social_worker: [200, 404],
        unit_manager: [200, 404],
        guardianship_officer: [200, 404],
        god_man: [404, 404],
        health_staff: [200, 404],
      }),
    },
    {
      route: 'POST /api/children/:childId/responsibility/move',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'rMove')}/responsibility/move`,
        body: { movedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['handovers', 'case_events'],
    },
    {
      route: 'POST /api/children/:childId/responsibility/receipt',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'rReceipt')}/responsibility/receipt`,
        body: { acknowledgedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['handovers', 'case_events'],
    },
    {
      route: 'POST /api/children/:childId/transfers',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'rHandOver')}/transfers`,
        body: {
          municipalityCode: '1281',
          reason: 'Barnet flyttar till sin syster',
          proposedFrom: '2026-12-01',
        },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([201, 409]),
      writes: ['responsibility_transfers', 'case_events', 'notifications'],
    },
    {
      route: 'POST /api/transfers',
      build: (f, s) => ({
        method: 'POST',
        url: '/api/transfers',
        // Own: a child of Lund, named by number and birth date (the unit manager then finds a request open: 404).
        // Other: Stockholm's child with another birth date, answered like an unknown number.
        body: {
          dossierNumber: s === 'own' ? (f.extra.rTakeOverDossier ?? '') : OTHER_CHILD,
          birthDate: s === 'own' ? (f.extra.rTakeOverBirthDate ?? '') : '2001-01-01',
          reason: 'Barnets morbror bor i Malmö',
          proposedFrom: '2026-12-01',
        },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([201, 404]),
      writes: ['responsibility_transfers', 'case_events', 'notifications'],
    },
    {
      route: 'GET /api/transfers',
      build: () => ({ method: 'GET', url: '/api/transfers' }),
      noSession: 401,
      expect: SOCIAL_LIST,
    },
    {
      route: 'POST /api/transfers/:transferId/confirm',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/transfers/${pick(f, s, 'rConfirm')}/confirm`,
        body: { transferredOn: '2026-11-23', answerNote: null, bestInterests: BEST_INTERESTS },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: [
        'responsibility_transfers',
        'responsibility_periods',
        'case_events',
        'best_interests_records',
        'change_reports',
        'social_cases',
      ],
    },
    {
      route: 'POST /api/transfers/:transferId/decline',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/transfers/${pick(f, s, 'rDecline')}/decline`,
        body: { answerNote: 'Barnet har sin skola här' },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['case_events', 'notifications'],
    },
    {
      route: 'POST /api/transfers/:transferId/withdraw',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/transfers/${pick(f, s, 'rWithdraw')}/withdraw`,
        body: {},
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['case_events', 'notifications'],
    },
    {
      route: 'POST /api/children/:childId/turning-18',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'r18')}/turning-18`,
        body: { decision: 'continue', bestInterests: BEST_INTERESTS },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([201, 409]),
      writes: ['turning18_decisions', 'responsibility_periods', 'case_events', 'best_interests_records'],
    },
    {
      route: 'POST /api/children/:childId/turning-18/reported',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'r18Reported')}/turning-18/reported`,
        body: { reportedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['turning18_decisions'],
    },
    {
      route: 'POST /api/children/:childId/aftercare/end',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${pick(f, s, 'rAftercare')}/aftercare/end`,
        body: { endedOn: '2026-11-23' },
      }),
      noSession: 401,
      // Once aftercare has ended, Malmö is a former municipality: it may read the section, not change it.
      expect: SOCIAL_WRITE([200, 403]),
      writes: ['responsibility_periods', 'case_events'],
    },
    {
      route: 'GET /api/change-reports',
      build: (_f, s) => ({
        method: 'GET',
        url: `/api/change-reports${s === 'own' ? '' : '?status=all&change=transfer'}`,
      }),
      noSession: 401,
      expect: SOCIAL_LIST,
    },
    {
      route: 'POST /api/change-reports/:reportId/reported',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/change-reports/${pick(f, s, 'rReport')}/reported`,
        body: { reportedOn: '2026-11-23' },
      }),
      noSession: 401,
      expect: SOCIAL_WRITE([200, 409]),
      writes: ['change_reports', 'deadlines'],
    },
  ],
};
