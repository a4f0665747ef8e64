/**
 * The authorization matrix's cases for the reconciliation report (issue 14 point 8). The finance officer's routes
 * read the own municipality only (no scope in the request: 200 for both scopes). The Agency's compensation officer
 * reads any municipality: its own scope a real one (Malmö), its other one that does not exist (404). Everyone else 403.
 */
import { all, with_, type MatrixModule, type Scope } from '../support/matrix.ts';

const FINANCE = with_(all(403), { finance_officer: [200, 200] });
const OFFICER = with_(all(403), { compensation_officer: [200, 404] });
const municipality = (s: Scope) => (s === 'own' ? '1280' : '0000');

export const reconciliationMatrix: MatrixModule = {
  cases: [
    {
      route: 'GET /api/compensation/reconciliation',
      build: () => ({ method: 'GET', url: '/api/compensation/reconciliation' }),
      noSession: 401,
      expect: FINANCE,
    },
    {
      route: 'GET /api/compensation/reconciliation.csv',
      build: () => ({ method: 'GET', url: '/api/compensation/reconciliation.csv' }),
      noSession: 401,
      expect: FINANCE,
    },
    {
      route: 'GET /api/compensation/municipalities/:municipalityCode/reconciliation',
      build: (_f, s: Scope) => ({
        method: 'GET',
        url: `/api/compensation/municipalities/${municipality(s)}/reconciliation`,
      }),
      noSession: 401,
      expect: OFFICER,
    },
    {
      route: 'GET /api/compensation/municipalities/:municipalityCode/reconciliation.csv',
      build: (_f, s: Scope) => ({
        method: 'GET',
        url: `/api/compensation/municipalities/${municipality(s)}/reconciliation.csv`,
      }),
      noSession: 401,
      expect: OFFICER,
    },
  ],
};
