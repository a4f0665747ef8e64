/** The key figures page (under the app route). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const KeyFiguresPage = lazyRouteComponent(
  () => import('./pages/statistics/KeyFiguresPage.tsx'),
  'KeyFiguresPage',
);

const keyFiguresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nyckeltal',
  component: guarded('key-figures:read', KeyFiguresPage),
});

export const statisticsRoutes = [keyFiguresRoute] as const;
