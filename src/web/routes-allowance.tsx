/**
 * The child's special grant's pages (under the app route): the god man's page for a ward, reached from the child's
 * page and "Mina uppdrag", and the Migration Agency's queue.
 */
import { createRoute, lazyRouteComponent, useParams } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const ChildSpecialGrantsPage = lazyRouteComponent(
  () => import('./pages/allowance/ChildSpecialGrantsPage.tsx'),
  'ChildSpecialGrantsPage',
);
const SpecialGrantQueuePage = lazyRouteComponent(
  () => import('./pages/allowance/SpecialGrantQueuePage.tsx'),
  'SpecialGrantQueuePage',
);

function ChildSpecialGrantsRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <ChildSpecialGrantsPage key={childId} childId={childId} />;
}

export const allowanceRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/barn/$childId/sarskilt-bidrag',
    component: guarded('allowance:apply', ChildSpecialGrantsRoute, ChildSpecialGrantsPage),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/sarskilt-bidrag',
    component: guarded('allowance:decide', SpecialGrantQueuePage),
  }),
] as const;
