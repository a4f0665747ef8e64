/**
 * The authorization matrix's hand-written cases for the §37a grants (ADR 0028) — see test/support/matrix.ts.
 * Own scope: Malmö's applications under Skåne's call (Amir Karimi applies, Gustav Strand at Länsstyrelsen Skåne
 * decides); other scope: Stockholm's, under Stockholm's call (404 for both). Gustav's county board does not hold the
 * national pot, so the national view and the pot answer him 404 (Jönköping's officer is tested in grants.int.test.ts).
 * `setup` writes one application per step and scope in the status the step starts from.
 */
import type { TestApp } from '../support/app.ts';
import {
  all,
  with_,
  type Case,
  type Expect,
  type Fixture,
  type MatrixModule,
  type Scope,
} from '../support/matrix.ts';
import type { Role } from '../../src/domain/access/roles.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';

interface Start {
  readonly status: string;
  readonly decidedOn?: string;
  readonly interimSubmitted?: boolean;
  readonly interimReceived?: boolean;
}

const STARTS: Record<string, Start> = {
  edit: { status: 'draft' },
  submit: { status: 'draft' },
  assess: { status: 'submitted' },
  decide: { status: 'assessed' },
  pay: { status: 'granted', decidedOn: '2026-11-20' },
  'change-request': { status: 'paid', decidedOn: '2026-11-20' },
  'change-approval': { status: 'change_requested', decidedOn: '2026-11-20' },
  'interim-report': { status: 'paid', decidedOn: '2026-11-20' },
  'interim-report/receipt': { status: 'interim_reported', decidedOn: '2026-11-20', interimSubmitted: true },
  'final-report': {
    status: 'interim_reported',
    decidedOn: '2026-11-20',
    interimSubmitted: true,
    interimReceived: true,
  },
  'final-report/receipt': {
    status: 'final_reported',
    decidedOn: '2026-11-20',
    interimSubmitted: true,
    interimReceived: true,
  },
};

