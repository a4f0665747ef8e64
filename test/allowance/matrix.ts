/**
 * The authorization matrix's hand-written cases for the child's special grant (ADR 0033) — see test/support/matrix.ts.
 * Own scope: Birgitta Sjö's ward (OWN_CHILD); other scope: a child she is not god man for (OTHER_CHILD), 404 for her.
 * The Migration Agency's compensation officer reaches every child (its minimal view), so both scopes answer 200.
 * `setup` writes one application per step and scope in the status the step starts from.
 */
import type { TestApp } from '../support/app.ts';
import {
  all,
  child,
  with_,
  type Case,
  type Fixture,
  type MatrixModule,
  type Scope,
} from '../support/matrix.ts';

const STARTS = {
  submit: { status: 'draft', outcome: null },
  decide: { status: 'submitted', outcome: null },
  pay: { status: 'granted', outcome: 'granted' },
} as const;

async function setup(t: TestApp, base: Fixture): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const godMan = await t.userId('birgitta.sjo');
  for (const scope of ['own', 'other'] as const) {
    for (const [key, start] of Object.entries(STARTS)) {
      const decided = start.outcome !== null;
      const { rows } = await t.database.raw.query<{ id: string }>(
        `insert into special_grant_applications (child_id, status, need, description, applied_amount, applied_by,
           applied_on, submitted_on, outcome, granted_amount, decided_on)
         values ($1, $2, 'glasses', '', 1200, $3, '2026-11-16', $4, $5, $6, $7) returning id`,
        [
          child(base, scope),
          start.status,
          godMan,
          start.status === 'draft' ? null : '2026-11-17',
          start.outcome,
          decided ? 1200 : null,
          decided ? '2026-11-20' : null,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('special grant matrix setup: no row');
      ids[`special_grant:${key}:${scope}`] = id;
    }
  }
  return ids;
}

const id = (f: Fixture, key: string, s: Scope) => f.extra[`special_grant:${key}:${s}`] ?? '';
const WRITES = ['special_grant_applications'];

const BODIES: Record<keyof typeof STARTS, Record<string, unknown>> = {
  submit: {},
  decide: { outcome: 'refused', grantedAmount: null, reason: 'Behovet täcks av dagersättningen.' },
  pay: { paidOn: '2026-11-23' },
};

const stepCases: Case[] = (['submit', 'decide', 'pay'] as const).map((key) => ({
  route: `POST /api/special-grants/:applicationId/${key}`,
  build: (f, s) => ({
    method: 'POST',
    url: `/api/special-grants/${id(f, key, s)}/${key}`,
    body: { ...BODIES[key], expectedVersion: 1 },
  }),
  noSession: 401,
  expect:
    key === 'submit'
      ? with_(all(403), { god_man: [200, 404] })
      : with_(all(403), { compensation_officer: [200, 200] }),
  writes: WRITES,
}));

const cases: readonly Case[] = [
  {
    route: 'GET /api/children/:childId/special-grants',
    build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/special-grants` }),
    noSession: 401,
    expect: with_(all(403), { god_man: [200, 404] }),
  },
  {
    route: 'POST /api/children/:childId/special-grants',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/children/${child(f, s)}/special-grants`,
      body: { need: 'winter_clothes', description: 'Saknar vinterjacka.', amount: 1500 },
    }),
    noSession: 401,
    expect: with_(all(403), { god_man: [201, 404] }),
    writes: WRITES,
  },
  ...stepCases,
  {
    route: 'GET /api/special-grants',
    build: () => ({ method: 'GET', url: '/api/special-grants' }),
    noSession: 401,
    expect: with_(all(403), { compensation_officer: [200, 200] }),
  },
];

export const allowanceMatrix: MatrixModule = { setup, cases };
