/** Pages of the asylum and age case, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent, useParams } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const AsylumCasePage = lazyRouteComponent(
  () => import('./pages/asylum/AsylumCasePage.tsx'),
  'AsylumCasePage',
);

function AsylumCaseRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <AsylumCasePage key={childId} childId={childId} />;
}

export const asylumRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/barn/$childId/asyl',
    component: guarded('asylum:record', AsylumCaseRoute, AsylumCasePage),
  }),
] as const;
