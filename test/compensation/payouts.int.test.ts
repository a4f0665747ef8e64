/**
 * The Agency's automatic payouts, the municipality's report of a missing schablon and the annual compensation
 * (issue 14 points 5–6, ADR 0035), on both engines. On the pinned day (2026-11-23) the previous quarter, 2026-Q3, is
 * not yet paid in the demo: the Agency's officer pays Malmö's proposal for it; a later change of the facts leaves the
 * payout as paid and shows the difference; a second payout is 409; the finance officer reports the difference and the
 * officer accepts it (a supplementary payout of what is owed) or rejects it with a reason. The annual compensation
 * follows Malmö's share after the county's redistribution is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY } from '../../src/seed/demo.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { NO_SUCH } from '../support/matrix.ts';
import { aChild, aPeriod, aPlacement } from './fixtures.ts';

let t: TestApp;
let officer: Session;
let finance: Session;
let first = '';
let second = '';

interface Line {
  childId: string | null;
  code: string;
  count: number;
  amount: number;
}
interface Row {
  childId: string | null;
  code: string;
  computed: { count: number; amount: number };
  paid: { count: number; amount: number };
  difference: number;
}
interface View {
  payouts: { id: string; kind: string; paidOn: string; total: number; lines: Line[] }[];
  comparison: Row[];
  proposal: { lines: Line[]; total: number; fingerprint: string } | null;
  blockers: string[];
  annual: { promille: number | null; shareVersion: { id: string } | null } | null;
}
interface Report {
  id: string;
  childId: string;
  status: string;
  rejectionReason: string | null;
  answerText: string | null;
  payout: { kind: string; total: number } | null;
  computed: number;
  paid: number;
  difference: number;
}
interface Fields {
  error: { code: string; fields: { field: string; code: string }[] };
}
interface Annual {
  shareVersion: { id: string; source: string } | null;
  promille: number | null;
  forecast: { forecast: number; source: string } | null;
  computation: { exactChildren: string; children: number; forecast: number } | null;
  comparison: Row[];
  payouts: { kind: string; total: number }[];
}

const MALMO_Q3 = '/api/compensation/payouts?municipalityCode=1280&period=2026-Q3';
/** The demo's child with a protected identity, Malmö's; the demo pays it on an earlier list. */
const CANARY_DOSSIER = '20000100';

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows;
}

const count = async (table: string) =>
  Number((await t.database.raw.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n);

const fieldsOf = (res: { json: <T>() => T }) =>
  res.json<Fields>().error.fields.map((f) => [f.field, f.code] as const);

const mine = (rows: readonly Row[], childId: string, code: string) =>
  rows.find((r) => r.childId === childId && r.code === code);

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('eva.strom');
  finance = await t.login('malmo.ekonomi');
  // Malmö responsible from July; placed from 1 August (first) and 1 September (second), as registered at first.
  first = await aChild(t, '99980001', '2012-03-01');
  await aPeriod(t, first, '1280', '2026-07-08', null);
  await aPlacement(t, first, '2026-08-01', null);
  second = await aChild(t, '99980002', '2011-05-05');
  await aPeriod(t, second, '1280', '2026-07-01', null);
  await aPlacement(t, second, '2026-09-01', null);
});
afterAll(async () => t.close());

