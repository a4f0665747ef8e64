/** The route table: every capability's routes. The authorization matrix test walks this list. */
import { adminRoutes } from '../access/admin-routes.ts';
import { allowanceRoutes } from '../allowance/routes.ts';
import { allocationRoutes } from '../allocation/routes.ts';
import { asylumRoutes } from '../asylum/routes.ts';
import { oidcRoutes } from '../access/oidc-routes.ts';
import { sessionRoutes } from '../access/session-routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { childRoutes } from '../children/routes.ts';
import type { RouteSpec } from '../platform/http/route.ts';
import { operationsRoutes } from '../operations/routes.ts';
import { referenceRoutes } from '../reference/routes.ts';
import { statisticsRoutes } from '../statistics/routes.ts';
import { socialCaseRoutes } from '../social-case/routes.ts';
import { guardianshipRoutes } from '../guardianship/routes.ts';
import { placementRoutes } from '../placement/routes.ts';
import { healthRoutes } from '../health/routes.ts';
import { missingRoutes } from '../missing/routes.ts';
import { countyRoutes } from '../county/routes.ts';
import { claimRoutes } from '../compensation/claim-routes.ts';
import { reconciliationRoutes } from '../compensation/reconciliation-routes.ts';
import { compensationPayoutRoutes, compensationRoutes } from '../compensation/routes.ts';
import { grantRoutes } from '../grants/routes.ts';
import { schoolRoutes } from '../school/routes.ts';
import { supervisionRoutes } from '../supervision/routes.ts';
import { responsibilityRoutes } from '../responsibility/routes.ts';
import { worklistRoutes } from '../worklist/routes.ts';

export const coreRoutes: readonly RouteSpec[] = [
  ...operationsRoutes,
  ...referenceRoutes,
  ...sessionRoutes,
  ...oidcRoutes,
  ...childRoutes,
  ...auditRoutes,
  ...adminRoutes,
  ...statisticsRoutes,
  ...allocationRoutes,
  ...responsibilityRoutes,
  ...socialCaseRoutes,
  ...placementRoutes,
  ...schoolRoutes,
  ...healthRoutes,
  ...allowanceRoutes,
  ...missingRoutes,
  ...countyRoutes,
  ...compensationRoutes,
  ...claimRoutes,
  ...compensationPayoutRoutes,
  ...reconciliationRoutes,
  ...grantRoutes,
  ...guardianshipRoutes,
  ...worklistRoutes,
  ...asylumRoutes,
  ...supervisionRoutes,
];
