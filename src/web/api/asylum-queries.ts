/**
 * Data hooks of the asylum and age case. A step is sent by `useCaseStep` (case-steps.ts): its answer replaces the
 * cached case, and the child's page reloads.
 */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { MigrationView } from './asylum-types.ts';

export const migrationKey = (childId: string) => ['migration', childId] as const;

export function useMigration(childId: string, enabled = true) {
  return useQuery({
    queryKey: migrationKey(childId),
    queryFn: () => apiGet<MigrationView>(`/api/children/${encodeURIComponent(childId)}/migration`),
    enabled,
  });
}
