/**
 * The authorization matrix's cases for the municipality's compensation view (issue 14 point 3, ADR 0032). Only the
 * finance officer has the permission (everyone else 403); the own scope is Malmö: its quarter, OWN_CHILD (Malmö is
 * responsible) and an LVU placement of Malmö's the setup adds; the other scope is OTHER_CHILD (Stockholm's, 404) and
 * a placement of another municipality (404).
 */
import { all, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';

export const compensationMatrix: MatrixModule = {
  setup: async (t, base) => {
    // A closed LVU placement in Malmö's past, of OWN_CHILD's, with a Malmö provider.
    const own = await t.database.raw.query<{ id: string }>(
      `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
       select $1, '1280', p.id, 'hvb', 'LVU', '2019-01-01', '2019-02-01', (select id from users where subject = 'dev:sara.lind')
       from placement_providers p where p.municipality_code = '1280' order by p.name limit 1 returning id`,
      [base.ownChild],
    );
    // A closed placement of another municipality's, with that municipality's provider.
    const other = await t.database.raw.query<{ id: string }>(
      `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
       select $1, p.municipality_code, p.id, 'hvb', 'LVU', '2019-01-01', '2019-02-01', (select id from users where subject = 'dev:sara.lind')
       from placement_providers p where p.municipality_code <> '1280' order by p.name limit 1 returning id`,
      [base.otherChild],
    );
    return { ownPlacement: own.rows[0]?.id ?? '', otherPlacement: other.rows[0]?.id ?? '' };
  },
  cases: [
    {
      route: 'GET /api/compensation',
      build: () => ({ method: 'GET', url: '/api/compensation' }),
      noSession: 401,
      expect: with_(all(403), { finance_officer: [200, 200] }),
    },
    {
      route: 'GET /api/compensation/children/:childId',
      build: (f, s: Scope) => ({
        method: 'GET',
        url: `/api/compensation/children/${s === 'own' ? f.ownChild : f.otherChild}`,
      }),
      noSession: 401,
      expect: with_(all(403), { finance_officer: [200, 404] }),
    },
    {
      route: 'PUT /api/compensation/placements/:placementId/daily-cost',
      build: (f, s: Scope) => ({
        method: 'PUT',
        url: `/api/compensation/placements/${s === 'own' ? x(f, 'ownPlacement') : x(f, 'otherPlacement')}/daily-cost`,
        body: { dailyCost: 4000 },
      }),
      noSession: 401,
      expect: with_(all(403), { finance_officer: [200, 404] }),
      writes: ['compensation_daily_costs'],
    },
  ],
};
