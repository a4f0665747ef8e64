/**
 * The child's special grant through the API (issue 14 point 7, ADR 0033): the god man applies for a ward and submits,
 * the Migration Agency's compensation officer decides (granted, partly granted, refused with a reason) and records the
 * payment; the refusals (409, 422 with fields), bad input (400, never 500), another god man's ward (404), the audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChild } from '../placement/fixtures.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let birgitta: Session;
let eva: Session;
let ward: string;
let otherWard: string;

interface Application {
  id: string;
  childId: string;
  child: string;
  dossierNumber: string;
  status: string;
  version: number;
  steps: string[];
  grantedAmount: number | null;
  decision: string[] | null;
}
interface ErrorBody {
  error: { code: string; fields: { field: string; code: string }[] };
}

const WHY = 'Har vuxit ur vinterjackan.';
const grants = (childId: string) => `/api/children/${childId}/special-grants`;
const step = (id: string, path: string) => `/api/special-grants/${id}/${path}`;

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
    'select kind, outcome, child_ids from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows.map((r) => [r.kind, r.outcome, r.child_ids]);
}

async function submitted(amount: number): Promise<Application> {
  const created = (
    await t.request(birgitta, 'POST', grants(ward), { need: 'winter_clothes', description: WHY, amount })
  ).json<Application>();
  return (
    await t.request(birgitta, 'POST', step(created.id, 'submit'), { expectedVersion: created.version })
  ).json<Application>();
}

beforeAll(async () => {
  t = await startTestApp({ children: 4 });
  ward = await aChild(t, { dossier: '66000001', godMan: 'birgitta.sjo' });
  otherWard = await aChild(t, { dossier: '66000002', godMan: 'hans.gren' });
  birgitta = await t.login('birgitta.sjo');
  eva = await t.login('eva.strom');
});
afterAll(async () => t.close());

describe('a special grant from the application to the payment', () => {
  it('the god man applies and submits, the Agency grants in part with a reason and pays', async () => {
    const empty = await t.request(birgitta, 'GET', grants(ward));
    // The needs as the data states them: no ceiling, none verified, and never the data's research notes.
    expect(empty.json()).toEqual({
      childId: ward,
      child: 'Test Barn 66000001',
      dossierNumber: '66000001',
      needs: [
        { need: 'glasses', ceiling: null, verified: false },
        { need: 'winter_clothes', ceiling: null, verified: false },
        { need: 'other', ceiling: null, verified: false },
      ],
      mayApply: true,
      applications: [],
    });
    expect(await eventsOf(empty)).toEqual([['special_grant.read', 'allowed', [ward]]]);

    const created = await t.request(birgitta, 'POST', grants(ward), {
      need: 'glasses',
      description: 'Behöver glasögon för att se tavlan.',
      amount: 1800,
    });
    expect(created.statusCode).toBe(201);
    let a = created.json<Application>();
    expect(a).toMatchObject({ childId: ward, status: 'draft', steps: ['submit'], decision: null });
    expect(await eventsOf(created)).toEqual([['special_grant.write', 'allowed', [ward]]]);

    a = (await t.request(birgitta, 'POST', step(a.id, 'submit'), { expectedVersion: a.version })).json();
    expect(a).toMatchObject({ status: 'submitted', steps: [] });

    const queue = (await t.request(eva, 'GET', '/api/special-grants')).json<{
      applications: Application[];
      needs: unknown[];
    }>();
    // The Agency decides on the dossier number: the child's name is not in its queue.
    expect(queue.applications.find((q) => q.id === a.id)).toMatchObject({
      child: '66000001',
      dossierNumber: '66000001',
      status: 'submitted',
      steps: ['decide'],
    });
    expect(JSON.stringify(queue)).not.toContain('Test Barn');
    expect(queue.applications.every((q) => q.child === q.dossierNumber)).toBe(true);
    expect(queue.needs).toHaveLength(3);

    const decided = await t.request(eva, 'POST', step(a.id, 'decide'), {
      outcome: 'partly_granted',
      grantedAmount: 1200,
      reason: 'Bågar till skäligt pris ryms inom 1 200 kr.',
      expectedVersion: a.version,
    });
    expect(decided.statusCode).toBe(200);
    a = decided.json<Application>();
    expect(a).toMatchObject({ status: 'partly_granted', grantedAmount: 1200, steps: ['pay'] });
    expect(a.decision).toEqual([
      'Ansökan gäller särskilt bidrag till barnet med dossiernummer 66000001 för glasögon med 1 800 kr.',
      'Migrationsverket beviljar delvis ansökan med 1 200 kr och avslår den i övrigt.',
      'Skäl: Bågar till skäligt pris ryms inom 1 200 kr.',
      'Beslutet är fattat med stöd av lagen (1994:137) om mottagande av asylsökande m.fl.',
      'Beslutsdatum: 2026-11-23.',
    ]);

    const paid = await t.request(eva, 'POST', step(a.id, 'pay'), {
      paidOn: '2026-11-23',
      expectedVersion: a.version,
    });
    expect(paid.json()).toMatchObject({ status: 'paid', steps: [] });
    expect(await eventsOf(paid)).toEqual([['special_grant.write', 'allowed', [ward]]]);

    const seen = (await t.request(birgitta, 'GET', grants(ward))).json<{ applications: Application[] }>();
    expect(seen.applications.find((s) => s.id === a.id)?.decision?.slice(0, 2)).toEqual([
      'Ansökan gäller särskilt bidrag till Test Barn 66000001, dossiernummer 66000001, för glasögon med 1 800 kr.',
      'Migrationsverket beviljar delvis ansökan med 1 200 kr och avslår den i övrigt.',
    ]);
  });
});

describe('what is refused', () => {
  it('payment before a grant, and after a refusal, is 409', async () => {
    const a = await submitted(900);
    const early = await t.request(eva, 'POST', step(a.id, 'pay'), {
      paidOn: '2026-11-23',
      expectedVersion: a.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('transition_not_allowed');
    const refused = (
      await t.request(eva, 'POST', step(a.id, 'decide'), {
        outcome: 'refused',
        grantedAmount: null,
        reason: 'Vinterkläder har redan beviljats i år.',
        expectedVersion: a.version,
      })
    ).json<Application>();
    expect(refused).toMatchObject({ status: 'refused', steps: [], grantedAmount: null });
    expect(refused.decision?.slice(1, 3)).toEqual([
      'Migrationsverket avslår ansökan.',
      'Skäl: Vinterkläder har redan beviljats i år.',
    ]);
    const late = await t.request(eva, 'POST', step(a.id, 'pay'), {
      paidOn: '2026-11-23',
      expectedVersion: refused.version,
    });
    expect(late.statusCode).toBe(409);
  });

  it('a decision above the applied amount, a partial grant or refusal without a reason, is 422 with the field', async () => {
    const a = await submitted(900);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ outcome: 'granted', grantedAmount: 1000, reason: '' }, 'body.grantedAmount', 'amount_above_applied'],
      [{ outcome: 'partly_granted', grantedAmount: 500, reason: ' ' }, 'body.reason', 'reason_required'],
      [{ outcome: 'refused', grantedAmount: null, reason: '' }, 'body.reason', 'reason_required'],
      [{ outcome: 'granted', grantedAmount: 800, reason: '' }, 'body.grantedAmount', 'granted_means_applied'],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.request(eva, 'POST', step(a.id, 'decide'), { ...body, expectedVersion: a.version });
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error).toMatchObject({
        code: 'special_grant_invalid',
        fields: [{ field, code }],
      });
    }
    const { rows } = await t.database.raw.query<{ status: string }>(
      'select status from special_grant_applications where id = $1',
      [a.id],
    );
    expect(rows[0]?.status).toBe('submitted');
  });

  it('a stale version is 409 stale; a payment outside the decision and today is 422', async () => {
    const a = await submitted(700);
    const stale = await t.request(eva, 'POST', step(a.id, 'decide'), {
      outcome: 'granted',
      grantedAmount: 700,
      reason: '',
      expectedVersion: a.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('stale');
    const granted = (
      await t.request(eva, 'POST', step(a.id, 'decide'), {
        outcome: 'granted',
        grantedAmount: 700,
        reason: '',
        expectedVersion: a.version,
      })
    ).json<Application>();
    const future = await t.request(eva, 'POST', step(a.id, 'pay'), {
      paidOn: '2026-11-24',
      expectedVersion: granted.version,
    });
    expect(future.statusCode).toBe(422);
    expect(future.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.paidOn', code: 'paid_outside_range' }),
    ]);
  });

  it('an application without saying what the child needs and why is 422 naming the field, whatever the need', async () => {
    for (const need of ['glasses', 'winter_clothes', 'other']) {
      const res = await t.request(birgitta, 'POST', grants(ward), { need, description: '  ', amount: 300 });
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.fields).toEqual([
        expect.objectContaining({ field: 'body.description', code: 'description_required' }),
      ]);
    }
  });

  it('bad input is 400, never 500', async () => {
    for (const body of [
      { need: 'glasses', description: '', amount: 0 },
      { need: 'glasses', description: '', amount: 12.5 },
      { need: 'glasses', description: '', amount: '1200' },
      { need: 'bicycle', description: '', amount: 1200 },
      { need: 'glasses', description: 'a\u0000b', amount: 1200 },
      { need: 'glasses', description: '', amount: 1200, extra: true },
      { need: 'glasses', amount: 1200 },
    ])
      expect((await t.request(birgitta, 'POST', grants(ward), body)).statusCode).toBe(400);
    const a = await submitted(400);
    for (const body of [
      { outcome: 'maybe', grantedAmount: null, reason: '', expectedVersion: a.version },
      { outcome: 'granted', grantedAmount: -5, reason: '', expectedVersion: a.version },
      { outcome: 'granted', grantedAmount: 400, reason: '' },
    ])
      expect((await t.request(eva, 'POST', step(a.id, 'decide'), body)).statusCode).toBe(400);
    expect(
      (await t.request(eva, 'POST', step(a.id, 'pay'), { paidOn: '2026-02-30', expectedVersion: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.request(eva, 'POST', step('not-a-uuid', 'pay'), { paidOn: '2026-11-23', expectedVersion: 1 }))
        .statusCode,
    ).toBe(400);
  });
});

describe('who reaches what', () => {
  it("another god man's ward is 404 and audited as refused; nothing is written", async () => {
    const read = await t.request(birgitta, 'GET', grants(otherWard));
    expect(read.statusCode).toBe(404);
    const write = await t.request(birgitta, 'POST', grants(otherWard), {
      need: 'glasses',
      description: WHY,
      amount: 1000,
    });
    expect(write.statusCode).toBe(404);
    expect(await eventsOf(write)).toEqual([['special_grant.write', 'denied', [otherWard]]]);
    const { rows } = await t.database.raw.query(
      'select 1 from special_grant_applications where child_id = $1',
      [otherWard],
    );
    expect(rows).toEqual([]);
  });

  it("another god man cannot submit the ward's application (404); the god man cannot decide (403)", async () => {
    const a = (
      await t.request(birgitta, 'POST', grants(ward), { need: 'glasses', description: WHY, amount: 650 })
    ).json<Application>();
    const hans = await t.login('hans.gren');
    expect(
      (await t.request(hans, 'POST', step(a.id, 'submit'), { expectedVersion: a.version })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request(birgitta, 'POST', step(a.id, 'decide'), {
          outcome: 'granted',
          grantedAmount: 650,
          reason: '',
          expectedVersion: a.version,
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request(birgitta, 'GET', '/api/special-grants')).statusCode).toBe(403);
  });

  it('a god man whose appointment has ended no longer applies (404)', async () => {
    await t.database.raw.query(`update guardianships set to_date = '2026-11-20' where child_id = $1`, [ward]);
    expect((await t.request(birgitta, 'GET', grants(ward))).statusCode).toBe(404);
    await t.database.raw.query(`update guardianships set to_date = null where child_id = $1`, [ward]);
  });
});

describe('the demo', () => {
  it("Birgitta Sjö's wards have an application in each status, each applied for while she was their god man", async () => {
    const { rows } = await t.database.raw.query<{ status: string; applied_on: string; in_force: boolean }>(
      `select a.status, a.applied_on::text,
              exists (select 1 from guardianships g where g.child_id = a.child_id and g.guardian_user_id = a.applied_by
                        and g.from_date <= a.applied_on and (g.to_date is null or g.to_date > a.applied_on)) as in_force
         from special_grant_applications a join users u on u.id = a.applied_by
        where u.subject = 'dev:birgitta.sjo' and a.child_id <> $1`,
      [ward],
    );
    expect(rows.map((r) => r.status).sort()).toEqual(
      ['draft', 'granted', 'paid', 'partly_granted', 'refused', 'submitted'].sort(),
    );
    expect(rows.every((r) => r.in_force && r.applied_on <= '2026-11-23')).toBe(true);
  });
});
