/**
 * The municipality's claims and the Agency's review (issue 14 points 4–5, ADR 0034), on both engines: Malmö's finance
 * officer drafts a claim for 2026-Q3 from the lines Anvisa computes (arrival days of a child who went on to Lund, the
 * LVU cost above the schablon of a child of Malmö's), attaches the LVU decision, submits (amounts frozen), corrects
 * it as a new version; the Agency's officer decides each line with a coded reason and records the payment; the
 * municipality reads the decision. The last day's boundary, the quarters, another municipality's claim, the frozen
 * rows (by the routes and by the database), the attachment's type and the payment before a decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_NOW, startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let finance: Session;
let agency: Session;
let arrived = '';
let lvuChild = '';
let early1 = '';
let early2 = '';

interface Line {
  id: string;
  childId: string;
  code: string;
  quarter: string;
  count: number;
  amount: number;
  attachment: { id: string; mediaType: string } | null;
  attachmentRequired: boolean;
  firstClaimedOn: string | null;
  outcome: string | null;
  grantedAmount: number | null;
  reason: string | null;
}
interface Claim {
  id: string;
  chainId: string;
  versionNo: number;
  status: string;
  quarters: string[];
  lastDay: string;
  claimed: number;
  granted: number | null;
  latest: boolean;
  lines: Line[];
  candidates: { childId: string; code: string; quarter: string; amount: number }[];
  versions: { id: string; versionNo: number; status: string }[];
  decision: string[] | null;
  decidedBy: string | null;
  payment: { paidOn: string; amount: number; reference: string } | null;
  steps: string[];
  version: number;
}
interface Refusal {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

const sql = async (text: string, values: unknown[] = []) =>
  (await t.database.raw.query<{ id: string }>(text, values)).rows[0]?.id ?? '';

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows;
}

/** A child anvisad to `code` on `decidedOn` (the decision's bookkeeping copied from a demo decision). */
async function aChild(dossier: string, birthDate: string, code: string, decidedOn: string): Promise<string> {
  const id = await sql(
    `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
     select $1, 'Ansökan', $2, $3, 'male', id from organisations
     where type = 'municipality' and municipality_code = '1280' returning id`,
    [dossier, `Barn ${dossier}`, birthDate],
  );
  await t.database.raw.query(
    `insert into anvisning_decisions (seq, child_ids, municipality_code, kind, rule, rule_version, share_version_id,
       decided_on, decided_at, decided_by, considerations, state_hash, record_hash)
     select (select max(seq) + 1 from anvisning_decisions), array[$1]::uuid[], $2, kind, rule, rule_version,
       share_version_id, $3, decided_at, decided_by, considerations, state_hash, record_hash
     from anvisning_decisions order by seq limit 1`,
    [id, code, decidedOn],
  );
  return id;
}

async function aPeriod(childId: string, code: string, kind: string, from: string, to: string | null) {
  await t.database.raw.query(
    `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id)
     select $1, $2, $3, $4, $5, id from organisations where type = 'municipality' and municipality_code = $2`,
    [childId, code, kind, from, to],
  );
}

/** Arrival days in Malmö from `from` until Lund takes over on `takeOver`. */
async function arrivedInMalmo(dossier: string, from: string, takeOver: string): Promise<string> {
  const id = await aChild(dossier, '2010-04-04', '1281', from);
  await aPeriod(id, '1280', 'arrival', from, takeOver);
  await aPeriod(id, '1281', 'assigned', takeOver, null);
  return id;
}

const on = (day: string) => {
  t.clock.now = new Date(`${day}T10:00:00Z`);
};

const claimUrl = (id: string, rest = '') => `/api/compensation/claims/${id}${rest}`;

async function create(quarters: string[]) {
  return t.request(finance, 'POST', '/api/compensation/claims', { quarters });
}

