/** The municipality's compensation page (under the app route): the finance officer's. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const CompensationPage = lazyRouteComponent(
  () => import('./pages/compensation/CompensationPage.tsx'),
  'CompensationPage',
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

export const compensationRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning',
    component: guarded('compensation:municipality', CompensationPage),
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
] as const;
