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

/** A step (`/api/children/…/responsibility/move`, `/api/transfers/…/confirm` …); the body is the form's output. */
export function useResponsibilityStep<T>(
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
