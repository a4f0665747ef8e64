/**
 * §37a grants through the API (issue 13 point 5, ADR 0028): a municipality applies, the county decides, pays,
 * approves a change and receives both reports; a decision that would exceed the county's allotment is refused with
 * the remaining amount named; the deadline; who sees what (outsiders 404); the audit trail; bad input (the
 * demo's year of grants: test/seed/grants.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let amir: Session;
let gustav: Session;
let hanna: Session;

interface Application {
  id: string;
  status: string;
  version: number;
  steps: string[];
  municipality: { code: string };
  grantedAmount: number | null;
  reminders: { report: string; state: string }[];
}
interface CountyView {
  year: number;
  allotment: number | null;
  granted: number;
  remaining: number | null;
  national: boolean;
  applications: Application[];
}
interface ErrorBody {
  error: { code: string; message: string; fields: { field: string; code: string }[] };
}

const YEAR = 2026;
const app = (id: string, path: string) => `/api/grants/applications/${id}/${path}`;
const county = async (year = YEAR) =>
  (await t.request(gustav, 'GET', `/api/grants/county?year=${year}`)).json<CountyView>();
const draft = {
  year: YEAR,
  title: 'Flyktingguider i Fosie',
  description: 'Guider och familjekontakter för unga som bor i kommunen.',
  purposes: ['networks', 'unaccompanied_support'],
  partners: [{ name: 'Röda Korset Malmö', certificate: true }],
  budget: [
    { description: 'Samordnare', amount: 200_000, costDate: '2026-12-01' },
    { description: 'Aktiviteter', amount: 100_000, costDate: '2027-02-01' },
  ],
  signatoryName: 'Karin Ek',
  signatoryTitle: 'Kommundirektör',
};

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows.map((r) => [r.kind, r.outcome, r.child_ids.length]);
}

beforeAll(async () => {
  t = await startTestApp({ children: 4 });
  amir = await t.login('malmo.bidrag');
  gustav = await t.login('gustav.bidrag');
  hanna = await t.login('hanna.bidrag');
});
afterAll(async () => t.close());

describe('a grant from the application to the closure', () => {
  it('Malmö applies, Skåne assesses, decides, pays, approves a change and receives both reports', async () => {
    const created = await t.request(amir, 'POST', '/api/grants/applications', draft);
    expect(created.statusCode).toBe(201);
    let a = created.json<Application>();
    expect(a).toMatchObject({ status: 'draft', steps: ['submit'] });
    expect(await eventsOf(created)).toEqual([['grants.write', 'allowed', 0]]);

    const walk: [Session, string, Record<string, unknown>, string][] = [
      [amir, 'submit', {}, 'submitted'],
      [gustav, 'assess', { assessment: 'Uppfyller villkoren och länets prioriteringar.' }, 'assessed'],
      [
        gustav,
        'decide',
        { outcome: 'granted', amount: 300_000, reasons: 'Svarar mot syftena och prioriteringarna.' },
        'granted',
      ],
      [gustav, 'pay', { paidOn: '2026-11-23' }, 'paid'],
      [
        amir,
        'change-request',
        { description: 'Träffarna flyttas till kvällstid i stället för helger.' },
        'change_requested',
      ],
      [gustav, 'change-approval', {}, 'change_approved'],
      [
        amir,
        'interim-report',
        { report: 'Delrapport: tolv matchningar hittills, alla aktiva.' },
        'interim_reported',
      ],
      [gustav, 'interim-report/receipt', {}, 'interim_reported'],
      [
        amir,
        'final-report',
        { report: 'Slutrapport: tjugo matchningar, kostnader enligt budget.' },
        'final_reported',
      ],
      [gustav, 'final-report/receipt', {}, 'closed'],
    ];
    for (const [session, path, body, status] of walk) {
      const res = await t.request(session, 'POST', app(a.id, path), { ...body, expectedVersion: a.version });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      a = res.json<Application>();
      expect(a.status, path).toBe(status);
    }
    expect(a.steps).toEqual([]);
    const view = await county();
    expect(view.applications.find((x) => x.id === a.id)).toMatchObject({
      status: 'closed',
      grantedAmount: 300_000,
    });
    expect(view.granted).toBe(300_000);
    expect(view.remaining).toBe((view.allotment ?? 0) - 300_000);
  });

  it('a decision that would exceed the allotment is refused with the remaining amount named, and nothing changes', async () => {
    const national = (await t.request(hanna, 'GET', `/api/grants/national?year=${YEAR}`)).json<{
      pot: number;
      allotments: { county: { code: string }; amount: number | null }[];
    }>();
    const set = await t.request(hanna, 'PUT', `/api/grants/national/${YEAR}`, {
      amount: national.pot,
      allotments: [{ countyCode: '12', amount: 400_000 }],
    });
    expect(set.statusCode).toBe(200);
    const before = await county();
    expect(before.remaining).toBe(100_000);
    const assessed = before.applications.find((x) => x.status === 'assessed');
    if (assessed === undefined) throw new Error('the demo has an assessed application in Skåne');
    const res = await t.request(gustav, 'POST', app(assessed.id, 'decide'), {
      outcome: 'granted',
      amount: 240_000,
      reasons: 'Beviljas enligt ansökan.',
      expectedVersion: assessed.version,
    });
    expect(res.statusCode).toBe(422);
    const error = res.json<ErrorBody>().error;
    expect(error.code).toBe('allotment_exceeded');
    expect(error.message).toMatch(/100\s000 kr remain/);
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'body.amount', code: 'allotment_exceeded:100000' }),
    ]);
    const after = await county();
    expect(after.applications.find((x) => x.id === assessed.id)?.status).toBe('assessed');
    expect(after.granted).toBe(before.granted);
    // Partly, within what remains, fits.
    const partly = await t.request(gustav, 'POST', app(assessed.id, 'decide'), {
      outcome: 'partly_granted',
      amount: 100_000,
      reasons: 'Beviljas delvis: länets medel räcker inte till mer.',
      expectedVersion: assessed.version,
    });
    expect(partly.statusCode).toBe(200);
    expect((await county()).remaining).toBe(0);
  });

  it('the national level may not set allotments beyond the pot or below what a county has granted', async () => {
    const res = await t.request(hanna, 'PUT', `/api/grants/national/${YEAR}`, {
      amount: 1_000_000,
      allotments: [{ countyCode: '12', amount: 300_000 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.fields.map((f) => f.code)).toContain('below_granted:400000');
  });

  it('a draft not submitted by the deadline becomes "not submitted by the deadline" and cannot be submitted', async () => {
    const created = (
      await t.request(amir, 'POST', '/api/grants/applications', { ...draft, title: 'Sen ansökan' })
    ).json<Application>();
    const saved = t.clock.now;
    t.clock.now = new Date('2027-01-20T09:00:00Z');
    try {
      const late = await t.login('malmo.bidrag');
      const view = (await t.request(late, 'GET', '/api/grants/applications')).json<{
        applications: Application[];
      }>();
      const mine = view.applications.find((x) => x.id === created.id);
      expect(mine).toMatchObject({ status: 'not_submitted_by_deadline', steps: [] });
      const res = await t.request(late, 'POST', app(created.id, 'submit'), {
        expectedVersion: created.version,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('grant_deadline_passed');
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('who sees what', () => {
  it("the applicant sees only the own municipality's applications, with report reminders", async () => {
    const view = (await t.request(amir, 'GET', '/api/grants/applications')).json<{
      applications: Application[];
    }>();
    expect(view.applications.length).toBeGreaterThan(0);
    for (const a of view.applications) expect(a.municipality.code).toBe('1280');
    expect(
      view.applications.some((a) => a.reminders.some((r) => r.report === 'final' && r.state === 'overdue')),
    ).toBe(true);
  });
  it("another municipality's or county's application answers 404 and is audited as denied", async () => {
    const stockholm = await t.database.raw.query<{ id: string; version: number }>(
      "select id, version from grant_applications where municipality_code = '0180' limit 1",
    );
    const lund = await t.database.raw.query<{ id: string; version: number }>(
      "select id, version from grant_applications where municipality_code = '1281' and status = 'submitted' limit 1",
    );
    const s = stockholm.rows[0];
    const l = lund.rows[0];
    if (s === undefined || l === undefined) throw new Error('the demo has Stockholm and Lund applications');
    const res = await t.request(gustav, 'POST', app(s.id, 'assess'), {
      assessment: 'Försök från fel län, ska nekas.',
      expectedVersion: s.version,
    });
    expect(res.statusCode).toBe(404);
    expect(await eventsOf(res)).toEqual([['grants.write', 'denied', 0]]);
    expect(
      (await t.request(amir, 'POST', app(l.id, 'submit'), { expectedVersion: l.version })).statusCode,
    ).toBe(404);
    // The applicant cannot take the officer's step on its own application (the route's permission).
    expect(
      (
        await t.request(amir, 'POST', app(l.id, 'assess'), {
          assessment: 'Själv bedömd ansökan.',
          expectedVersion: 1,
        })
      ).statusCode,
    ).toBe(403);
  });
  it('only the county board holding the pot has the national view; the summary counts per county and in total', async () => {
    expect((await t.request(gustav, 'GET', '/api/grants/national')).statusCode).toBe(404);
    expect((await county()).national).toBe(false);
    const res = await t.request(hanna, 'GET', `/api/grants/national?year=${YEAR - 1}`);
    expect(res.statusCode).toBe(200);
    expect(await eventsOf(res)).toEqual([['grants.read', 'allowed', 0]]);
    const n = res.json<{
      pot: number;
      summary: {
        total: { applications: number; municipalities: number; granted: number; refused: number };
        counties: { county: { code: string } }[];
      };
    }>();
    expect(n.pot).toBe(66_000_000);
    expect(n.summary.total).toMatchObject({ applications: 10, municipalities: 9, granted: 9, refused: 1 });
    expect(n.summary.counties.map((c) => c.county.code)).toEqual(['12']);
  });
});

describe('bad input', () => {
  it('wrong types answer 400 naming each field; an incomplete application is refused at submit with 422 per field', async () => {
    const bad = await t.request(amir, 'POST', '/api/grants/applications', {
      ...draft,
      purposes: ['fika'],
      budget: [{ description: 'x', amount: 10.5, costDate: '2026-02-30' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body.budget.0.amount', 'body.budget.0.costDate', 'body.purposes.0']);
    const before = await t.database.raw.query<{ n: string }>('select count(*) as n from grant_applications');
    const empty = (
      await t.request(amir, 'POST', '/api/grants/applications', {
        ...draft,
        purposes: [],
        budget: [],
        signatoryName: '',
      })
    ).json<Application>();
    const res = await t.request(amir, 'POST', app(empty.id, 'submit'), { expectedVersion: empty.version });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.signatoryName', 'signatory_required'],
      ['body.purposes', 'purpose_required'],
      ['body.budget', 'budget_required'],
    ]);
    const after = await t.database.raw.query<{ n: string }>('select count(*) as n from grant_applications');
    expect(Number(after.rows[0]?.n)).toBe(Number(before.rows[0]?.n) + 1);
    expect((await t.request(gustav, 'PUT', '/api/grants/calls/abc', {})).statusCode).toBe(400);
    const call = await t.request(gustav, 'PUT', `/api/grants/calls/${YEAR}`, {
      opensOn: '2026-10-09',
      deadline: '2026-10-01',
      priorities: 'x',
      interimReportDueOn: '2026-09-01',
      finalReportDueOn: '2026-08-01',
    });
    expect(call.statusCode).toBe(422);
    expect(call.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual([
      'body.deadline',
      'body.interimReportDueOn',
      'body.finalReportDueOn',
    ]);
  });
});
