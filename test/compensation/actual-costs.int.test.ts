/**
 * Education and a special custodian's costs in the municipality's view and claims (issue 14 points 3–5, ADR 0038),
 * on both engines: an asylum-seeking child of Malmö's in school gives UTBILDNING (a tenth of the annual amount per
 * started four-week period) in the view and the claim; a child of Malmö's whose custody moved to a special custodian
 * gives SFV_KOSTNAD days, the cost the finance officer states, the court's judgment on the child's first SFV claim
 * only; the Agency reduces the cost with a reason; the database freezes the stated cost and refuses a line added to a
 * submitted claim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild, aPeriod } from './fixtures.ts';

let t: TestApp;
let finance: Session;
let agency: Session;
let pupil = '';
let custodied = '';

interface Line {
  id: string;
  childId: string;
  code: string;
  quarter: string;
  count: number;
  amount: number;
  amountStated: boolean;
  statedAmount: number | null;
  attachmentRequired: boolean;
  attachmentKind: string | null;
}
interface Claim {
  id: string;
  status: string;
  claimed: number;
  lines: Line[];
  candidates: { childId: string; code: string; quarter: string; count: number; amount: number }[];
  decision: string[] | null;
  version: number;
}
interface Refusal {
  error: { code: string; fields: { field: string; code: string }[] };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const claimUrl = (id: string, rest = '') => `/api/compensation/claims/${id}${rest}`;
const refusal = (res: { json: <T>() => T }) => res.json<Refusal>().error;

async function placement(childId: string, form: string, from: string, to: string | null) {
  await t.database.raw.query(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
     select $1, '1280', p.id, $2, 'SoL', $3, $4, (select id from users where subject = 'dev:sara.lind')
     from placement_providers p where p.municipality_code = '1280' order by p.name limit 1`,
    [childId, form, from, to],
  );
}

/** A draft for the quarters holding only the child's lines. */
async function draftFor(quarters: string[], childId: string): Promise<Claim> {
  const made = await t.request(finance, 'POST', '/api/compensation/claims', { quarters });
  expect(made.statusCode, made.body).toBe(201);
  const draft = made.json<Claim>();
  const wanted = [...draft.lines, ...draft.candidates].filter((l) => l.childId === childId);
  const put = await t.request(finance, 'PUT', claimUrl(draft.id, '/lines'), {
    lines: wanted.map((l) => ({ childId: l.childId, code: l.code, quarter: l.quarter })),
    expectedVersion: draft.version,
  });
  expect(put.statusCode, put.body).toBe(200);
  return put.json<Claim>();
}

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.login('malmo.ekonomi');
  agency = await t.login('eva.strom');
  const recorder = "(select id from users where subject = 'dev:sara.lind')";
  // An asylum-seeking child of Malmö's in grundskola from Monday 7 September 2026: 3 periods in 2026-Q3 begun
  // 7 Sep (and 5 Oct, 2 Nov in Q4).
  pupil = await aChild(t, '99970001', '2012-01-15');
  await aPeriod(t, pupil, '1280', '2026-06-01', null);
  await placement(pupil, 'hvb', '2026-06-01', null);
  await t.database.raw.query(
    `insert into school_enrolments (child_id, municipality_code, school, programme, enrolled_on, started_on,
       recorded_by) values ($1, '1280', 'Rosengårdsskolan', 'grundskola', '2026-09-01', '2026-09-07', ${recorder})`,
    [pupil],
  );
  // A child in a Malmö family home from 2025 whose custody moved to the family-home parents, final 1 May 2026.
  custodied = await aChild(t, '99970002', '2013-03-03');
  await aPeriod(t, custodied, '1280', '2025-01-10', '2026-05-01');
  await placement(custodied, 'familjehem', '2025-01-10', '2026-05-01');
  await t.database.raw.query(
    `insert into sfv_cases (child_id, municipality_code, status, applied_on, court, custodian_name, decided_on,
       final_on, recorded_by)
     values ($1, '1280', 'appointed', '2026-02-01', 'Malmö tingsrätt', 'Familjen Persson', '2026-04-08',
       '2026-05-01', ${recorder})`,
    [custodied],
  );
});
afterAll(async () => t.close());