describe("the Agency's payout of Malmö's 2026-Q3", () => {
  it('proposes the automatic schablons per child and code, the same computation as the view (audited)', async () => {
    const res = await t.request(officer, 'GET', MALMO_Q3);
    expect(res.statusCode).toBe(200);
    const view = res.json<View>();
    expect(view.payouts).toEqual([]);
    expect(view.blockers).toEqual([]);
    // The one-off on the anvisning (the first assigned period) and 61 days of August and September at 1,000 kr.
    expect(view.proposal?.lines.filter((l) => l.childId === first)).toEqual([
      expect.objectContaining({ code: 'ANVISNING_ENGANG', count: 1, amount: 52_000 }),
      expect.objectContaining({ code: 'SCHABLON_DYGN', count: 61, amount: 61_000 }),
    ]);
    expect(view.proposal?.total).toBe(view.proposal?.lines.reduce((s, l) => s + l.amount, 0));
    const [event] = await eventsOf(res);
    expect(event).toMatchObject({ kind: 'compensation.payout.read', outcome: 'allowed' });
    expect(event?.child_ids).toEqual(expect.arrayContaining([first, second]));
  });

  it('refuses a bad payout with the field named (422), a malformed one 400, a stale proposal 409; nothing written', async () => {
    const { proposal } = (await t.request(officer, 'GET', MALMO_Q3)).json<View>();
    const fingerprint = proposal?.fingerprint ?? '';
    const body = { municipalityCode: '1280', period: '2026-Q3', paidOn: '2026-11-20', fingerprint };
    const before = await count('compensation_payouts');
    const cases: [Record<string, unknown>, number, string, [string, string][]][] = [
      [{ paidOn: '2026-11-24' }, 422, 'payout_invalid', [['body.paidOn', 'paid_in_future']]],
      [{ paidOn: '2026-09-30' }, 422, 'payout_invalid', [['body.paidOn', 'paid_before_quarter_end']]],
      [
        { period: '2026-Q4' },
        422,
        'payout_invalid',
        [
          ['body.period', 'quarter_not_ended'],
          ['body.paidOn', 'paid_before_quarter_end'],
        ],
      ],
      [
        { municipalityCode: '9999' },
        422,
        'payout_invalid',
        [['body.municipalityCode', 'unknown_municipality']],
      ],
      [{ fingerprint: '0'.repeat(64) }, 409, 'payout_changed', [['body.fingerprint', 'stale']]],
    ];
    for (const [change, status, code, fields] of cases) {
      const res = await t.request(officer, 'POST', '/api/compensation/payouts', { ...body, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(res.json<Fields>().error.code).toBe(code);
      expect(fieldsOf(res)).toEqual(fields);
    }
    for (const change of [{ period: '2026-Q5' }, { fingerprint: 'abc' }, { paidOn: '2026-02-30' }]) {
      const res = await t.request(officer, 'POST', '/api/compensation/payouts', { ...body, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
    }
    expect(await count('compensation_payouts')).toBe(before);
  });

  it('records the proposal as paid (201, audited with the children); a second payout of the quarter is 409', async () => {
    const { proposal } = (await t.request(officer, 'GET', MALMO_Q3)).json<View>();
    const body = {
      municipalityCode: '1280',
      period: '2026-Q3',
      paidOn: '2026-11-20',
      fingerprint: proposal?.fingerprint ?? '',
    };
    const res = await t.request(officer, 'POST', '/api/compensation/payouts', body);
    expect(res.statusCode).toBe(201);
    const payout = res.json<{ kind: string; total: number; lines: Line[] }>();
    expect(payout).toMatchObject({ kind: 'regular', total: proposal?.total });
    expect(
      payout.lines.map(({ childId, code, count: n, amount }) => ({ childId, code, count: n, amount })),
    ).toEqual(
      proposal?.lines.map(({ childId, code, count: n, amount }) => ({ childId, code, count: n, amount })),
    );
    const [event] = await eventsOf(res);
    expect(event).toMatchObject({ kind: 'compensation.payout.write', outcome: 'allowed' });
    expect(event?.child_ids).toEqual(expect.arrayContaining([first, second]));

    const again = await t.request(officer, 'POST', '/api/compensation/payouts', body);
    expect(again.statusCode).toBe(409);
    expect(again.json<Fields>().error.code).toBe('already_paid');
    const view = (await t.request(officer, 'GET', MALMO_Q3)).json<View>();
    expect(view.proposal).toBeNull();
    expect(view.payouts.map((p) => p.kind)).toEqual(['regular']);
  });

  it('keeps the lines as paid when the facts change later; the difference shows, and the lines refuse a change', async () => {
    const paidBefore = await t.database.raw.query(
      'select child_id, code, count, amount from compensation_payout_lines where period = $1 order by child_id, code',
      ['2026-Q3'],
    );
    // The placements were registered late: both children were placed from their first day with Malmö.
    await t.database.raw.query(`update placements set from_date = '2026-07-08' where child_id = $1`, [first]);
    await t.database.raw.query(`update placements set from_date = '2026-07-01' where child_id = $1`, [
      second,
    ]);
    const paidAfter = await t.database.raw.query(
      'select child_id, code, count, amount from compensation_payout_lines where period = $1 order by child_id, code',
      ['2026-Q3'],
    );
    expect(paidAfter.rows).toEqual(paidBefore.rows);
    const view = (await t.request(officer, 'GET', MALMO_Q3)).json<View>();
    expect(mine(view.comparison, first, 'SCHABLON_DYGN')).toEqual({
      childId: first,
      name: 'Testbarn Utbetalning 99980001',
      dossierNumber: '99980001',
      code: 'SCHABLON_DYGN',
      computed: { count: 85, amount: 85_000 },
      paid: { count: 61, amount: 61_000 },
      difference: 24_000,
    });
    await expect(
      t.database.raw.query(`update compensation_payout_lines set amount = 0 where child_id = $1`, [first]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.database.raw.query(`delete from compensation_payouts where period = '2026-Q3'`),
    ).rejects.toThrow(/immutable/);
  });

  it("shows Malmö's finance officer what was paid next to what Anvisa computes now", async () => {
    const res = await t.request(finance, 'GET', '/api/compensation/paid?quarter=2026-Q3');
    expect(res.statusCode).toBe(200);
    const paid = res.json<{
      payouts: { kind: string }[];
      comparison: Row[];
      totals: { difference: number };
    }>();
    expect(paid.payouts.map((p) => p.kind)).toEqual(['regular']);
    expect(mine(paid.comparison, first, 'SCHABLON_DYGN')?.difference).toBe(24_000);
    expect(mine(paid.comparison, second, 'SCHABLON_DYGN')?.difference).toBe(62_000);
    expect(mine(paid.comparison, first, 'ANVISNING_ENGANG')?.difference).toBe(0);
    expect(paid.totals.difference).toBe(paid.comparison.reduce((s, r) => s + r.difference, 0));
    expect((await eventsOf(res))[0]?.child_ids).toEqual(expect.arrayContaining([first, second]));
  });
});

describe('a child with a protected identity on a payout line', () => {
  it('is named by its dossier number alone, to the Agency and to the municipality', async () => {
    const canary = await t.childByDossier(CANARY_DOSSIER);
    const lines = await t.database.raw.query<{ period: string }>(
      `select distinct period from compensation_payout_lines where child_id = $1`,
      [canary],
    );
    const period = lines.rows[0]?.period ?? '';
    expect(period).not.toBe('');
    const agency = await t.request(
      officer,
      'GET',
      `/api/compensation/payouts?municipalityCode=1280&period=${period}`,
    );
    const own = await t.request(finance, 'GET', `/api/compensation/paid?quarter=${period}`);
    for (const res of [agency, own]) {
      const rows = res.json<{
        comparison: { childId: string; name: string | null; dossierNumber: string }[];
      }>().comparison;
      expect(rows.find((r) => r.childId === canary)).toMatchObject({
        name: null,
        dossierNumber: CANARY_DOSSIER,
      });
      for (const secret of [CANARY.firstName, CANARY.lastName]) expect(res.body).not.toContain(secret);
    }
  });
});

describe('a missing schablon reported and answered', () => {
  const report = (body: Record<string, unknown>) =>
    t.request(finance, 'POST', '/api/compensation/missing-schablon', {
      quarter: '2026-Q3',
      childId: first,
      explanation: 'Placeringen registrerades sent; barnet var placerat från första dagen.',
      ...body,
    });

  it('offers the children whose quarter was paid short', async () => {
    const res = await t.request(finance, 'GET', '/api/compensation/missing-schablon');
    expect(res.statusCode).toBe(200);
    const { candidates } = res.json<{
      candidates: { quarter: string; childId: string; difference: number }[];
    }>();
    expect(candidates).toContainEqual(
      expect.objectContaining({ quarter: '2026-Q3', childId: first, difference: 24_000 }),
    );
  });

  it('refuses a bad report with the field named; another municipality’s child is 404', async () => {
    const before = await count('missing_schablon_reports');
    const short = await report({ explanation: 'kort' });
    expect(short.statusCode).toBe(422);
    expect(short.json<Fields>().error.code).toBe('missing_schablon_invalid');
    expect(fieldsOf(short)).toEqual([['body.explanation', 'explanation_short']]);
    const unpaid = await report({ quarter: '2025-Q3' });
    expect(fieldsOf(unpaid)).toEqual([['body.quarter', 'quarter_not_paid']]);
    const stockholm = await report({ childId: await t.childByDossier('20000107') });
    expect(stockholm.statusCode).toBe(404);
    expect((await eventsOf(stockholm))[0]).toMatchObject({
      kind: 'missing_schablon.write',
      outcome: 'denied',
    });
    expect((await report({ childId: NO_SUCH })).statusCode).toBe(404);
    expect((await report({ childId: 'not-an-id' })).statusCode).toBe(400);
    expect((await report({ quarter: '2026-Q9' })).statusCode).toBe(400);
    expect(await count('missing_schablon_reports')).toBe(before);
  });

  it('files the report once (201, audited); the same child and quarter again is 409 while it is open', async () => {
    const res = await report({});
    expect(res.statusCode).toBe(201);
    expect(res.json<Report>()).toMatchObject({ childId: first, status: 'open', difference: 24_000 });
    expect(await eventsOf(res)).toEqual([
      expect.objectContaining({ kind: 'missing_schablon.write', outcome: 'allowed', child_ids: [first] }),
    ]);
    const again = await report({});
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual([['body.childId', 'schablon_already_reported']]);
  });

  it('refuses an incomplete answer with the field named; an unknown report is 404', async () => {
    const { open } = (await t.request(officer, 'GET', '/api/compensation/missing-schablon-reports')).json<{
      open: Report[];
    }>();
    const id = open.find((r) => r.childId === first)?.id ?? '';
    const answer = (body: Record<string, unknown>, reportId = id) =>
      t.request(officer, 'POST', `/api/compensation/missing-schablon-reports/${reportId}/answer`, {
        outcome: 'accepted',
        paidOn: '2026-11-23',
        reason: null,
        text: '',
        ...body,
      });
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ paidOn: null }, [['body.paidOn', 'paid_on_required']]],
      [{ paidOn: '2026-11-24' }, [['body.paidOn', 'paid_in_future']]],
      [{ outcome: 'rejected' }, [['body.reason', 'rejection_reason_required']]],
      [{ outcome: 'rejected', reason: 'other', text: 'Nej.' }, [['body.text', 'rejection_text_required']]],
    ];
    for (const [change, fields] of cases) {
      const res = await answer(change);
      expect(res.statusCode, JSON.stringify(change)).toBe(422);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect((await answer({ reason: 'not_a_reason' })).statusCode).toBe(400);
    expect((await answer({}, NO_SUCH)).statusCode).toBe(404);
  });

  it('accepts it: a supplementary payout of what is owed for that child; answered once; nothing more to report', async () => {
    const { open } = (await t.request(officer, 'GET', '/api/compensation/missing-schablon-reports')).json<{
      open: Report[];
    }>();
    const id = open.find((r) => r.childId === first)?.id ?? '';
    const url = `/api/compensation/missing-schablon-reports/${id}/answer`;
    const body = { outcome: 'accepted', paidOn: '2026-11-23', reason: null, text: 'Placeringen är styrkt.' };
    const res = await t.request(officer, 'POST', url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json<Report>()).toMatchObject({
      status: 'accepted',
      payout: { kind: 'supplementary', total: 24_000 },
      difference: 0,
    });
    const { rows } = await t.database.raw.query<{
      child_id: string;
      code: string;
      count: number;
      amount: number;
    }>(
      `select l.child_id, l.code, l.count, l.amount from compensation_payout_lines l
       join compensation_payouts p on p.id = l.payout_id where p.kind = 'supplementary' and p.period = '2026-Q3'`,
    );
    expect(rows).toEqual([{ child_id: first, code: 'SCHABLON_DYGN', count: 24, amount: 24_000 }]);
    const again = await t.request(officer, 'POST', url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json<Fields>().error.code).toBe('report_answered');

    const own = (await t.request(finance, 'GET', '/api/compensation/missing-schablon')).json<{
      reports: Report[];
      candidates: { childId: string }[];
    }>();
    expect(own.reports.find((r) => r.id === id)).toMatchObject({
      status: 'accepted',
      answerText: 'Placeringen är styrkt.',
    });
    expect(own.candidates.some((c) => c.childId === first)).toBe(false);
    const nothing = await report({});
    expect(fieldsOf(nothing)).toEqual([['body.childId', 'nothing_missing']]);
  });

  it('rejects another with a reason from the list, which the municipality sees', async () => {
    const filed = (await report({ childId: second })).json<Report>();
    const res = await t.request(
      officer,
      'POST',
      `/api/compensation/missing-schablon-reports/${filed.id}/answer`,
      {
        outcome: 'rejected',
        paidOn: null,
        reason: 'responsibility_not_registered',
        text: '',
      },
    );
    expect(res.statusCode).toBe(200);
    const own = (await t.request(finance, 'GET', '/api/compensation/missing-schablon')).json<{
      reports: Report[];
    }>();
    expect(own.reports.find((r) => r.id === filed.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'responsibility_not_registered',
      payout: null,
    });
  });

  it("lists a municipality's own reports only; the Agency sees every municipality's; no one else reaches them", async () => {
    const lund = await aChild(t, '99980003', '2012-01-01', '1281');
    await t.database.raw.query(
      `insert into missing_schablon_reports (municipality_code, quarter, child_id, explanation, reported_by,
         reported_on, reported_at, status)
       values ('1281', '2026-Q2', $1, 'Lunds anmälan', (select id from users where subject = 'dev:eva.strom'),
         '2026-11-01', now(), 'open')`,
      [lund],
    );
    const own = (await t.request(finance, 'GET', '/api/compensation/missing-schablon')).json<{
      reports: Report[];
    }>();
    expect(own.reports.some((r) => r.childId === lund)).toBe(false);
    const all = (await t.request(officer, 'GET', '/api/compensation/missing-schablon-reports')).json<{
      open: Report[];
    }>();
    expect(all.open.some((r) => r.childId === lund)).toBe(true);
    const worker = await t.login('sara.lind');
    expect((await t.request(worker, 'GET', '/api/compensation/missing-schablon')).statusCode).toBe(403);
    expect((await t.request(finance, 'GET', '/api/compensation/missing-schablon-reports')).statusCode).toBe(
      403,
    );
    expect((await t.request(officer, 'GET', '/api/compensation/missing-schablon')).statusCode).toBe(403);
  });
});

describe("Malmö's annual compensation for 2026", () => {
  it('records a forecast with its source (the latest is current); bad input 422 or 400', async () => {
    const res = await t.request(officer, 'POST', '/api/compensation/forecasts', {
      year: 2026,
      forecast: 1500,
      source: 'Migrationsverkets verksamhets- och utgiftsprognos, juli 2026',
    });
    expect(res.statusCode).toBe(201);
    const list = res.json<{ forecasts: { year: number; forecast: number; current: boolean }[] }>().forecasts;
    expect(list.filter((f) => f.year === 2026).map((f) => [f.forecast, f.current])).toEqual([
      [1500, true],
      [1900, false],
    ]);
    expect((await eventsOf(res))[0]).toMatchObject({
      kind: 'compensation.forecast.write',
      outcome: 'allowed',
    });
    const noSource = await t.request(officer, 'POST', '/api/compensation/forecasts', {
      year: 2026,
      forecast: 10,
      source: '  ',
    });
    expect(noSource.statusCode).toBe(422);
    expect(fieldsOf(noSource)).toEqual([['body.source', 'source_required']]);
    for (const body of [
      { year: 2016, forecast: 10, source: 'Källa' },
      { year: 2026, forecast: -1, source: 'Källa' },
      { year: 2026, forecast: 1.5, source: 'Källa' },
    ])
      expect((await t.request(officer, 'POST', '/api/compensation/forecasts', body)).statusCode).toBe(400);
  });

  it("follows Malmö's share after the county's redistribution is fixed", async () => {
    const before = (await t.request(finance, 'GET', '/api/compensation/annual?year=2026')).json<Annual>();
    const promille = before.promille ?? 0;
    expect(before.forecast).toMatchObject({ forecast: 1500 });
    expect(before.computation?.children).toBe(Math.floor((promille * 1500) / 1000 + 0.5));

    const county = await t.login('maria.lst');
    const proposed = await t.request(county, 'POST', '/api/county/redistributions', {
      year: 2026,
      transfers: [{ fromCode: '1280', toCode: '1281', promille: 3 }],
      dialogue: 'Malmö lämnar tre promille till Lund efter dialog i länet.',
    });
    expect(proposed.statusCode).toBe(201);
    const proposal = proposed
      .json<{ proposals: { id: string; status: string }[] }>()
      .proposals.find((p) => p.status === 'proposed');
    const fixed = await t.request(
      await t.login('anna.alm'),
      'POST',
      `/api/allocation/redistributions/${proposal?.id ?? ''}/decision`,
      { decision: 'fix', note: 'Fastställd enligt länets förslag.' },
    );
    expect(fixed.statusCode).toBe(200);

    const res = await t.request(finance, 'GET', '/api/compensation/annual?year=2026');
    expect(res.statusCode).toBe(200);
    const after = res.json<Annual>();
    expect(after.shareVersion).toMatchObject({
      id: fixed.json<{ resultVersionId: string }>().resultVersionId,
      source: 'transfer',
    });
    expect(after.promille).toBe(promille - 3);
    // (P − 3) ‰ of 1,500 is 1.5 × (P − 3) children, exactly; half a child rounds up.
    const exact = ((promille - 3) * 1500) / 1000;
    expect(Number(after.computation?.exactChildren)).toBe(exact);
    expect(after.computation?.children).toBe(Math.floor(exact + 0.5));
    expect(after.comparison.map((r) => [r.code, r.computed.amount])).toEqual([
      ['FAST_AR', 500_000],
      ['RORLIG_AR', Math.floor(exact + 0.5) * 9450],
    ]);
  });

  it('is paid by the officer with the same lines; the Agency sees the basis', async () => {
    const url = '/api/compensation/payouts?municipalityCode=1280&period=2026';
    const view = (await t.request(officer, 'GET', url)).json<View>();
    const annual = (await t.request(finance, 'GET', '/api/compensation/annual?year=2026')).json<Annual>();
    expect(view.annual?.promille).toBe(annual.promille);
    expect(view.proposal?.lines.map((l) => [l.childId, l.code, l.amount])).toEqual(
      annual.comparison.map((r) => [null, r.code, r.computed.amount]),
    );
    const res = await t.request(officer, 'POST', '/api/compensation/payouts', {
      municipalityCode: '1280',
      period: '2026',
      paidOn: '2026-11-23',
      fingerprint: view.proposal?.fingerprint ?? '',
    });
    expect(res.statusCode).toBe(201);
    const paid = (await t.request(finance, 'GET', '/api/compensation/annual?year=2026')).json<Annual>();
    expect(paid.payouts.map((p) => p.kind)).toEqual(['regular']);
    expect(paid.comparison.every((r) => r.difference === 0)).toBe(true);
  });
});
