/** Data hooks over the missing-children API. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { MissingView, PoliceList } from './missing-types.ts';

export const missingKey = (childId: string) => ['child-missing', childId] as const;

export function useMissing(childId: string) {
  return useQuery({
    queryKey: missingKey(childId),
    queryFn: () => apiGet<MissingView>(`/api/children/${encodeURIComponent(childId)}/missing`),
  });
}

export function usePoliceList() {
  return useQuery({ queryKey: ['police-missing'], queryFn: () => apiGet<PoliceList>('/api/police/missing') });
}
