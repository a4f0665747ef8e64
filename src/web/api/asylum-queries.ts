/** Data hooks of the asylum and age case. After a step the answer replaces the cached case, and the child's page reloads. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { afterChildStep } from './child-keys.ts';
import { apiGet, apiPost } from './client.ts';
import type { MigrationView } from './asylum-types.ts';

export const migrationKey = (childId: string) => ['migration', childId] as const;

export function useMigration(childId: string, enabled = true) {
  return useQuery({
    queryKey: migrationKey(childId),
    queryFn: () => apiGet<MigrationView>(`/api/children/${encodeURIComponent(childId)}/migration`),
    enabled,
  });
}

/** One step of the case (`asylum/decision`, `age/doubt`, …); the body is the form's output. */
export function useMigrationStep(
  childId: string,
  path: string,
  onDone: (view: MigrationView) => void,
  onError: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiPost<MigrationView>(`/api/children/${encodeURIComponent(childId)}/${path}`, body),
    onSuccess: async (view) => {
      // The answer replaces the cached case at once; the birth date, responsibilities and the timeline may have changed.
      const refreshed = afterChildStep(queryClient, childId, { key: migrationKey(childId), data: view });
      onDone(view);
      await refreshed;
    },
    onError,
  });
}
