/** Pages of the asylum and age case, under the app route (login and an active role required). */
import { createRoute, useParams } from '@tanstack/react-router';
import { RequirePermission } from './components/guards.tsx';
import { AsylumCasePage } from './pages/asylum/AsylumCasePage.tsx';
import { appRoute } from './route-base.tsx';

function AsylumCaseRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <AsylumCasePage key={childId} childId={childId} />;
}

export const asylumRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/barn/$childId/asyl',
    component: () => (
      <RequirePermission permission="asylum:record">
        <AsylumCaseRoute />
      </RequirePermission>
    ),
  }),
] as const;
