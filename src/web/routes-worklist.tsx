/** Pages of the worklist capability, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent, useSearch } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import type { WorklistSearch } from './pages/worklist/WorklistPage.tsx';
import { appRoute } from './route-base.tsx';

const NotificationsPage = lazyRouteComponent(
  () => import('./pages/worklist/NotificationsPage.tsx'),
  'NotificationsPage',
);
const WorklistPage = lazyRouteComponent(() => import('./pages/worklist/WorklistPage.tsx'), 'WorklistPage');

type Search = Record<string, unknown>;
const flag = (value: unknown) => value === true || value === 'true';
const page = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};

function worklistSearch(search: Search): WorklistSearch {
  const rule =
    typeof search.rule === 'string' && /^[a-z0-9-]{1,60}$/.test(search.rule) ? search.rule : undefined;
  const municipality =
    typeof search.municipality === 'string' && /^[0-9]{4}$/.test(search.municipality)
      ? search.municipality
      : undefined;
  const p = page(search.page);
  return {
    ...(rule === undefined ? {} : { rule }),
    ...(flag(search.overdue) ? { overdue: true } : {}),
    ...(flag(search.mine) ? { mine: true } : {}),
    ...(municipality === undefined ? {} : { municipality }),
    ...(p === undefined ? {} : { page: p }),
  };
}

function notificationsSearch(search: Search): { unread?: boolean; page?: number } {
  const p = page(search.page);
  return { ...(flag(search.unread) ? { unread: true } : {}), ...(p === undefined ? {} : { page: p }) };
}

function WorklistRoute() {
  const search = useSearch({ strict: false });
  return <WorklistPage search={worklistSearch(search)} />;
}
function NotificationsRoute() {
  const search = useSearch({ strict: false });
  const { unread, page: p } = notificationsSearch(search);
  return <NotificationsPage unreadOnly={unread === true} page={p ?? 1} />;
}

const worklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/arbetslista',
  validateSearch: worklistSearch,
  component: guarded('worklist:read', WorklistRoute, WorklistPage),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notiser',
  validateSearch: notificationsSearch,
  component: guarded('worklist:read', NotificationsRoute, NotificationsPage),
});

export const worklistRoutes = [worklistRoute, notificationsRoute] as const;
