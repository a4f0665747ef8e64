/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032), on both engines: Malmö's finance officer sees
 * the previous quarter (Q3 2026 on the pinned day) of a fixture child — anvisad to Malmö after arrival days in Lund,
 * placed under SoL and then under LVU — with the exact amounts, the warnings that block a claim until the LVU daily
 * cost is recorded, the child's explanation day by day summing to its lines, another municipality's child 404, bad
 * input 400/422 (never 500), and the audit entries with the child ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let finance: Session;
let child = '';
let unregistered = '';
let lvuPlacement = '';

interface Line {
  code: string;
  claimKind: string;
  count: number;
  amount: number;
}
interface View {
  quarter: string;
  from: string;
  to: string;
  claimDeadline: string;
  totals: Line[];
  total: number;
  children: { childId: string; name: string; dossierNumber: string; lines: Line[]; total: number }[];
  warnings: { childId: string; code: string; placementFrom: string }[];
  lvuPlacements: { placementId: string; childId: string; dailyCost: number | null }[];
}
interface Explanation {
  childId: string;
  runs: { code: string; firstDay: string; lastDay: string; count: number; rate: number; amount: number }[];
  total: number;
}

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows;
}

const sql = async (text: string, values: unknown[] = []) =>
  (await t.database.raw.query<{ id: string }>(text, values)).rows[0]?.id ?? '';

