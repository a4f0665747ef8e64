/** The compensation pages (under the app route): the finance officer's view and claims, the Agency's review. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const CompensationPage = lazyRouteComponent(
  () => import('./pages/compensation/CompensationPage.tsx'),
  'CompensationPage',
);
const ClaimsPage = lazyRouteComponent(() => import('./pages/compensation/ClaimsPage.tsx'), 'ClaimsPage');
const ClaimPage = lazyRouteComponent(() => import('./pages/compensation/ClaimPage.tsx'), 'ClaimPage');
const ClaimReviewQueuePage = lazyRouteComponent(
  () => import('./pages/compensation/ClaimReviewPage.tsx'),
  'ClaimReviewQueuePage',
);
const ClaimReviewPage = lazyRouteComponent(
  () => import('./pages/compensation/ClaimReviewPage.tsx'),
  'ClaimReviewPage',
);
const MissingSchablonPage = lazyRouteComponent(
  () => import('./pages/compensation/MissingSchablonPage.tsx'),
  'MissingSchablonPage',
);
const PayoutsPage = lazyRouteComponent(() => import('./pages/compensation/PayoutsPage.tsx'), 'PayoutsPage');
const MissingSchablonReviewPage = lazyRouteComponent(
  () => import('./pages/compensation/MissingSchablonReviewPage.tsx'),
  'MissingSchablonReviewPage',
);

const ReconciliationPage = lazyRouteComponent(
  () => import('./pages/compensation/ReconciliationPage.tsx'),
  'ReconciliationPage',
);
const AgencyReconciliationPage = lazyRouteComponent(
  () => import('./pages/compensation/ReconciliationPage.tsx'),
  'AgencyReconciliationPage',
);

export const compensationRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning',
    component: guarded('compensation:municipality', CompensationPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning/ansokningar',
    component: guarded('compensation:municipality', ClaimsPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning/ansokningar/$claimId',
    component: guarded('compensation:municipality', ClaimPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning/granskning',
    component: guarded('compensation:review', ClaimReviewQueuePage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning/granskning/$claimId',
    component: guarded('compensation:review', ClaimReviewPage),
  }),
  // The Agency's payouts and the reports of a missing schablon (ADR 0035).
  createRoute({
    getParentRoute: () => appRoute,
    path: '/utebliven-schablon',
    component: guarded('compensation:municipality', MissingSchablonPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/utbetalningar',
    component: guarded('compensation:payout', PayoutsPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/utebliven-schablon/granskning',
    component: guarded('compensation:payout', MissingSchablonReviewPage),
  }),
  // The reconciliation of a year (issue 14 point 8): the own municipality's, and any municipality's for the Agency.
  createRoute({
    getParentRoute: () => appRoute,
    path: '/avstamning',
    component: guarded('compensation:municipality', ReconciliationPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/avstamning/kommuner',
    component: guarded('compensation:review', AgencyReconciliationPage),
  }),
] as const;
