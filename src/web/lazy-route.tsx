/**
 * Route-level code splitting (issue 11). A page's code is its own chunk, fetched the first time a route shows it
 * (`lazyRouteComponent` from TanStack Router, a dynamic `import()`); the entry keeps only the frame, the login and the
 * choice of role. A route's component says which lazy pages it renders: the router awaits their `preload` before it
 * renders the route, so a page never suspends half drawn, and with `defaultPreload: 'intent'` it starts on hover.
 */
import type { ReactNode } from 'react';
import type { Permission } from '../domain/access/roles.ts';
import { RequirePermission } from './components/guards.tsx';

/** What `lazyRouteComponent` returns: a component whose `preload` fetches its chunk (gone once it is loaded). */
interface Lazy {
  preload?: (() => Promise<void> | undefined) | undefined;
}

/** A component without props: a route's component, or a lazy page that takes none. */
type Component = (props: object) => ReactNode;
type RouteComponent = Component & { preload: () => Promise<void> };

/** A route's own component (not a page: it is given its `preload`), told to load `pages` before it renders. */
export function loads(Route: Component, ...pages: readonly Lazy[]): RouteComponent {
  return Object.assign(Route, {
    preload: async () => {
      await Promise.all(pages.map((page) => page.preload?.() ?? Promise.resolve()));
    },
  });
}

/**
 * `Route` behind `permission` (without it, "not found"), with the code of the pages it renders loaded first: `Route`
 * itself when it is a lazy page, and `pages` when it is a thin wrapper that reads the URL and renders one.
 */
export function guarded(
  permission: Permission,
  Route: Component & Lazy,
  ...pages: readonly Lazy[]
): RouteComponent {
  return loads(
    function Guarded() {
      return (
        <RequirePermission permission={permission}>
          <Route />
        </RequirePermission>
      );
    },
    Route,
    ...pages,
  );
}
