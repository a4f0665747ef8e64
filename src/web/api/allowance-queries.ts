/** Data hooks over the child's special grant: the god man's view of a ward, the Agency's queue, and a step. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SPECIAL_GRANT_STEP_PATHS } from '../../allowance/contract.ts';
import type {
  ChildSpecialGrants,
  SpecialGrant,
  SpecialGrantAction,
  SpecialGrantQueue,
} from './allowance-types.ts';
import { apiGet, apiPost } from './client.ts';

export const SPECIAL_GRANTS_KEY = ['special-grants'] as const;

export function useChildSpecialGrants(childId: string) {
  return useQuery({
    queryKey: [...SPECIAL_GRANTS_KEY, 'child', childId],
    queryFn: () => apiGet<ChildSpecialGrants>(`/api/children/${encodeURIComponent(childId)}/special-grants`),
  });
}

export function useSpecialGrantQueue() {
  return useQuery({
    queryKey: [...SPECIAL_GRANTS_KEY, 'queue'],
    queryFn: () => apiGet<SpecialGrantQueue>('/api/special-grants'),
  });
}

/**
 * Takes a step the server offers on an application, with the version the page showed; afterwards (or after a 409:
 * someone else moved it first) the views reload, so the page shows the application as it is.
 */
export function useSpecialGrantStep(application: SpecialGrant, action: SpecialGrantAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Readonly<Record<string, unknown>>) =>
      apiPost<SpecialGrant>(
        `/api/special-grants/${encodeURIComponent(application.id)}/${SPECIAL_GRANT_STEP_PATHS[action]}`,
        { ...body, expectedVersion: application.version },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SPECIAL_GRANTS_KEY }),
  });
}
