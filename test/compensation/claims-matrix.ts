/**
 * The authorization matrix's cases for the municipality's claims and the Agency's review (ADR 0034). The claims are
 * the finance officer's (own scope: Malmö's claims; other scope: Lund's, 404); the review is the compensation
 * officer's and reaches every municipality (both scopes 200); everyone else 403. `setup` writes one claim per route
 * and scope in the status the route starts from; the draft to submit is made through the API, so its lines are the
 * ones Anvisa computes.
 */
import type { TestApp } from '../support/app.ts';
import { all, with_, type Case, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const CODE = { own: '1280', other: '1281' } as const;
const WRITES = ['compensation_claims', 'compensation_claim_lines', 'compensation_claim_attachments'];

async function setup(t: TestApp, base: Fixture): Promise<Record<string, string>> {
  const officer = await t.userId('malmo.ekonomi');
  const eva = await t.userId('eva.strom');
  const one = async (text: string, values: unknown[]) =>
    (await t.database.raw.query<{ id: string }>(text, values)).rows[0]?.id ?? '';
  const attachment = (code: string) =>
    one(
      `insert into compensation_claim_attachments (municipality_code, file_name, media_type, size_bytes, sha256,
         content, uploaded_by) values ($1, 'lvu-beslut.pdf', 'application/pdf', 15, 'x', decode($2, 'base64'), $3)
       returning id`,
      [code, PDF, officer],
    );
  const claim = async (code: string, status: 'draft' | 'submitted' | 'decided', file: string | null) => {
    const submitted = status === 'draft' ? null : '2026-10-05';
    const id = await one(
      `insert into compensation_claims (municipality_code, chain_id, version_no, first_quarter, last_quarter,
         last_day, status, created_by, created_on)
       values ($1, gen_random_uuid(), 1, '2026-Q2', '2026-Q2', '2027-01-04', 'draft', $2, '2026-10-01')
       returning id`,
      [code, officer],
    );
    const decided = status === 'decided';
    await t.database.raw.query(
      `insert into compensation_claim_lines (claim_id, child_id, code, quarter, attachment_id, claimed_count,
         claimed_amount, outcome, granted_amount, reason, decided_on, decided_by)
       values ($1, $2, 'ANKOMST_DYGN', '2026-Q2', $3, $4, $5, $6, $7, null, $8, $9)`,
      [
        id,
        base.ownChild,
        file,
        status === 'draft' ? null : 3,
        status === 'draft' ? null : 9000,
        decided ? 'granted' : null,
        decided ? 9000 : null,
        decided ? '2026-11-01' : null,
        decided ? eva : null,
      ],
    );
    // Lines join a draft only (a trigger): the claim takes its status once its line is in.
    if (status !== 'draft')
      await t.database.raw.query(
        `update compensation_claims set status = $2, submitted_on = $3, submitted_by = $4, decided_on = $5,
           decided_by = $6 where id = $1`,
        [
          id,
          status,
          submitted,
          officer,
          status === 'decided' ? '2026-11-01' : null,
          status === 'decided' ? eva : null,
        ],
      );
    const line = await one('select id from compensation_claim_lines where claim_id = $1', [id]);
    return { id, line };
  };
  const ids: Record<string, string> = {};
  // The draft to submit: Malmö's 2026-Q3 through the API, with the lines the demo's facts give.
  const session = await t.login('malmo.ekonomi');
  const made = await t.request(session, 'POST', '/api/compensation/claims', { quarters: ['2026-Q3'] });
  ids['submit:own'] = made.json<{ id: string }>().id;
  ids['submit:other'] = (await claim(CODE.other, 'draft', null)).id;
  for (const scope of ['own', 'other'] as const) {
    const code = CODE[scope];
    const draft = await claim(code, 'draft', null);
    ids[`draft:${scope}`] = draft.id;
    ids[`draftLine:${scope}`] = draft.line;
    const amountDraft = await claim(code, 'draft', null);
    ids[`amount:${scope}`] = amountDraft.id;
    ids[`amountLine:${scope}`] = amountDraft.line;
    ids[`read:${scope}`] = (await claim(code, 'draft', null)).id;
    ids[`lines:${scope}`] = (await claim(code, 'draft', null)).id;
    ids[`versions:${scope}`] = (await claim(code, 'submitted', null)).id;
    ids[`file:${scope}`] = await attachment(code);
    const withFile = await attachment(code);
    ids[`review:${scope}`] = (await claim(code, 'submitted', withFile)).id;
    ids[`reviewFile:${scope}`] = withFile;
    const decide = await claim(code, 'submitted', null);
    ids[`decide:${scope}`] = decide.id;
    ids[`decideLine:${scope}`] = decide.line;
    ids[`pay:${scope}`] = (await claim(code, 'decided', null)).id;
  }
  return ids;
}

const x = (f: Fixture, key: string, s: Scope) => f.extra[`${key}:${s}`] ?? '';
const finance = (own: number) => with_(all(403), { finance_officer: [own, 404] });
const agency = with_(all(403), { compensation_officer: [200, 200] });
const claims = (f: Fixture, key: string, s: Scope, rest = '') =>
  `/api/compensation/claims/${x(f, key, s)}${rest}`;

const cases: readonly Case[] = [
  {
    route: 'GET /api/compensation/claims',
    build: () => ({ method: 'GET', url: '/api/compensation/claims' }),
    noSession: 401,
    expect: with_(all(403), { finance_officer: [200, 200] }),
  },
  {
    route: 'POST /api/compensation/claims',
    build: () => ({ method: 'POST', url: '/api/compensation/claims', body: { quarters: ['2026-Q3'] } }),
    noSession: 401,
    expect: with_(all(403), { finance_officer: [201, 201] }),
    writes: WRITES,
  },
  {
    route: 'GET /api/compensation/claims/:claimId',
    build: (f, s) => ({ method: 'GET', url: claims(f, 'read', s) }),
    noSession: 401,
    expect: finance(200),
  },
  {
    route: 'PUT /api/compensation/claims/:claimId/lines',
    build: (f, s) => ({
      method: 'PUT',
      url: claims(f, 'lines', s, '/lines'),
      body: { lines: [], expectedVersion: 1 },
    }),
    noSession: 401,
    expect: finance(200),
    writes: WRITES,
  },
  {
    route: 'POST /api/compensation/claims/:claimId/lines/:lineId/attachment',
    build: (f, s) => ({
      method: 'POST',
      url: claims(f, 'draft', s, `/lines/${x(f, 'draftLine', s)}/attachment`),
      body: {
        fileName: 'lvu-beslut.pdf',
        mediaType: 'application/pdf',
        contentBase64: PDF,
        expectedVersion: 1,
      },
    }),
    noSession: 401,
    expect: finance(200),
    writes: WRITES,
  },
  {
    route: 'PUT /api/compensation/claims/:claimId/lines/:lineId/amount',
    // The matrix's draft line is an arrival line, whose amount Anvisa computes: the finance officer reaches it (422,
    // the refusal names the computed amount) and another municipality's is 404.
    build: (f, s) => ({
      method: 'PUT',
      url: claims(f, 'amount', s, `/lines/${x(f, 'amountLine', s)}/amount`),
      body: { statedAmount: 45_000, expectedVersion: 1 },
    }),
    noSession: 401,
    expect: finance(422),
    writes: WRITES,
  },
  {
    route: 'POST /api/compensation/claims/:claimId/submit',
    build: (f, s) => ({
      method: 'POST',
      url: claims(f, 'submit', s, '/submit'),
      body: { expectedVersion: 1 },
    }),
    noSession: 401,
    expect: finance(200),
    writes: WRITES,
  },
  {
    route: 'POST /api/compensation/claims/:claimId/versions',
    build: (f, s) => ({
      method: 'POST',
      url: claims(f, 'versions', s, '/versions'),
      body: { expectedVersion: 1 },
    }),
    noSession: 401,
    expect: finance(201),
    writes: WRITES,
  },
  {
    route: 'GET /api/compensation/claim-attachments/:attachmentId',
    build: (f, s) => ({ method: 'GET', url: `/api/compensation/claim-attachments/${x(f, 'file', s)}` }),
    noSession: 401,
    expect: finance(200),
  },
  {
    route: 'GET /api/compensation/review',
    build: () => ({ method: 'GET', url: '/api/compensation/review' }),
    noSession: 401,
    expect: agency,
  },
  {
    route: 'GET /api/compensation/review/:claimId',
    build: (f, s) => ({ method: 'GET', url: `/api/compensation/review/${x(f, 'review', s)}` }),
    noSession: 401,
    expect: agency,
  },
  {
    route: 'POST /api/compensation/review/:claimId/lines/:lineId/decision',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/compensation/review/${x(f, 'decide', s)}/lines/${x(f, 'decideLine', s)}/decision`,
      body: { outcome: 'granted', grantedAmount: null, reason: null, reasonText: '', expectedVersion: 1 },
    }),
    noSession: 401,
    expect: agency,
    writes: WRITES,
  },
  {
    route: 'POST /api/compensation/review/:claimId/payment',
    build: (f, s) => ({
      method: 'POST',
      url: `/api/compensation/review/${x(f, 'pay', s)}/payment`,
      body: { paidOn: '2026-11-20', reference: 'UB-1', expectedVersion: 1 },
    }),
    noSession: 401,
    expect: agency,
    writes: WRITES,
  },
  {
    route: 'GET /api/compensation/review/attachments/:attachmentId',
    build: (f, s) => ({
      method: 'GET',
      url: `/api/compensation/review/attachments/${x(f, 'reviewFile', s)}`,
    }),
    noSession: 401,
    expect: agency,
  },
];

export const claimsMatrix: MatrixModule = { setup, cases };