async function setup(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const user = await t.userId('malmo.bidrag');
  for (const [scope, code, county] of [
    ['own', '1280', '12'],
    ['other', '0180', '01'],
  ] as const) {
    for (const [key, start] of Object.entries(STARTS)) {
      const { rows } = await t.database.raw.query<{ id: string }>(
        `insert into grant_applications (call_id, municipality_code, status, title, description, purposes, partners,
           budget, requested_amount, signatory_name, signatory_title, outcome, granted_amount, decided_on,
           interim_report_submitted_on, interim_report_received_on, created_by)
         select c.id, $1, $2, 'Matrisens ansökan', 'Guider', array['networks'], '[]'::jsonb,
           '[{"description":"Samordnare","amount":100000,"costDate":"2026-12-01"}]'::jsonb, 100000, 'Karin Ek',
           'Kommundirektör', $3, $4, $5, $6, $7, $8
           from grant_calls c where c.county_code = $9 and c.year = 2026
         returning id`,
        [
          code,
          start.status,
          start.decidedOn === undefined ? null : 'granted',
          start.decidedOn === undefined ? null : 100_000,
          start.decidedOn ?? null,
          start.interimSubmitted === true ? '2026-11-21' : null,
          start.interimReceived === true ? '2026-11-22' : null,
          user,
          county,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) throw new Error(`grants matrix setup: no call in ${county}`);
      ids[`grant:${key}:${scope}`] = id;
    }
  }
  return ids;
}

const id = (f: Fixture, key: string, s: Scope) => x(f, `grant:${key}:${s}`);
const only = (role: Role, expect: Expect) => with_(all(403), { [role]: expect });
const WRITES = ['grant_applications', 'grant_application_events'];

const BODIES: Record<string, Record<string, unknown>> = {
  edit: {
    title: 'Matrisens ansökan, ändrad',
    description: 'Guider',
    purposes: ['networks'],
    partners: [],
    budget: [{ description: 'Samordnare', amount: 100_000, costDate: '2026-12-01' }],
    signatoryName: 'Karin Ek',
    signatoryTitle: 'Kommundirektör',
  },
  submit: {},
  assess: { assessment: 'Uppfyller villkoren enligt utlysningen.' },
  decide: { outcome: 'refused', amount: 0, reasons: 'Andra ansökningar svarar bättre mot prioriteringarna.' },
  pay: { paidOn: '2026-11-23' },
  'change-request': { description: 'Aktiviteterna flyttas till kvällstid.' },
  'change-approval': {},
  'interim-report': { report: 'Delrapport: tio matchningar hittills.' },
  'interim-report/receipt': {},
  'final-report': { report: 'Slutrapport: arton matchningar totalt.' },
  'final-report/receipt': {},
};
const BY: Record<string, Role> = {
  edit: 'grant_applicant',
  submit: 'grant_applicant',
  assess: 'grant_officer',
  decide: 'grant_officer',
  pay: 'grant_officer',
  'change-request': 'grant_applicant',
  'change-approval': 'grant_officer',
  'interim-report': 'grant_applicant',
  'interim-report/receipt': 'grant_officer',
  'final-report': 'grant_applicant',
  'final-report/receipt': 'grant_officer',
};

const stepCases: Case[] = Object.keys(STARTS)
  .filter((key) => key !== 'edit')
  .map((key) => ({
    route: `POST /api/grants/applications/:applicationId/${key}`,
    build: (f, s) => ({
      method: 'POST',
      url: `/api/grants/applications/${id(f, key, s)}/${key}`,
      body: { ...BODIES[key], expectedVersion: 1 },
    }),
    noSession: 401,
    expect: only(BY[key] ?? 'grant_officer', [200, 404]),
    writes: WRITES,
  }));

const cases: readonly Case[] = [
  {
    route: 'GET /api/grants/applications',
    build: () => ({ method: 'GET', url: '/api/grants/applications' }),
    noSession: 401,
    expect: only('grant_applicant', [200, 200]),
  },
  {
    // Own: this year's call in Skåne. Other: a year without a call (the applicant applies only to its own county).
    route: 'POST /api/grants/applications',
    build: (_f, s) => ({
      method: 'POST',
      url: '/api/grants/applications',
      body: { ...BODIES.edit, year: s === 'own' ? 2026 : 2031 },
    }),
    noSession: 401,
    expect: only('grant_applicant', [201, 422]),
    writes: WRITES,
  },
  {
    route: 'PUT /api/grants/applications/:applicationId',
    build: (f, s) => ({
      method: 'PUT',
      url: `/api/grants/applications/${id(f, 'edit', s)}`,
      body: { ...BODIES.edit, expectedVersion: 1 },
    }),
    noSession: 401,
    expect: only('grant_applicant', [200, 404]),
    writes: WRITES,
  },
  ...stepCases,
  {
    route: 'GET /api/grants/county',
    build: (_f, s) => ({ method: 'GET', url: `/api/grants/county?year=${s === 'own' ? 2026 : 2025}` }),
    noSession: 401,
    expect: only('grant_officer', [200, 200]),
  },
  {
    // The officer's own county's call only: there is no other county's call to reach.
    route: 'PUT /api/grants/calls/:year',
    build: (_f, s) => ({
      method: 'PUT',
      url: `/api/grants/calls/${s === 'own' ? 2027 : 2028}`,
      body: {
        opensOn: s === 'own' ? '2027-02-15' : '2028-02-15',
        deadline: s === 'own' ? '2027-05-03' : '2028-05-03',
        priorities: 'Språkinlärning',
        interimReportDueOn: s === 'own' ? '2027-12-31' : '2028-12-31',
        finalReportDueOn: s === 'own' ? '2028-06-30' : '2029-06-30',
      },
    }),
    noSession: 401,
    expect: only('grant_officer', [200, 200]),
    writes: ['grant_calls'],
  },
  {
    route: 'GET /api/grants/national',
    build: () => ({ method: 'GET', url: '/api/grants/national' }),
    noSession: 401,
    expect: only('grant_officer', [404, 404]),
  },
  {
    route: 'PUT /api/grants/national/:year',
    build: () => ({
      method: 'PUT',
      url: '/api/grants/national/2026',
      body: { amount: 1, allotments: [] },
    }),
    noSession: 401,
    expect: only('grant_officer', [404, 404]),
    writes: ['grant_pots', 'grant_allotments'],
  },
];

export const grantsMatrix: MatrixModule = { setup, cases };