/** A child of Malmö's with an anvisning decision (copied from a demo decision's bookkeeping) on `decidedOn`. */
async function aChild(dossier: string, birthDate: string, decidedOn: string): Promise<string> {
  const id = await sql(
    `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
     select $1, 'Testbarn', $2, $3, 'female', id from organisations
     where type = 'municipality' and municipality_code = '1280' returning id`,
    [dossier, `Ersättning ${dossier}`, birthDate],
  );
  await t.database.raw.query(
    `insert into anvisning_decisions (seq, child_ids, municipality_code, kind, rule, rule_version, share_version_id,
       decided_on, decided_at, decided_by, considerations, state_hash, record_hash)
     select (select max(seq) + 1 from anvisning_decisions), array[$1]::uuid[], '1280', kind, rule, rule_version,
       share_version_id, $2, decided_at, decided_by, considerations, state_hash, record_hash
     from anvisning_decisions order by seq limit 1`,
    [id, decidedOn],
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

async function aPlacement(childId: string, basis: string, from: string, to: string | null) {
  return sql(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
     select $1, '1280', p.id, 'hvb', $2, $3, $4, (select id from users where subject = 'dev:sara.lind')
     from placement_providers p where p.municipality_code = '1280' order by p.name limit 1 returning id`,
    [childId, basis, from, to],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.login('malmo.ekonomi');
  // Born 2010: a child the whole quarter. Arrival days in Lund 1–7 July, anvisad to Malmö on 6 July, Malmö from 8 July.
  child = await aChild('99990001', '2010-03-01', '2026-07-06');
  await aPeriod(child, '1281', 'arrival', '2026-07-01', '2026-07-08');
  await aPeriod(child, '1280', 'assigned', '2026-07-08', null);
  await aPlacement(child, 'SoL', '2026-07-08', '2026-08-01');
  lvuPlacement = await aPlacement(child, 'LVU', '2026-08-01', null);
  // Placed by Malmö past the end of its registered responsibility (15 August).
  unregistered = await aChild('99990002', '2011-05-05', '2026-06-01');
  await aPeriod(unregistered, '1280', 'assigned', '2026-06-01', '2026-08-15');
  await aPlacement(unregistered, 'SoL', '2026-06-01', null);
});
afterAll(async () => t.close());

describe("Malmö's compensation for the previous quarter", () => {
  it('names the quarter, its deadline, the child lines and the warnings; the LVU cost is missing', async () => {
    const res = await t.request(finance, 'GET', '/api/compensation');
    expect(res.statusCode).toBe(200);
    const view = res.json<View>();
    expect(view).toMatchObject({
      quarter: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      claimDeadline: '2027-03-31',
    });
    const mine = view.children.find((c) => c.childId === child);
    // 52,000 on the anvisning; 85 days × 1,000 from 8 July; no LVU top-up without a daily cost; Lund's days are not Malmö's.
    expect(mine?.lines).toEqual([
      { code: 'ANVISNING_ENGANG', claimKind: 'automatic', count: 1, amount: 52_000 },
      { code: 'SCHABLON_DYGN', claimKind: 'automatic', count: 85, amount: 85_000 },
    ]);
    expect(mine?.name).toBe('Testbarn Ersättning 99990001');
    expect(view.warnings.filter((w) => w.childId === child || w.childId === unregistered)).toEqual([
      expect.objectContaining({
        childId: child,
        code: 'lvu_without_daily_cost',
        placementFrom: '2026-08-01',
      }),
      expect.objectContaining({
        childId: unregistered,
        code: 'placement_without_responsibility',
        placementFrom: '2026-06-01',
      }),
    ]);
    expect(view.lvuPlacements).toContainEqual(
      expect.objectContaining({ placementId: lvuPlacement, childId: child, dailyCost: null }),
    );
    expect(view.total).toBe(view.totals.reduce((sum, l) => sum + l.amount, 0));
    expect(view.totals.every((l) => l.amount > 0)).toBe(true);
    const [event] = await eventsOf(res);
    expect(event).toMatchObject({ kind: 'compensation.read', outcome: 'allowed' });
    expect(event?.child_ids).toEqual(expect.arrayContaining([child, unregistered]));
  });

  it('records the LVU daily cost (audited); the top-up line follows and the warning goes', async () => {
    const put = await t.request(finance, 'PUT', `/api/compensation/placements/${lvuPlacement}/daily-cost`, {
      dailyCost: 4000,
    });
    expect(put.statusCode).toBe(200);
    expect(await eventsOf(put)).toEqual([
      expect.objectContaining({ kind: 'compensation.write', outcome: 'allowed', child_ids: [child] }),
    ]);
    const view = (await t.request(finance, 'GET', '/api/compensation?quarter=2026-Q3')).json<View>();
    const mine = view.children.find((c) => c.childId === child);
    // 61 days of August and September at 4,000 − 1,000.
    expect(mine?.lines).toContainEqual({
      code: 'LVU_TILLAGG',
      claimKind: 'applied_for',
      count: 61,
      amount: 183_000,
    });
    expect(mine?.total).toBe(320_000);
    expect(view.warnings.some((w) => w.childId === child)).toBe(false);
  });

  it("explains the child's lines day by day; the explanation sums to the child's line total", async () => {
    const res = await t.request(finance, 'GET', `/api/compensation/children/${child}?quarter=2026-Q3`);
    expect(res.statusCode).toBe(200);
    const explanation = res.json<Explanation>();
    expect(explanation.total).toBe(320_000);
    expect(explanation.runs.reduce((sum, r) => sum + r.amount, 0)).toBe(320_000);
    expect(explanation.runs.map((r) => r.code)).not.toContain('ANKOMST_DYGN');
    expect(explanation.runs[0]).toMatchObject({ code: 'ANVISNING_ENGANG', firstDay: '2026-07-06' });
    expect((await eventsOf(res))[0]).toMatchObject({ kind: 'compensation.read', child_ids: [child] });
  });

  it("another municipality's child is 404 (audited as denied); an unknown one too", async () => {
    const stockholm = await t.childByDossier('20000107');
    const res = await t.request(finance, 'GET', `/api/compensation/children/${stockholm}`);
    expect(res.statusCode).toBe(404);
    expect((await eventsOf(res))[0]).toMatchObject({ kind: 'compensation.read', outcome: 'denied' });
    const unknown = await t.request(
      finance,
      'GET',
      '/api/compensation/children/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('bad input is 400 or 422 with the field named, never 500', async () => {
    expect((await t.request(finance, 'GET', '/api/compensation?quarter=2026-Q5')).statusCode).toBe(400);
    expect((await t.request(finance, 'GET', '/api/compensation/children/not-an-id')).statusCode).toBe(400);
    for (const dailyCost of [0, -5, 12.5, '4000', 1_000_000]) {
      const res = await t.request(finance, 'PUT', `/api/compensation/placements/${lvuPlacement}/daily-cost`, {
        dailyCost,
      });
      expect(res.statusCode).toBe(400);
    }
    const sol = await sql(`select id from placements where child_id = $1 and legal_basis = 'SoL'`, [child]);
    const notLvu = await t.request(finance, 'PUT', `/api/compensation/placements/${sol}/daily-cost`, {
      dailyCost: 4000,
    });
    expect(notLvu.statusCode).toBe(422);
    expect(notLvu.json<{ error: { code: string; fields: { field: string }[] } }>().error).toMatchObject({
      code: 'placement_not_lvu',
      fields: [{ field: 'body.dailyCost' }],
    });
  });

  it('no other role reaches the view', async () => {
    const worker = await t.login('sara.lind');
    expect((await t.request(worker, 'GET', '/api/compensation')).statusCode).toBe(403);
  });
});
