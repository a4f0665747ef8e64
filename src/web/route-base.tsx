/**
 * The root of the route tree and the pathless `app` route (login and an active role required). Capability route
 * files (`routes-<capability>.tsx`) hang their pages under `appRoute`; router.tsx assembles the tree.
 */
import { createRootRoute, createRoute } from '@tanstack/react-router';
import { RequireActiveRole } from './components/guards.tsx';
import { Shell } from './components/Shell.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

export const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: RequireActiveRole,
});
