/**
 * The one rule for what a step on a child's case makes stale. Every cached answer about one child has the child's id
 * as the second element of its key (`['child-overview', id]`, `['child-placements', id]`, …), so a step invalidates
 * all of them at once — the overview, the timeline, every section, the page's header — and the lists a step changes
 * (worklist, caseloads, the authority's queues, notifications). Forms call `afterChildStep`, never a list of their own.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** Lists across children that a step on one child may change. */
export const LISTS_A_STEP_CHANGES: readonly string[] = [
  'children',
  'worklist',
  'caseload',
  'my-cases',
  'guardianship-requests',
  'god-men',
  'my-wards',
  'transfers',
  'change-reports',
  'providers',
  'notifications',
  'notification-count',
];

/** Whether a cached query is about the child (its id second in the key) or is a list a step changes. */
export function changedByStep(queryKey: QueryKey, childId: string): boolean {
  if (queryKey[1] === childId) return true;
  return typeof queryKey[0] === 'string' && LISTS_A_STEP_CHANGES.includes(queryKey[0]);
}

const sameKey = (a: QueryKey, b: QueryKey) => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * After any step on the child's case (placement ended, god man appointed, note saved …): invalidate everything the
 * step changes, so that no part of the page shows the state from before. `fresh` is an answer the step already
 * returned: it is put in the cache as it is and not fetched again.
 */
export async function afterChildStep(
  queryClient: QueryClient,
  childId: string,
  fresh?: { readonly key: QueryKey; readonly data: unknown },
): Promise<void> {
  if (fresh !== undefined) queryClient.setQueryData(fresh.key, fresh.data);
  await queryClient.invalidateQueries({
    predicate: (query) =>
      changedByStep(query.queryKey, childId) && (fresh === undefined || !sameKey(query.queryKey, fresh.key)),
  });
}
