/** Pages of the casework capability, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const CaseloadPage = lazyRouteComponent(() => import('./pages/casework/CaseloadPage.tsx'), 'CaseloadPage');
const MyCasesPage = lazyRouteComponent(() => import('./pages/casework/MyCasesPage.tsx'), 'MyCasesPage');

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/arendefordelning',
  component: guarded('case:manage', CaseloadPage),
});

const myCasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mina-arenden',
  component: guarded('case:write', MyCasesPage),
});

export const casesRoutes = [caseloadRoute, myCasesRoute] as const;
