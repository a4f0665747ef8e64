/** Pages of the placement capability, under the app route (login and an active role required). */
import { createRoute, useParams, useSearch } from '@tanstack/react-router';
import { RequirePermission } from './components/guards.tsx';
import { EditProviderPage, NewProviderPage } from './pages/placement/ProviderPages.tsx';
import { ProvidersPage } from './pages/placement/ProvidersPage.tsx';
import { appRoute } from './route-base.tsx';

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
  component: () => <RequirePermission permission="providers:read">{<ProvidersRoute />}</RequirePermission>,
});
const newProviderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placeringar/utforare/ny',
  component: () => <RequirePermission permission="providers:manage">{<NewProviderPage />}</RequirePermission>,
});
const editProviderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placeringar/utforare/$providerId',
  component: () => (
    <RequirePermission permission="providers:manage">{<EditProviderRoute />}</RequirePermission>
  ),
});

export const placementRoutes = [providersRoute, newProviderRoute, editProviderRoute] as const;
