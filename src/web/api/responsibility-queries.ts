/** Data hooks of the responsibility capability. After a step, the child's page, the lists and the worklist reload. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, type Query } from './client.ts';
import type { ChangeReportList, ResponsibilityView, TransferRow } from './responsibility-types.ts';

export const responsibilityKey = (childId: string) => ['responsibility', childId] as const;
const CHANGE_REPORTS = 'change-reports';
const TRANSFERS = 'transfers';

export function useResponsibility(childId: string) {
  return useQuery({
    queryKey: responsibilityKey(childId),
    queryFn: () => apiGet<ResponsibilityView>(`/api/children/${encodeURIComponent(childId)}/responsibility`),
  });
}

export function useChangeReports(filters: Query) {
  return useQuery({
    queryKey: [CHANGE_REPORTS, filters],
    queryFn: () => apiGet<ChangeReportList>('/api/change-reports', filters),
    placeholderData: keepPreviousData,
  });
}

export function useTransfers(status: 'open' | 'answered') {
  return useQuery({
    queryKey: [TRANSFERS, status],
    queryFn: () => apiGet<TransferRow[]>('/api/transfers', { status }),
  });
}

/**
 * What the responsibility section records besides the steps its view offers (those go through `useCaseStep`): the
 * day something was reported to the Migration Agency, and the answer to a transfer request — a step on the request,
 * addressed by its id (/api/transfers/:transferId/…), from the child's page and the municipality's list alike.
 */
export function useResponsibilityRecord<T>(
  path: string,
  onDone: (answer: T) => void,
  onError: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiPost<T>(path, body),
    onSuccess: async (answer) => {
      onDone(answer);
      // Responsibility moves everything: the child's page and sections, the lists, the worklist.
      await queryClient.invalidateQueries();
    },
    onError,
  });
}
