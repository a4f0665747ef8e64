/** Pages of the casework capability, under the app route (login and an active role required). */
import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from './components/guards.tsx';
import { CaseloadPage } from './pages/casework/CaseloadPage.tsx';
import { MyCasesPage } from './pages/casework/MyCasesPage.tsx';
import { appRoute } from './route-base.tsx';

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/arendefordelning',
  component: () => <RequirePermission permission="case:manage">{<CaseloadPage />}</RequirePermission>,
});

const myCasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mina-arenden',
  component: () => <RequirePermission permission="case:write">{<MyCasesPage />}</RequirePermission>,
});

export const casesRoutes = [caseloadRoute, myCasesRoute] as const;
