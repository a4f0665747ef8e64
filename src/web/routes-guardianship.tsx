/** Pages of the guardianship capability, under the app route (login and an active role required). */
import { createRoute, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useSession } from './api/queries.ts';
import { RequirePermission } from './components/guards.tsx';
import { AppointPage } from './pages/guardianship/AppointPage.tsx';
import { MyWardsPage } from './pages/guardianship/MyWardsPage.tsx';
import { RegistryPage } from './pages/guardianship/RegistryPage.tsx';
import { RequestsPage } from './pages/guardianship/RequestsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { activeAssignment } from './permissions.ts';
import { appRoute } from './route-base.tsx';

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
  component: () => (
    <RequirePermission permission="guardianship:appoint">{<RequestsPage />}</RequirePermission>
  ),
});
const appointRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/godman/begaran/$childId',
  component: () => (
    <RequirePermission permission="guardianship:appoint">{<AppointRoute />}</RequirePermission>
  ),
});
const registryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/godman/register',
  component: () => (
    <RequirePermission permission="guardianship:registry">{<RegistryPage />}</RequirePermission>
  ),
});
const wardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mina-uppdrag',
  component: () => <RequireGodMan>{<MyWardsPage />}</RequireGodMan>,
});

export const guardianshipRoutes = [requestsRoute, appointRoute, registryRoute, wardsRoute] as const;
