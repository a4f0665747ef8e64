/** The municipality's compensation page (under the app route): the finance officer's. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const CompensationPage = lazyRouteComponent(
  () => import('./pages/compensation/CompensationPage.tsx'),
  'CompensationPage',
);

export const compensationRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/ersattning',
    component: guarded('compensation:municipality', CompensationPage),
  }),
] as const;
