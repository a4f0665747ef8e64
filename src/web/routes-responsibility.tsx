/** Pages of the responsibility capability, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const ChangeReportsPage = lazyRouteComponent(
  () => import('./pages/responsibility/ChangeReportsPage.tsx'),
  'ChangeReportsPage',
);
const TransfersPage = lazyRouteComponent(
  () => import('./pages/responsibility/TransfersPage.tsx'),
  'TransfersPage',
);

// Both lists belong to the municipality's social services (the server answers 403 to other roles).
const changeReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/anmalningar',
  component: guarded('case:write', ChangeReportsPage),
});
const transfersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overflyttningar',
  component: guarded('case:write', TransfersPage),
});

export const responsibilityRoutes = [changeReportsRoute, transfersRoute] as const;
