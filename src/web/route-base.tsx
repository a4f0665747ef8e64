/**
 * The root of the route tree and the pathless `app` route (login and an active role required). Capability route
 * files (`routes-<capability>.tsx`) hang their pages under `appRoute`; router.tsx assembles the tree. Every page
 * under `app` needs the whole dictionary (the login only its core): the route waits for it (i18n.ts).
 */
import { createRootRoute, createRoute } from '@tanstack/react-router';
import { RequireActiveRole } from './components/guards.tsx';
import { Shell } from './components/Shell.tsx';
import { loadCurrentMessages } from './language.tsx';
import { loads } from './lazy-route.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** For `loads`: the whole dictionary of the language shown, a page's texts. */
export const allMessages = { preload: loadCurrentMessages };

export const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: loads(function App() {
    return <RequireActiveRole />;
  }, allMessages),
});
