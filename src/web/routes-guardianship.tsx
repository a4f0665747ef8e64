/** Pages of the guardianship capability, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useSession } from './api/queries.ts';
import { guarded, loads } from './lazy-route.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { activeAssignment } from './permissions.ts';
import { appRoute } from './route-base.tsx';

const AppointPage = lazyRouteComponent(() => import('./pages/guardianship/AppointPage.tsx'), 'AppointPage');
const MyWardsPage = lazyRouteComponent(() => import('./pages/guardianship/MyWardsPage.tsx'), 'MyWardsPage');
const RegistryPage = lazyRouteComponent(
  () => import('./pages/guardianship/RegistryPage.tsx'),
  'RegistryPage',
);
const RequestsPage = lazyRouteComponent(
  () => import('./pages/guardianship/RequestsPage.tsx'),
  'RequestsPage',
);

/** "Mina uppdrag" is the god man's page: no permission is the god man's alone, so the role decides. */
function RequireGodMan({ children }: { readonly children: ReactNode }) {
  return activeAssignment(useSession().data)?.role === 'god_man' ? children : <NotFoundPage />;
}

function AppointRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <AppointPage key={childId} childId={childId} />;
}

const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/godman/begaran',
  component: guarded('guardianship:appoint', RequestsPage),
});
const appointRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/godman/begaran/$childId',
  component: guarded('guardianship:appoint', AppointRoute, AppointPage),
});
const registryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/godman/register',
  component: guarded('guardianship:registry', RegistryPage),
});
const wardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mina-uppdrag',
  component: loads(function WardsRoute() {
    return <RequireGodMan>{<MyWardsPage />}</RequireGodMan>;
  }, MyWardsPage),
});

export const guardianshipRoutes = [requestsRoute, appointRoute, registryRoute, wardsRoute] as const;
