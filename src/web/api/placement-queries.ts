/** Data hooks over the placement, school and health API. Keys start with the resource name. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { afterChildStep } from './child-keys.ts';
import { apiGet } from './client.ts';
import type {
  HealthView,
  PlacementForm,
  PlacementView,
  ProvidersView,
  SchoolView,
} from './placement-types.ts';

const child = (path: string, childId: string) => `/api/children/${encodeURIComponent(childId)}/${path}`;

export const placementsKey = (childId: string) => ['child-placements', childId] as const;
export const schoolKey = (childId: string) => ['child-school', childId] as const;
export const healthKey = (childId: string) => ['child-health', childId] as const;

export function useProviders(
  filter: { readonly form?: PlacementForm | undefined; readonly municipalityCode?: string | undefined } = {},
  enabled = true,
) {
  return useQuery({
    queryKey: ['providers', filter.form ?? '', filter.municipalityCode ?? ''],
    queryFn: () =>
      apiGet<ProvidersView>('/api/providers', {
        form: filter.form,
        municipalityCode: filter.municipalityCode,
      }),
    enabled,
  });
}

export function usePlacements(childId: string) {
  return useQuery({
    queryKey: placementsKey(childId),
    queryFn: () => apiGet<PlacementView>(child('placements', childId)),
  });
}

export function useSchool(childId: string) {
  return useQuery({
    queryKey: schoolKey(childId),
    queryFn: () => apiGet<SchoolView>(child('school', childId)),
  });
}

export function useHealth(childId: string) {
  return useQuery({
    queryKey: healthKey(childId),
    queryFn: () => apiGet<HealthView>(child('health', childId)),
  });
}

/** After a change the answer is the section as it is now; the rest of the child's page and the lists follow. */
export function afterCaseChange<T>(
  queryClient: QueryClient,
  key: readonly unknown[],
  childId: string,
  view: T,
): void {
  void afterChildStep(queryClient, childId, { key, data: view });
}
