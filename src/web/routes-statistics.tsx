/** The key figures page (under the app route). */
import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from './components/guards.tsx';
import { KeyFiguresPage } from './pages/statistics/KeyFiguresPage.tsx';
import { appRoute } from './route-base.tsx';

const keyFiguresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nyckeltal',
  component: () => <RequirePermission permission="key-figures:read">{<KeyFiguresPage />}</RequirePermission>,
});

export const statisticsRoutes = [keyFiguresRoute] as const;
