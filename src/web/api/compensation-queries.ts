/** Data hooks over the municipality's compensation view: the quarter and a child's explanation. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { CompensationExplanation, CompensationView } from './compensation-types.ts';

export const COMPENSATION_KEY = ['compensation'] as const;

export function useCompensation(quarter: string | null) {
  return useQuery({
    queryKey: [...COMPENSATION_KEY, 'quarter', quarter],
    queryFn: () => apiGet<CompensationView>('/api/compensation', quarter === null ? {} : { quarter }),
  });
}

export function useCompensationExplanation(childId: string | null, quarter: string) {
  return useQuery({
    queryKey: [...COMPENSATION_KEY, 'child', childId, quarter],
    queryFn: () =>
      apiGet<CompensationExplanation>(`/api/compensation/children/${encodeURIComponent(childId ?? '')}`, {
        quarter,
      }),
    enabled: childId !== null,
  });
}
