/**
 * The authorization matrix's cases for the supervision of the guardianship authorities (ADR 0027). Own scope: an
 * inspection of Malmö's guardianship authority, which the Skåne county board supervises (Ingrid Malm's) and Per Ek
 * works at; other scope: one of Sundsvall's joint authority (Västernorrland's board supervises it) — 404 for both.
 * Each step has an inspection of its own in the state the step needs, so the one role that may take it takes it
 * once (200/201); every other role lacks the permission (403).
 */
import type { TestApp } from '../support/app.ts';
import {
  all,
  NO_SUCH,
  with_,
  type Case,
  type Fixture,
  type MatrixModule,
  type Scope,
} from '../support/matrix.ts';
import { aGodManFile, anInspection, supervisionIds } from './fixtures.ts';

const WRITES = [
  'supervision_inspections',
  'supervision_sample_files',
  'supervision_findings',
  'supervision_actions',
];
const x = (f: Fixture, key: string): string => f.extra[key] ?? '';
const TODAY = '2026-11-23';

async function setup(t: TestApp): Promise<Record<string, string>> {
  const ids = await supervisionIds(t);
  const file = await aGodManFile(t, ids.malmoAuthority, '79300001');
  const own = (values: Parameters<typeof anInspection>[3]) =>
    anInspection(t, ids, ids.malmoAuthority, values);
  const open = await own({ state: 'in_progress', sampledOn: '2026-11-10', sampleSeed: 1, samplePool: 1 });
  await t.database.raw.query(
    `insert into supervision_sample_files (inspection_id, file_kind, file_id, child_id, position) values ($1, 'god_man', $2, $3, 0)`,
    [open, file.id, file.childId],
  );
  const withAction = await own({
    state: 'response_received',
    sampledOn: '2026-11-03',
    reportSentOn: '2026-11-05',
    response: 'Rutinerna ses över.',
    respondedOn: '2026-11-10',
  });
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into supervision_actions (inspection_id, description, deadline) values ($1, 'Ny rutin för årsräkningar', '2026-12-31') returning id`,
    [withAction],
  );
  return {
    'sup.authority': ids.malmoAuthority,
    'sup.otherAuthority': ids.sundsvallAuthority,
    'sup.planned': await own({ state: 'planned' }),
    'sup.open': open,
    'sup.file': file.id,
    'sup.findings': await own({ state: 'in_progress', sampledOn: '2026-11-10' }),
    'sup.report': await own({ state: 'in_progress', sampledOn: '2026-11-10' }),
    'sup.sent': await own({ state: 'report_sent', sampledOn: '2026-11-03', reportSentOn: '2026-11-05' }),
    'sup.withAction': withAction,
    'sup.action': rows[0]?.id ?? '',
    'sup.closable': await own({
      state: 'response_received',
      sampledOn: '2026-11-03',
      reportSentOn: '2026-11-05',
      response: 'Inga åtgärder behövs.',
      respondedOn: '2026-11-10',
    }),
    'sup.other': await anInspection(t, ids, ids.sundsvallAuthority, {
      state: 'report_sent',
      sampledOn: '2026-11-03',
      reportSentOn: '2026-11-05',
    }),
  };
}

const INSPECTOR = with_(all(403), { supervision_inspector: [200, 404] });
const OFFICER = with_(all(403), { guardianship_officer: [200, 404] });
const inspection = (f: Fixture, s: Scope, own: string) => (s === 'own' ? x(f, own) : x(f, 'sup.other'));

const cases: Case[] = [
  {
    route: 'GET /api/supervision/plan',
    build: () => ({ method: 'GET', url: '/api/supervision/plan?year=2026' }),
    noSession: 401,
    expect: with_(all(403), { supervision_inspector: [200, 200] }),
  },
  {
    route: 'POST /api/supervision/inspections',
    build: (f, s) => ({
      method: 'POST',
      url: '/api/supervision/inspections',
      body: {
        kind: 'ad_hoc',
        authorityId: s === 'own' ? x(f, 'sup.authority') : x(f, 'sup.otherAuthority'),
        plannedOn: '2026-12-01',
        trigger: 'media',
        triggerNote: 'Uppgifter i lokalpressen om sena årsräkningar',
      },
    }),
    noSession: 401,
    expect: with_(all(403), { supervision_inspector: [201, 404] }),
    writes: WRITES,
  },
  {
    route: 'GET /api/supervision/inspections/:inspectionId',
    build: (f, s) => ({ method: 'GET', url: `/api/supervision/inspections/${inspection(f, s, 'sup.open')}` }),
    noSession: 401,
    expect: INSPECTOR,
  },
  {
    route: 'POST /api/supervision/inspections/:inspectionId/sample',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/inspections/${inspection(f, s, 'sup.planned')}/sample`,
      body: { size: 5 },
    }),
    noSession: 401,
    expect: INSPECTOR,
    writes: WRITES,
  },
  {
    route: 'GET /api/supervision/inspections/:inspectionId/files/:fileId',
    build: (f, s) => ({
      method: 'GET',
      url: `/api/supervision/inspections/${inspection(f, s, 'sup.open')}/files/${s === 'own' ? x(f, 'sup.file') : NO_SUCH}`,
    }),
    noSession: 401,
    expect: INSPECTOR,
  },
  {
    route: 'POST /api/supervision/inspections/:inspectionId/findings',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/inspections/${inspection(f, s, 'sup.findings')}/findings`,
      body: {
        level: 'criticism',
        title: 'Årsräkningar granskas sent',
        description: 'Tre av fem årsräkningar var granskade först efter sex månader.',
        fileId: null,
      },
    }),
    noSession: 401,
    expect: INSPECTOR,
    writes: WRITES,
  },
  {
    route: 'POST /api/supervision/inspections/:inspectionId/report',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/inspections/${inspection(f, s, 'sup.report')}/report`,
      body: { sentOn: TODAY },
    }),
    noSession: 401,
    expect: INSPECTOR,
    writes: WRITES,
  },
  {
    route: 'POST /api/supervision/inspections/:inspectionId/close',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/inspections/${inspection(f, s, 'sup.closable')}/close`,
      body: { closedOn: TODAY },
    }),
    noSession: 401,
    expect: INSPECTOR,
    writes: WRITES,
  },
  {
    route: 'GET /api/supervision/reports',
    build: () => ({ method: 'GET', url: '/api/supervision/reports' }),
    noSession: 401,
    expect: with_(all(403), { guardianship_officer: [200, 200] }),
  },
  {
    route: 'GET /api/supervision/reports/:inspectionId',
    build: (f, s) => ({ method: 'GET', url: `/api/supervision/reports/${inspection(f, s, 'sup.sent')}` }),
    noSession: 401,
    expect: OFFICER,
  },
  {
    route: 'POST /api/supervision/reports/:inspectionId/response',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/reports/${inspection(f, s, 'sup.sent')}/response`,
      body: {
        respondedOn: TODAY,
        response: 'Nämnden har antagit en ny rutin.',
        actions: [{ description: 'Utbilda handläggarna', deadline: '2027-02-01' }],
      },
    }),
    noSession: 401,
    expect: OFFICER,
    writes: WRITES,
  },
  {
    route: 'POST /api/supervision/reports/:inspectionId/actions/:actionId/done',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/supervision/reports/${inspection(f, s, 'sup.withAction')}/actions/${x(f, 'sup.action')}/done`,
      body: { doneOn: TODAY },
    }),
    noSession: 401,
    expect: OFFICER,
    writes: WRITES,
  },
];

export const supervisionMatrix: MatrixModule = { setup, cases };