describe('education of an asylum-seeking child', () => {
  it("shows in the quarter's view per started four-week period, and is explained with its school form", async () => {
    const view = await t.request(finance, 'GET', '/api/compensation?quarter=2026-Q3');
    expect(view.statusCode).toBe(200);
    const child = view
      .json<{ children: { childId: string; lines: { code: string; count: number; amount: number }[] }[] }>()
      .children.find((c) => c.childId === pupil);
    expect(child?.lines.find((l) => l.code === 'UTBILDNING')).toEqual({
      code: 'UTBILDNING',
      claimKind: 'applied_for',
      count: 1,
      amount: 10_480,
    });
    const explained = await t.request(finance, 'GET', `/api/compensation/children/${pupil}?quarter=2026-Q3`);
    expect(explained.statusCode, explained.body).toBe(200);
    expect(
      explained
        .json<{ runs: { code: string; schoolForm: string | null }[] }>()
        .runs.find((r) => r.code === 'UTBILDNING'),
    ).toMatchObject({
      firstDay: '2026-09-07',
      lastDay: '2026-10-04',
      schoolForm: 'grundskola',
      rate: 10_480,
    });
  });

  it('is claimed and submitted as computed; its amount is not the officer to state', async () => {
    const claim = await draftFor(['2026-Q3'], pupil);
    const line = claim.lines.find((l) => l.code === 'UTBILDNING');
    expect(line).toMatchObject({ count: 1, amount: 10_480, amountStated: false, attachmentRequired: false });
    const stated = await t.request(finance, 'PUT', claimUrl(claim.id, `/lines/${line?.id ?? ''}/amount`), {
      statedAmount: 20_000,
      expectedVersion: claim.version,
    });
    expect(stated.statusCode).toBe(422);
    expect(refusal(stated).fields[0]?.code).toBe('claim_amount_computed');
    const submitted = await t.request(finance, 'POST', claimUrl(claim.id, '/submit'), {
      expectedVersion: claim.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Claim>().claimed).toBe(claim.claimed);
  });
});

describe("a special custodian's costs", () => {
  let first: Claim;

  it('shows the days from the judgment becoming final, the cost stated in the claim', async () => {
    const view = await t.request(finance, 'GET', '/api/compensation?quarter=2026-Q2');
    const child = view
      .json<{ children: { childId: string; lines: { code: string; count: number; amount: number }[] }[] }>()
      .children.find((c) => c.childId === custodied);
    // April under the family-home placement (the schablon), then the special custodian from 1 May.
    expect(child?.lines).toContainEqual({
      code: 'SFV_KOSTNAD',
      claimKind: 'applied_for',
      count: 61,
      amount: 0,
    });
    expect(view.json<{ warnings: { childId: string }[] }>().warnings.map((w) => w.childId)).not.toContain(
      custodied,
    );
  });

  it("refuses a submission without the stated cost and the court's judgment, naming the line", async () => {
    first = await draftFor(['2026-Q2'], custodied);
    const line = first.lines[0];
    expect(line).toMatchObject({
      code: 'SFV_KOSTNAD',
      count: 61,
      amount: 0,
      amountStated: true,
      statedAmount: null,
      attachmentKind: 'court_judgment',
    });
    const res = await t.request(finance, 'POST', claimUrl(first.id, '/submit'), {
      expectedVersion: first.version,
    });
    expect(res.statusCode).toBe(422);
    expect(refusal(res).fields).toEqual([
      expect.objectContaining({
        field: `lines.${line?.id ?? ''}.statedAmount`,
        code: 'claim_amount_required',
      }),
      expect.objectContaining({
        field: `lines.${line?.id ?? ''}.attachment`,
        code: 'claim_attachment_required',
      }),
    ]);
  });

  it('takes the stated cost in whole kronor above zero, and the judgment; then submits it frozen', async () => {
    const line = first.lines[0];
    const url = claimUrl(first.id, `/lines/${line?.id ?? ''}/amount`);
    for (const statedAmount of [0, -5, 12.5, '45000'])
      expect(
        (await t.request(finance, 'PUT', url, { statedAmount, expectedVersion: first.version })).statusCode,
      ).toBe(400);
    const stated = await t.request(finance, 'PUT', url, {
      statedAmount: 45_000,
      expectedVersion: first.version,
    });
    expect(stated.statusCode, stated.body).toBe(200);
    first = stated.json<Claim>();
    expect(first.lines[0]).toMatchObject({ statedAmount: 45_000, amount: 45_000 });
    expect(first.claimed).toBe(45_000);
    const attached = await t.request(
      finance,
      'POST',
      claimUrl(first.id, `/lines/${line?.id ?? ''}/attachment`),
      {
        fileName: 'dom-sfv.pdf',
        mediaType: 'application/pdf',
        contentBase64: PDF,
        expectedVersion: first.version,
      },
    );
    expect(attached.statusCode, attached.body).toBe(200);
    const submitted = await t.request(finance, 'POST', claimUrl(first.id, '/submit'), {
      expectedVersion: attached.json<Claim>().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    first = submitted.json<Claim>();
    expect(first.lines[0]).toMatchObject({ amount: 45_000, count: 61 });
    const { rows } = await t.database.raw.query<{ claimed_amount: string; stated_amount: string }>(
      'select claimed_amount, stated_amount from compensation_claim_lines where claim_id = $1',
      [first.id],
    );
    expect(rows.map((r) => [Number(r.claimed_amount), Number(r.stated_amount)])).toEqual([[45_000, 45_000]]);
  });

  it('is frozen by the database: the stated cost does not change, and no line joins the submitted claim', async () => {
    await expect(
      t.database.raw.query('update compensation_claim_lines set stated_amount = 90000 where claim_id = $1', [
        first.id,
      ]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.database.raw.query(
        `insert into compensation_claim_lines (claim_id, child_id, code, quarter) values ($1, $2, 'UTBILDNING', '2026-Q2')`,
        [first.id, pupil],
      ),
    ).rejects.toThrow(/frozen/);
  });

  it("needs no judgment on the child's next SFV claim, once the first has carried it to the Agency", async () => {
    const next = await draftFor(['2026-Q3'], custodied);
    expect(next.lines[0]).toMatchObject({ code: 'SFV_KOSTNAD', count: 92, attachmentKind: null });
    const stated = await t.request(
      finance,
      'PUT',
      claimUrl(next.id, `/lines/${next.lines[0]?.id ?? ''}/amount`),
      {
        statedAmount: 60_000,
        expectedVersion: next.version,
      },
    );
    const submitted = await t.request(finance, 'POST', claimUrl(next.id, '/submit'), {
      expectedVersion: stated.json<Claim>().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('is reduced by the Agency as not reasonable; the decision rests on förordningen (2010:1122)', async () => {
    const review = await t.request(agency, 'GET', `/api/compensation/review/${first.id}`);
    expect(review.statusCode).toBe(200);
    const line = review.json<Claim>().lines[0];
    expect(line).toMatchObject({ amountStated: true, amount: 45_000 });
    const decided = await t.request(
      agency,
      'POST',
      `/api/compensation/review/${first.id}/lines/${line?.id ?? ''}/decision`,
      {
        outcome: 'reduced',
        grantedAmount: 40_000,
        reason: 'cost_not_reasonable',
        reasonText: '',
        expectedVersion: review.json<Claim>().version,
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const decision = decided.json<Claim>().decision ?? [];
    expect(decision.join('\n')).toContain(
      'kostnad för barn hos särskilt förordnad vårdnadshavare, 2026-Q2, 61 dygn: Beviljas delvis 40 000 kr av sökta 45 000 kr.',
    );
    expect(decision.join('\n')).toContain(
      'förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar.',
    );
  });
});
