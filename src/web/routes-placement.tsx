/** Pages of the placement capability, under the app route (login and an active role required). */
import { createRoute, lazyRouteComponent, useParams, useSearch } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const EditProviderPage = lazyRouteComponent(
  () => import('./pages/placement/ProviderPages.tsx'),
  'EditProviderPage',
);
const NewProviderPage = lazyRouteComponent(
  () => import('./pages/placement/ProviderPages.tsx'),
  'NewProviderPage',
);
const ProvidersPage = lazyRouteComponent(
  () => import('./pages/placement/ProvidersPage.tsx'),
  'ProvidersPage',
);

function providersSearch(search: Record<string, unknown>): { saved?: 'created' | 'changed' } {
  return search.saved === 'created' || search.saved === 'changed' ? { saved: search.saved } : {};
}

function ProvidersRoute() {
  const { saved } = useSearch({ strict: false });
  return <ProvidersPage saved={saved} />;
}

function EditProviderRoute() {
  const { providerId = '' } = useParams({ strict: false });
  return <EditProviderPage key={providerId} providerId={providerId} />;
}

const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placeringar/utforare',
  validateSearch: providersSearch,
  component: guarded('providers:read', ProvidersRoute, ProvidersPage),
});
const newProviderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placeringar/utforare/ny',
  component: guarded('providers:manage', NewProviderPage),
});
const editProviderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placeringar/utforare/$providerId',
  component: guarded('providers:manage', EditProviderRoute, EditProviderPage),
});

export const placementRoutes = [providersRoute, newProviderRoute, editProviderRoute] as const;
