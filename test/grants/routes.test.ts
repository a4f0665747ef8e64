/**
 * The grants' step routes are one table: each step of the application's machine has exactly one route, at its path
 * from the contract, requiring the permission of the party the machine names for it and writing `grants.write`.
 */
import { describe, expect, it } from 'vitest';
import { GRANT_STEPS } from '../../src/domain/grants/machine.ts';
import { GRANT_STEP_PATHS } from '../../src/grants/contract.ts';
import { grantRoutes } from '../../src/grants/routes.ts';

const PERMISSION = { applicant: 'grants:apply', officer: 'grants:decide' } as const;

describe('the grants’ step routes', () => {
  it('give each step of the machine one route, in the party’s permission, audited as a write', () => {
    for (const step of GRANT_STEPS) {
      const url = `/api/grants/applications/:applicationId/${GRANT_STEP_PATHS[step.action]}`;
      const routes = grantRoutes.filter((r) => r.url === url);
      expect(routes, step.action).toHaveLength(1);
      expect(routes[0], step.action).toMatchObject({
        method: 'POST',
        access: { kind: 'permission', permission: PERMISSION[step.by] },
        audit: 'grants.write',
      });
    }
  });
});
