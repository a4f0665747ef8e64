/**
 * The reconciliation of a municipality's year (issue 14 point 8), on both engines. On the pinned day (2026-11-23) the
 * last ended quarter is 2026-Q3: the daily codes count 2026-01-01 – 2026-09-30. The demo holds Malmö's claim decided
 * with a line reduced and paid, and Malmö's earlier quarters paid; a child added here after the demo's payouts is
 * computed but unpaid until the Agency pays the quarter. The CSV carries dossier numbers, never names; the Agency
 * sees dossier numbers only; another municipality's finance officer sees only its own; each read is audited with the
 * children it named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild, aPeriod, aPlacement } from './fixtures.ts';

let t: TestApp;
let finance: Session;
let officer: Session;
let child = '';

interface Row {
  childId: string | null;
  name: string | null;
  dossierNumber: string | null;
  code: string;
  claimKind: string;
  computed: number;
  claimed: number | null;
  granted: number | null;
  pending: number | null;
  paid: number;
  expected: number;
  unpaid: number;
  unclaimed: number;
  notGranted: number;
  differs: boolean;
}
interface View {
  municipalityCode: string;
  municipalityName: string;
  year: number;
  from: string;
  to: string;
  totals: { computed: number; claimed: number; granted: number; paid: number; expected: number };
  differing: number;
  rows: Row[];
}
interface Claim {
  status: string;
  lines: {
    childId: string;
    code: string;
    amount: number;
    grantedAmount: number | null;
    outcome: string | null;
  }[];
}

const row = (view: View, childId: string | null, code: string) =>
  view.rows.find((r) => r.childId === childId && r.code === code);

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.login('malmo.ekonomi');
  officer = await t.login('eva.strom');
  child = await aChild(t, '99980001', '2012-03-03');
  await aPeriod(t, child, '1280', '2026-01-01', null);
  await aPlacement(t, child, '2026-01-01', null);
});

afterAll(async () => {
  await t.close();
});

describe('the reconciliation of a year', () => {
  it('counts the year up to the last ended quarter, and a child the Agency has not paid shows what is owed', async () => {
    const res = await t.request(finance, 'GET', '/api/compensation/reconciliation');
    expect(res.statusCode).toBe(200);
    const view = res.json<View>();
    expect(view).toMatchObject({
      municipalityCode: '1280',
      year: 2026,
      from: '2026-01-01',
      to: '2026-09-30',
    });
    // 1 January – 30 September 2026: 273 days at 1,000 kr; the anvisning (the first assigned period) once.
    expect(row(view, child, 'SCHABLON_DYGN')).toMatchObject({
      name: 'Testbarn Utbetalning 99980001',
      dossierNumber: '99980001',
      claimKind: 'automatic',
      computed: 273_000,
      claimed: null,
      granted: null,
      paid: 0,
      expected: 273_000,
      unpaid: -273_000,
      differs: true,
    });
    expect(row(view, child, 'ANVISNING_ENGANG')).toMatchObject({
      computed: 52_000,
      paid: 0,
      unpaid: -52_000,
    });
    // The annual compensation is the municipality's own, first.
    expect(view.rows[0]).toMatchObject({ childId: null, code: 'FAST_AR', computed: 500_000 });
    const sum = (key: 'computed' | 'paid') => view.rows.reduce((acc, r) => acc + r[key], 0);
    expect(view.totals.computed).toBe(sum('computed'));
    expect(view.totals.paid).toBe(sum('paid'));
    expect(view.differing).toBe(view.rows.filter((r) => r.differs).length);
  });

  it("shows the demo's reduced claim line as claimed, granted less and paid as granted", async () => {
    const list = await t.request(finance, 'GET', '/api/compensation/claims');
    const paid = list
      .json<{ claims: { id: string; status: string; quarters: string[] }[] }>()
      .claims.find((c) => c.status === 'paid');
    expect(paid).toBeDefined();
    const claim = (
      await t.request(finance, 'GET', `/api/compensation/claims/${paid?.id ?? ''}`)
    ).json<Claim>();
    const reduced = claim.lines.find((l) => l.outcome === 'reduced');
    expect(reduced).toBeDefined();
    if (reduced === undefined || reduced.grantedAmount === null) return;
    const view = (await t.request(finance, 'GET', '/api/compensation/reconciliation')).json<View>();
    const line = row(view, reduced.childId, reduced.code);
    const same = claim.lines.filter((l) => l.childId === reduced.childId && l.code === reduced.code);
    const claimed = same.reduce((acc, l) => acc + l.amount, 0);
    const granted = same.reduce((acc, l) => acc + (l.grantedAmount ?? 0), 0);
    expect(line).toMatchObject({
      claimKind: 'applied_for',
      claimed,
      granted,
      expected: granted,
      differs: true,
    });
    expect(line?.notGranted).toBe(granted - claimed);
    expect(line?.notGranted).toBeLessThan(0);
    // Paid as granted: nothing left unpaid of what was granted.
    expect(line?.paid).toBe(granted);
    expect(line?.unpaid).toBe(0);
  });

  it("moves the child's quarter from owed to paid when the Agency pays it", async () => {
    const proposal = await t.request(
      officer,
      'GET',
      '/api/compensation/payouts?municipalityCode=1280&period=2026-Q3',
    );
    const { fingerprint } = proposal.json<{ proposal: { fingerprint: string } }>().proposal;
    const paid = await t.request(officer, 'POST', '/api/compensation/payouts', {
      municipalityCode: '1280',
      period: '2026-Q3',
      paidOn: '2026-11-20',
      fingerprint,
    });
    expect(paid.statusCode).toBe(201);
    const view = (await t.request(finance, 'GET', '/api/compensation/reconciliation')).json<View>();
    // 1 July – 30 September: 92 days paid; the first two quarters are still owed.
    expect(row(view, child, 'SCHABLON_DYGN')).toMatchObject({ paid: 92_000, unpaid: -181_000 });
  });

  it('counts a submitted line awaiting its decision as pending, not as refused', async () => {
    // Seven arrival days in Malmö (1–7 July 2026) before Lund takes over: a line Malmö applies for.
    const arrived = await aChild(t, '99980003', '2011-06-06', '1281');
    await t.database.raw.query(
      `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id)
       select $1, '1280', 'arrival', '2026-07-01', '2026-07-08', id from organisations
       where type = 'municipality' and municipality_code = '1280'`,
      [arrived],
    );
    await aPeriod(t, arrived, '1281', '2026-07-08', null);
    const created = await t.request(finance, 'POST', '/api/compensation/claims', { quarters: ['2026-Q3'] });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<{ id: string; version: number }>();
    const put = await t.request(finance, 'PUT', `/api/compensation/claims/${draft.id}/lines`, {
      lines: [{ childId: arrived, code: 'ANKOMST_DYGN', quarter: '2026-Q3' }],
      expectedVersion: draft.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const submitted = await t.request(finance, 'POST', `/api/compensation/claims/${draft.id}/submit`, {
      expectedVersion: put.json<{ version: number }>().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const view = (await t.request(finance, 'GET', '/api/compensation/reconciliation')).json<View>();
    expect(row(view, arrived, 'ANKOMST_DYGN')).toMatchObject({
      computed: 21_000,
      claimed: 21_000,
      pending: 21_000,
      granted: 0,
      unclaimed: 0,
      notGranted: 0,
      unpaid: 0,
      differs: false,
    });
  });

  it('names the Agency the dossier number only, and 404 for a municipality that does not exist', async () => {
    const res = await t.request(officer, 'GET', '/api/compensation/municipalities/1280/reconciliation');
    expect(res.statusCode).toBe(200);
    const view = res.json<View>();
    expect(row(view, child, 'SCHABLON_DYGN')).toMatchObject({ name: null, dossierNumber: '99980001' });
    expect(view.rows.every((r) => r.name === null)).toBe(true);
    expect(
      (await t.request(officer, 'GET', '/api/compensation/municipalities/0000/reconciliation')).statusCode,
    ).toBe(404);
  });

  it("keeps a municipality's children from another municipality's finance officer", async () => {
    const stockholmChild = await aChild(t, '99980002', '2012-04-04', '0180');
    await aPeriod(t, stockholmChild, '0180', '2026-01-01', null);
    const view = (await t.request(finance, 'GET', '/api/compensation/reconciliation')).json<View>();
    expect(view.rows.some((r) => r.childId === stockholmChild)).toBe(false);
  });

  it('exports CSV with dossier numbers and no names, and audits the children it named', async () => {
    const res = await t.request(finance, 'GET', '/api/compensation/reconciliation.csv?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toContain('avstamning-1280-2026.csv');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      'kommunkod,ar,akt,ersattning,ansokan,beraknat,ansokt,vantar_beslut,beviljat,utbetalt,forvantat,differens_sokt,differens_beviljat,differens_utbetalt',
    );
    expect(lines).toContain('1280,2026,99980001,SCHABLON_DYGN,nej,273000,,,,92000,273000,,,-181000');
    expect(res.body).not.toContain('Testbarn');
    const { rows } = await t.database.raw.query<{ kind: string; child_ids: string[] }>(
      'select kind, child_ids from audit_events where request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(rows[0]?.kind).toBe('compensation.reconciliation.export');
    expect(rows[0]?.child_ids).toContain(child);
  });

  it('refuses a year with no ended quarter, or before 2017, with 422 on the year', async () => {
    for (const year of ['2027', '2016']) {
      const res = await t.request(finance, 'GET', `/api/compensation/reconciliation?year=${year}`);
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([
        expect.objectContaining({ field: 'query.year', code: 'reconciliation_year' }),
      ]);
    }
    const malformed = await t.request(finance, 'GET', '/api/compensation/reconciliation?year=26');
    expect(malformed.statusCode).toBe(400);
  });
});
