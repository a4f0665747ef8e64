/**
 * A child with a protected identity (skyddad identitet) is named by dossier number only in what the finance officer
 * and the Agency read of compensation: the quarter's view, a child's explanation, a claim's lines and candidates —
 * as the payouts, the missing-schablon reports and the reconciliation already do (ADR 0035). On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild, aPeriod, aPlacement } from './fixtures.ts';

let t: TestApp;
let finance: Session;
let hidden = '';

interface Named {
  childId: string;
  name: string | null;
  dossierNumber: string;
}

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.login('malmo.ekonomi');
  // Placed by Malmö all of 2026-Q3, and seven arrival days in Malmö in July before Malmö took over: lines of both kinds.
  hidden = await aChild(t, '99990001', '2011-05-05');
  await t.database.raw.query(
    `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id)
     select $1, '1280', 'arrival', '2026-07-01', '2026-07-08', id from organisations
     where type = 'municipality' and municipality_code = '1280'`,
    [hidden],
  );
  await aPeriod(t, hidden, '1280', '2026-07-08', null);
  await aPlacement(t, hidden, '2026-07-08', null);
  await t.database.raw.query('update children set protected_identity = true where id = $1', [hidden]);
});
afterAll(async () => t.close());

describe('a child with a protected identity in compensation', () => {
  it("is named by dossier number only in the quarter's view and its explanation", async () => {
    const view = await t.request(finance, 'GET', '/api/compensation?quarter=2026-Q3');
    expect(view.statusCode).toBe(200);
    const row = view.json<{ children: Named[] }>().children.find((c) => c.childId === hidden);
    expect(row).toMatchObject({ name: null, dossierNumber: '99990001' });
    expect(view.body).not.toContain('Utbetalning 99990001');
    const explained = await t.request(finance, 'GET', `/api/compensation/children/${hidden}?quarter=2026-Q3`);
    expect(explained.json<Named>()).toMatchObject({ name: null, dossierNumber: '99990001' });
  });

  it("is named by dossier number only in a claim's candidates and lines", async () => {
    const created = await t.request(finance, 'POST', '/api/compensation/claims', { quarters: ['2026-Q3'] });
    expect(created.statusCode, created.body).toBe(201);
    const claim = created.json<{ lines: Named[]; candidates: Named[] }>();
    const mine = [...claim.lines, ...claim.candidates].filter((l) => l.childId === hidden);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.name === null && l.dossierNumber === '99990001')).toBe(true);
    expect(created.body).not.toContain('Utbetalning 99990001');
  });
});
