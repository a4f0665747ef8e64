/**
 * The authorization matrix's cases for the Agency's payouts, the annual compensation and the missing-schablon
 * reports (ADR 0035). The finance officer's routes: own scope Malmö (a child of the setup's, placed by Malmö in
 * 2026-Q2, which the demo's payout for that quarter does not hold), other scope Stockholm's child (404). The Agency's
 * compensation officer reaches every municipality: its own scope is a real one (Upplands Väsby's annual compensation
 * for 2025, the demo's open report), its other scope one that does not exist (404, or 422 for a payout's body).
 * Everyone else 403.
 */
import type { TestApp } from '../support/app.ts';
import { all, with_, NO_SUCH, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import { aChild, aPeriod, aPlacement } from './fixtures.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';
const FINANCE = with_(all(403), { finance_officer: [200, 200] });
const OFFICER = with_(all(403), { compensation_officer: [200, 200] });

async function setup(t: TestApp): Promise<Record<string, string>> {
  const child = await aChild(t, '99970001', '2012-02-02');
  await aPeriod(t, child, '1280', '2026-04-01', null);
  await aPlacement(t, child, '2026-04-01', null);
  const officer = await t.login('eva.strom');
  const view = await t.request(officer, 'GET', '/api/compensation/payouts?municipalityCode=0114&period=2025');
  const reports = await t.request(officer, 'GET', '/api/compensation/missing-schablon-reports');
  return {
    'payouts:child': child,
    'payouts:fingerprint': view.json<{ proposal: { fingerprint: string } }>().proposal.fingerprint,
    'payouts:openReport': reports.json<{ open: { id: string }[] }>().open[0]?.id ?? '',
  };
}

export const payoutsMatrix: MatrixModule = {
  setup,
  cases: [
    {
      route: 'GET /api/compensation/annual',
      build: () => ({ method: 'GET', url: '/api/compensation/annual?year=2026' }),
      noSession: 401,
      expect: FINANCE,
    },
    {
      route: 'GET /api/compensation/paid',
      build: () => ({ method: 'GET', url: '/api/compensation/paid?quarter=2026-Q2' }),
      noSession: 401,
      expect: FINANCE,
    },
    {
      route: 'GET /api/compensation/missing-schablon',
      build: () => ({ method: 'GET', url: '/api/compensation/missing-schablon' }),
      noSession: 401,
      expect: FINANCE,
    },
    {
      route: 'POST /api/compensation/missing-schablon',
      build: (f, s: Scope) => ({
        method: 'POST',
        url: '/api/compensation/missing-schablon',
        body: {
          quarter: '2026-Q2',
          childId: s === 'own' ? x(f, 'payouts:child') : f.otherChild,
          explanation: 'Barnet saknas på utbetalningslistan för kvartalet.',
        },
      }),
      noSession: 401,
      expect: with_(all(403), { finance_officer: [201, 404] }),
      writes: ['missing_schablon_reports'],
    },
    {
      route: 'GET /api/compensation/payouts',
      build: (_f, s: Scope) => ({
        method: 'GET',
        url: `/api/compensation/payouts?municipalityCode=${s === 'own' ? '0114' : '0000'}&period=2025`,
      }),
      noSession: 401,
      expect: with_(all(403), { compensation_officer: [200, 404] }),
    },
    {
      route: 'POST /api/compensation/payouts',
      build: (f, s: Scope) => ({
        method: 'POST',
        url: '/api/compensation/payouts',
        body: {
          municipalityCode: s === 'own' ? '0114' : '0000',
          period: '2025',
          paidOn: '2025-07-15',
          fingerprint: x(f, 'payouts:fingerprint'),
        },
      }),
      noSession: 401,
      expect: with_(all(403), { compensation_officer: [201, 422] }),
      writes: ['compensation_payouts', 'compensation_payout_lines'],
    },
    {
      route: 'GET /api/compensation/forecasts',
      build: () => ({ method: 'GET', url: '/api/compensation/forecasts' }),
      noSession: 401,
      expect: OFFICER,
    },
    {
      route: 'POST /api/compensation/forecasts',
      build: () => ({
        method: 'POST',
        url: '/api/compensation/forecasts',
        body: { year: 2027, forecast: 900, source: 'Migrationsverkets prognos (matrisen)' },
      }),
      noSession: 401,
      expect: with_(all(403), { compensation_officer: [201, 201] }),
      writes: ['compensation_forecasts'],
    },
    {
      route: 'GET /api/compensation/missing-schablon-reports',
      build: () => ({ method: 'GET', url: '/api/compensation/missing-schablon-reports' }),
      noSession: 401,
      expect: OFFICER,
    },
    {
      route: 'POST /api/compensation/missing-schablon-reports/:reportId/answer',
      build: (f, s: Scope) => ({
        method: 'POST',
        url: `/api/compensation/missing-schablon-reports/${s === 'own' ? x(f, 'payouts:openReport') : NO_SUCH}/answer`,
        body: { outcome: 'rejected', paidOn: null, reason: 'already_paid', text: '' },
      }),
      noSession: 401,
      expect: with_(all(403), { compensation_officer: [200, 404] }),
      writes: ['missing_schablon_reports', 'compensation_payouts'],
    },
  ],
};
