/** Pages of the responsibility capability, under the app route (login and an active role required). */
import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from './components/guards.tsx';
import { ChangeReportsPage } from './pages/responsibility/ChangeReportsPage.tsx';
import { TransfersPage } from './pages/responsibility/TransfersPage.tsx';
import { appRoute } from './route-base.tsx';

// Both lists belong to the municipality's social services (the server answers 403 to other roles).
const changeReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/anmalningar',
  component: () => <RequirePermission permission="case:write">{<ChangeReportsPage />}</RequirePermission>,
});
const transfersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overflyttningar',
  component: () => <RequirePermission permission="case:write">{<TransfersPage />}</RequirePermission>,
});

export const responsibilityRoutes = [changeReportsRoute, transfersRoute] as const;