/** A draft holding only the given children's lines. */
async function draftWith(quarters: string[], childIds: string[]): Promise<Claim> {
  const res = await create(quarters);
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json<Claim>();
  const wanted = [...draft.lines, ...draft.candidates].filter((l) => childIds.includes(l.childId));
  const put = await t.request(finance, 'PUT', claimUrl(draft.id, '/lines'), {
    lines: wanted.map((l) => ({ childId: l.childId, code: l.code, quarter: l.quarter })),
    expectedVersion: draft.version,
  });
  expect(put.statusCode, put.body).toBe(200);
  return put.json<Claim>();
}

const refusal = (res: { json: <T>() => T }) => res.json<Refusal>().error;

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.login('malmo.ekonomi');
  agency = await t.login('eva.strom');
  // 2026-Q3: seven arrival days in Malmö (1–7 July) before Lund takes over; a child of Malmö's under LVU all quarter.
  arrived = await arrivedInMalmo('99980001', '2026-07-01', '2026-07-08');
  lvuChild = await aChild('99980002', '2011-02-02', '1280', '2026-06-01');
  await aPeriod(lvuChild, '1280', 'assigned', '2026-06-01', null);
  const placement = await sql(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
     select $1, '1280', p.id, 'sis', 'LVU', '2026-07-01', null, (select id from users where subject = 'dev:sara.lind')
     from placement_providers p where p.municipality_code = '1280' order by p.name limit 1 returning id`,
    [lvuChild],
  );
  const cost = await t.request(finance, 'PUT', `/api/compensation/placements/${placement}/daily-cost`, {
    dailyCost: 4000,
  });
  expect(cost.statusCode).toBe(200);
  // 2026-Q1 (last day Wednesday 30 September 2026): ten and three arrival days.
  early1 = await arrivedInMalmo('99980003', '2026-03-01', '2026-03-11');
  early2 = await arrivedInMalmo('99980004', '2026-02-01', '2026-02-04');
});
afterAll(async () => t.close());

describe('a claim from draft to payment', () => {
  let claim: Claim;

  it('drafts 2026-Q3 with the lines Anvisa computes; the officer keeps two; the read is audited', async () => {
    claim = await draftWith(['2026-Q3'], [arrived, lvuChild]);
    expect(claim).toMatchObject({
      status: 'draft',
      versionNo: 1,
      quarters: ['2026-Q3'],
      lastDay: '2027-03-31',
    });
    expect(claim.lines.map((l) => [l.childId, l.code, l.count, l.amount])).toEqual([
      [arrived, 'ANKOMST_DYGN', 7, 21_000],
      [lvuChild, 'LVU_TILLAGG', 92, 276_000],
    ]);
    expect(claim.claimed).toBe(297_000);
    expect(claim.steps).toEqual(['edit', 'submit']);
    // The demo's own lines for the quarter stay available to the draft.
    expect(claim.candidates.length).toBeGreaterThan(0);
    const read = await t.request(finance, 'GET', claimUrl(claim.id));
    expect((await eventsOf(read))[0]).toMatchObject({ kind: 'compensation_claim.read', outcome: 'allowed' });
    expect((await eventsOf(read))[0]?.child_ids).toEqual(expect.arrayContaining([arrived, lvuChild]));
  });

  it('refuses to submit an LVU line without its attachment, naming the line', async () => {
    const res = await t.request(finance, 'POST', claimUrl(claim.id, '/submit'), {
      expectedVersion: claim.version,
    });
    expect(res.statusCode).toBe(422);
    const lvu = claim.lines.find((l) => l.code === 'LVU_TILLAGG');
    expect(refusal(res)).toMatchObject({
      code: 'claim_invalid',
      fields: [{ field: `lines.${lvu?.id ?? ''}.attachment`, code: 'claim_attachment_required' }],
    });
  });

  it('refuses an attachment that is not a PDF, PNG or JPEG by its bytes, or not the type declared, or too large', async () => {
    const lvu = claim.lines.find((l) => l.code === 'LVU_TILLAGG');
    const url = claimUrl(claim.id, `/lines/${lvu?.id ?? ''}/attachment`);
    const send = (mediaType: string, contentBase64: string) =>
      t.request(finance, 'POST', url, {
        fileName: 'lvu-beslut.pdf',
        mediaType,
        contentBase64,
        expectedVersion: claim.version,
      });
    const text = await send('application/pdf', Buffer.from('inte en pdf').toString('base64'));
    expect(text.statusCode).toBe(422);
    expect(refusal(text)).toMatchObject({ code: 'document_type', fields: [{ field: 'body.contentBase64' }] });
    const mismatch = await send('application/pdf', PNG);
    expect(mismatch.statusCode).toBe(422);
    expect(refusal(mismatch).fields[0]?.field).toBe('body.mediaType');
    const large = await send('application/pdf', Buffer.alloc(2 * 1024 * 1024 + 1, 0x25).toString('base64'));
    expect(large.statusCode).toBe(422);
    expect(refusal(large).code).toBe('document_too_large');
    expect((await send('text/plain', PDF)).statusCode).toBe(400);
    const ok = await send('application/pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(200);
    claim = ok.json<Claim>();
    expect(claim.lines.find((l) => l.code === 'LVU_TILLAGG')?.attachment).toMatchObject({
      mediaType: 'application/pdf',
    });
    // The answer names every line's and every candidate's child, and so does its audit event, not only the attached
    // line's.
    const [event] = await eventsOf(ok);
    const named = new Set([...claim.lines, ...claim.candidates].map((l) => l.childId));
    expect(named.size).toBeGreaterThan(1);
    expect([...(event?.child_ids ?? [])].sort()).toEqual([...named].sort());
  });

  it('submits, freezing the amounts as computed on submission; a later change of the facts does not move them', async () => {
    const res = await t.request(finance, 'POST', claimUrl(claim.id, '/submit'), {
      expectedVersion: claim.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<Claim>();
    expect(claim).toMatchObject({ status: 'submitted', claimed: 297_000, steps: ['correct'] });
    expect((await eventsOf(res))[0]).toMatchObject({ kind: 'compensation_claim.write', outcome: 'allowed' });
    await t.database.raw.query(
      `update compensation_daily_costs set daily_cost = 5000 where placement_id in
         (select id from placements where child_id = $1)`,
      [lvuChild],
    );
    const read = (await t.request(finance, 'GET', claimUrl(claim.id))).json<Claim>();
    expect(read.lines.find((l) => l.code === 'LVU_TILLAGG')?.amount).toBe(276_000);
    expect(read.lines.every((l) => l.firstClaimedOn === '2026-11-23')).toBe(true);
  });

  it('a submitted claim is immutable: the routes refuse with 409 and the database refuses a change', async () => {
    const lines = await t.request(finance, 'PUT', claimUrl(claim.id, '/lines'), {
      lines: [],
      expectedVersion: claim.version,
    });
    expect(lines.statusCode).toBe(409);
    expect(refusal(lines).code).toBe('transition_not_allowed');
    const again = await t.request(finance, 'POST', claimUrl(claim.id, '/submit'), {
      expectedVersion: claim.version,
    });
    expect(again.statusCode).toBe(409);
    const line = claim.lines[0]?.id ?? '';
    await expect(
      t.database.raw.query('update compensation_claim_lines set claimed_amount = 1 where id = $1', [line]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.database.raw.query('delete from compensation_claim_lines where id = $1', [line]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.database.raw.query(`update compensation_claims set first_quarter = '2026-Q2' where id = $1`, [
        claim.id,
      ]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.database.raw.query(`update compensation_claims set status = 'draft' where id = $1`, [claim.id]),
    ).rejects.toThrow();
  });

  it('corrects by a new version that refers to the earlier one; the earlier stays readable and is superseded on submission', async () => {
    const res = await t.request(finance, 'POST', claimUrl(claim.id, '/versions'), {
      expectedVersion: claim.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json<Claim>();
    expect(v2).toMatchObject({ status: 'draft', versionNo: 2, chainId: claim.chainId });
    expect(v2.lines.map((l) => [l.code, l.attachment !== null])).toEqual([
      ['ANKOMST_DYGN', false],
      ['LVU_TILLAGG', true],
    ]);
    // A second correction of the same version is refused.
    const twice = await t.request(finance, 'POST', claimUrl(claim.id, '/versions'), {
      expectedVersion: claim.version,
    });
    expect(twice.statusCode).toBe(409);
    // Submitted now with the facts of today: the LVU line at 5,000 − 1,000 a day.
    const submitted = await t.request(finance, 'POST', claimUrl(v2.id, '/submit'), {
      expectedVersion: v2.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after = submitted.json<Claim>();
    expect(after.claimed).toBe(21_000 + 92 * 4000);
    expect(after.versions.map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'superseded'],
    ]);
    const earlier = (await t.request(finance, 'GET', claimUrl(claim.id))).json<Claim>();
    expect(earlier).toMatchObject({ status: 'superseded', latest: false, claimed: 297_000, steps: [] });
    claim = after;
    const list = (await t.request(finance, 'GET', '/api/compensation/claims')).json<{ claims: Claim[] }>();
    expect(list.claims.filter((c) => c.chainId === claim.chainId).map((c) => c.versionNo)).toEqual([2, 1]);
  });

  it("the Agency's queue holds the latest version, not the superseded one nor a draft", async () => {
    const res = await t.request(agency, 'GET', '/api/compensation/review');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ claims: Claim[] }>().claims.map((c) => c.id);
    expect(ids).toContain(claim.id);
    expect(ids).not.toContain(claim.versions[1]?.id);
    const draft = await create(['2026-Q2']);
    expect(draft.statusCode).toBe(201);
    const hidden = await t.request(agency, 'GET', `/api/compensation/review/${draft.json<Claim>().id}`);
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses a line decision that breaks a rule: more than claimed, no reason, "other" without words', async () => {
    const ankomst = claim.lines.find((l) => l.code === 'ANKOMST_DYGN');
    const url = `/api/compensation/review/${claim.id}/lines/${ankomst?.id ?? ''}/decision`;
    const decide = (body: Record<string, unknown>) =>
      t.request(agency, 'POST', url, { reasonText: '', expectedVersion: claim.version, ...body });
    const above = await decide({
      outcome: 'reduced',
      grantedAmount: 24_000,
      reason: 'arrival_after_take_over',
    });
    expect(above.statusCode).toBe(422);
    expect(refusal(above)).toMatchObject({
      code: 'claim_review_invalid',
      fields: [{ field: 'body.grantedAmount', code: 'amount_above_claimed' }],
    });
    const noReason = await decide({ outcome: 'reduced', grantedAmount: 18_000, reason: null });
    expect(refusal(noReason).fields).toEqual([expect.objectContaining({ code: 'reason_required' })]);
    const other = await decide({ outcome: 'rejected', grantedAmount: null, reason: 'other' });
    expect(refusal(other).fields).toEqual([expect.objectContaining({ code: 'reason_text_required' })]);
    expect((await decide({ outcome: 'reduced', grantedAmount: -1, reason: 'other' })).statusCode).toBe(400);
  });

  it('refuses the payment before the decision', async () => {
    const res = await t.request(agency, 'POST', `/api/compensation/review/${claim.id}/payment`, {
      paidOn: '2026-11-23',
      reference: 'UB-2026-1',
      expectedVersion: claim.version,
    });
    expect(res.statusCode).toBe(409);
    expect(refusal(res).code).toBe('transition_not_allowed');
  });

  it('decides each line; a second officer deciding from the same read gets 409; the claim is decided with its last line', async () => {
    const [ankomst, lvu] = claim.lines;
    const reduce = await t.request(
      agency,
      'POST',
      `/api/compensation/review/${claim.id}/lines/${ankomst?.id ?? ''}/decision`,
      {
        outcome: 'reduced',
        grantedAmount: 18_000,
        reason: 'arrival_after_take_over',
        reasonText: '',
        expectedVersion: claim.version,
      },
    );
    expect(reduce.statusCode, reduce.body).toBe(200);
    expect(await eventsOf(reduce)).toEqual([
      expect.objectContaining({ kind: 'compensation_review.write', outcome: 'allowed' }),
    ]);
    const late = await t.request(
      agency,
      'POST',
      `/api/compensation/review/${claim.id}/lines/${ankomst?.id ?? ''}/decision`,
      {
        outcome: 'granted',
        grantedAmount: null,
        reason: null,
        reasonText: '',
        expectedVersion: claim.version,
      },
    );
    expect(late.statusCode).toBe(409);
    expect(refusal(late).code).toBe('stale');
    const fresh = reduce.json<Claim>();
    expect(fresh.status).toBe('submitted');
    const grant = await t.request(
      agency,
      'POST',
      `/api/compensation/review/${claim.id}/lines/${lvu?.id ?? ''}/decision`,
      {
        outcome: 'granted',
        grantedAmount: null,
        reason: null,
        reasonText: '',
        expectedVersion: fresh.version,
      },
    );
    expect(grant.statusCode, grant.body).toBe(200);
    claim = grant.json<Claim>();
    expect(claim).toMatchObject({ status: 'decided', granted: 18_000 + 368_000, steps: ['pay'] });
    expect(claim.decidedBy).toBe('Eva Ström');
  });

  it('the decision text names the claim, the quarter, each line with outcome, amount and reason, and 19 § 2017:193', () => {
    const text = claim.decision?.join('\n') ?? '';
    expect(text).toContain(`Ansökan ${claim.chainId.slice(0, 8).toUpperCase()}, version 2`);
    expect(text).toContain('gäller kvartalet 2026-Q3');
    // The municipality by its formal name, as a decision names it.
    expect(text).toContain('Beslut om statlig ersättning till Malmö kommun.');
    expect(text).toContain(
      'Migrationsverket beviljar 386 000 kr av sökta 389 000 kr och avslår ansökan i övrigt.',
    );
    expect(text).toContain(
      'Ansökan Barn 99980001 (99980001), ankomstdygn, 2026-Q3, 7 dygn: Beviljas delvis 18 000 kr av sökta 21 000 kr. Skäl: Ersättning för ankomstdygn lämnas bara till och med dagen före den dag den anvisade kommunen tar över ansvaret.',
    );
    expect(text).toContain('Beviljas 368 000 kr.');
    expect(text).toContain('19 § förordningen (2017:193) om statlig ersättning för asylsökande m.fl.');
    expect(text).toContain('Beslutsdatum: 2026-11-23. Beslutet är fattat av Eva Ström, Migrationsverket.');
  });

  it('records the payment of what was granted; a day before the decision is refused; the municipality sees both', async () => {
    const url = `/api/compensation/review/${claim.id}/payment`;
    const early = await t.request(agency, 'POST', url, {
      paidOn: '2026-11-22',
      reference: 'UB-2026-1',
      expectedVersion: claim.version,
    });
    expect(early.statusCode).toBe(422);
    expect(refusal(early).fields[0]).toMatchObject({ field: 'body.paidOn', code: 'paid_outside_range' });
    const paid = await t.request(agency, 'POST', url, {
      paidOn: '2026-11-23',
      reference: 'UB-2026-1',
      expectedVersion: claim.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Claim>()).toMatchObject({
      status: 'paid',
      payment: { paidOn: '2026-11-23', amount: 386_000, reference: 'UB-2026-1' },
      steps: [],
    });
    const seen = (await t.request(finance, 'GET', claimUrl(claim.id))).json<Claim>();
    expect(seen).toMatchObject({ status: 'paid', granted: 386_000, payment: { amount: 386_000 } });
    expect(seen.lines[0]).toMatchObject({
      outcome: 'reduced',
      grantedAmount: 18_000,
      reason: 'arrival_after_take_over',
    });
    expect(seen.decision).toEqual(claim.decision);
    expect(seen.steps).toEqual([]);
  });
});

describe('the quarters and the last day', () => {
  it("offers the twelve quarters before today's, each with its last day and whether it has passed", async () => {
    const list = await t.request(finance, 'GET', '/api/compensation/claims');
    const quarters = list.json<{ quarters: { quarter: string; lastDay: string; passed: boolean }[] }>()
      .quarters;
    expect(quarters).toHaveLength(12);
    // Today is 2026-11-23: Q3 closes 2027-03-31, Q2 on the working day after nyårsafton; Q1 closed on 2026-09-30.
    expect(quarters[0]).toEqual({ quarter: '2026-Q3', lastDay: '2027-03-31', passed: false });
    expect(quarters[1]).toEqual({ quarter: '2026-Q2', lastDay: '2027-01-04', passed: false }); // past nyårsafton
    expect(quarters[2]).toEqual({ quarter: '2026-Q1', lastDay: '2026-09-30', passed: true });
    expect(quarters[11]?.quarter).toBe('2023-Q4');
  });

  it('refuses two quarters that do not follow each other, three quarters, and a quarter not yet ended', async () => {
    const gap = await create(['2026-Q1', '2026-Q3']);
    expect(gap.statusCode).toBe(422);
    expect(refusal(gap)).toMatchObject({
      code: 'claim_invalid',
      fields: [{ field: 'body.quarters', code: 'claim_quarters_not_consecutive' }],
    });
    expect((await create(['2026-Q1', '2026-Q2', '2026-Q3'])).statusCode).toBe(400);
    const current = await create(['2026-Q4']);
    expect(current.statusCode).toBe(422);
    expect(refusal(current).fields[0]?.code).toBe('claim_quarter_not_ended');
  });

  it('accepts a claim on its last day and refuses it the day after, naming the day', async () => {
    try {
      on('2026-09-30');
      const first = await draftWith(['2026-Q1'], [early1]);
      expect(first.lastDay).toBe('2026-09-30');
      const second = await draftWith(['2026-Q1'], [early2]);
      const ok = await t.request(finance, 'POST', claimUrl(first.id, '/submit'), {
        expectedVersion: first.version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      on('2026-10-01');
      const late = await t.request(finance, 'POST', claimUrl(second.id, '/submit'), {
        expectedVersion: second.version,
      });
      expect(late.statusCode).toBe(422);
      expect(refusal(late)).toMatchObject({
        code: 'claim_deadline_passed',
        fields: [{ message: 'Sista dag för ansökan om ersättning för 2026-Q1 var 2026-09-30' }],
      });
      const created = await create(['2026-Q1']);
      expect(created.statusCode).toBe(422);
      expect(refusal(created).fields[0]?.message).toBe(
        'Sista dag för ansökan om ersättning för 2026-Q1 var 2026-09-30',
      );
    } finally {
      t.clock.now = PINNED_NOW;
    }
  });

  it('after the last day a correction may drop a line but not add one, naming the day', async () => {
    try {
      on('2026-09-30');
      const kept = await arrivedInMalmo('99980005', '2026-03-20', '2026-03-25');
      const added = await arrivedInMalmo('99980006', '2026-03-22', '2026-03-26');
      const v1 = await draftWith(['2026-Q1'], [kept]);
      const submitted = await t.request(finance, 'POST', claimUrl(v1.id, '/submit'), {
        expectedVersion: v1.version,
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      on('2026-11-15');
      const res = await t.request(finance, 'POST', claimUrl(v1.id, '/versions'), {
        expectedVersion: submitted.json<Claim>().version,
      });
      expect(res.statusCode, res.body).toBe(201);
      const v2 = res.json<Claim>();
      const both = await t.request(finance, 'PUT', claimUrl(v2.id, '/lines'), {
        lines: [kept, added].map((childId) => ({ childId, code: 'ANKOMST_DYGN', quarter: '2026-Q1' })),
        expectedVersion: v2.version,
      });
      expect(both.statusCode, both.body).toBe(200);
      const withAdded = both.json<Claim>();
      const addedLine = withAdded.lines.find((l) => l.childId === added);
      const late = await t.request(finance, 'POST', claimUrl(v2.id, '/submit'), {
        expectedVersion: withAdded.version,
      });
      expect(late.statusCode).toBe(422);
      expect(refusal(late)).toMatchObject({
        code: 'claim_deadline_passed',
        fields: [
          {
            field: `lines.${addedLine?.id ?? ''}`,
            message:
              'Sista dag för ansökan om ersättning för 2026-Q1 var 2026-09-30. Efter den får en rättelse bara ta bort rader eller sänka belopp.',
          },
        ],
      });
      const dropped = await t.request(finance, 'PUT', claimUrl(v2.id, '/lines'), {
        lines: [{ childId: kept, code: 'ANKOMST_DYGN', quarter: '2026-Q1' }],
        expectedVersion: withAdded.version,
      });
      expect(dropped.statusCode, dropped.body).toBe(200);
      const ok = await t.request(finance, 'POST', claimUrl(v2.id, '/submit'), {
        expectedVersion: dropped.json<Claim>().version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
    } finally {
      t.clock.now = PINNED_NOW;
    }
  });

  it('a line held by another claim is not offered again, nor accepted', async () => {
    try {
      on('2026-09-29');
      const draft = (await create(['2026-Q1'])).json<Claim>();
      expect([...draft.lines, ...draft.candidates].some((l) => l.childId === early1)).toBe(false);
      const res = await t.request(finance, 'PUT', claimUrl(draft.id, '/lines'), {
        lines: [{ childId: early1, code: 'ANKOMST_DYGN', quarter: '2026-Q1' }],
        expectedVersion: draft.version,
      });
      expect(res.statusCode).toBe(422);
      expect(refusal(res).fields[0]?.code).toBe('claim_line_not_available');
    } finally {
      t.clock.now = PINNED_NOW;
    }
  });
});

describe("another municipality's claim", () => {
  it('is 404 for Malmö (audited as denied) and readable by the Agency once submitted', async () => {
    const lund = await sql(
      `insert into compensation_claims (municipality_code, chain_id, version_no, first_quarter, last_quarter, last_day,
         status, created_by, created_on, submitted_on, submitted_by)
       select '1281', gen_random_uuid(), 1, '2026-Q3', '2026-Q3', '2027-03-31', 'draft', id, '2026-10-01',
         null, null from users where subject = 'dev:malmo.ekonomi' returning id`,
    );
    await t.database.raw.query(
      `insert into compensation_claim_lines (claim_id, child_id, code, quarter, claimed_count, claimed_amount)
       values ($1, $2, 'ANKOMST_DYGN', '2026-Q3', 1, 3000)`,
      [lund, early2],
    );
    // Lines join a draft only (a trigger): the claim is submitted once its line is in.
    await t.database.raw.query(
      `update compensation_claims set status = 'submitted', submitted_on = '2026-10-01', submitted_by = created_by
       where id = $1`,
      [lund],
    );
    for (const url of [claimUrl(lund), claimUrl(lund, '/versions')]) {
      const res = url.endsWith('versions')
        ? await t.request(finance, 'POST', url, { expectedVersion: 1 })
        : await t.request(finance, 'GET', url);
      expect(res.statusCode).toBe(404);
      expect((await eventsOf(res))[0]).toMatchObject({ outcome: 'denied' });
    }
    const agencyRead = await t.request(agency, 'GET', `/api/compensation/review/${lund}`);
    expect(agencyRead.statusCode).toBe(200);
    expect(agencyRead.json<Claim>()).toMatchObject({ municipalityCode: '1281', municipalityName: 'Lund' });
    expect((await eventsOf(agencyRead))[0]).toMatchObject({
      kind: 'compensation_review.read',
      child_ids: [early2],
    });
  });

  it('no other role reaches the claims or the review', async () => {
    const worker = await t.login('sara.lind');
    expect((await t.request(worker, 'GET', '/api/compensation/claims')).statusCode).toBe(403);
    expect((await t.request(finance, 'GET', '/api/compensation/review')).statusCode).toBe(403);
    expect((await t.request(agency, 'GET', '/api/compensation/claims')).statusCode).toBe(403);
  });
});
