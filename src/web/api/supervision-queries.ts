/** Data hooks over the supervision API: the inspector's plan and inspections, the authority's reports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from './client.ts';
import type {
  Inspection,
  ReportList,
  SampledFile,
  SupervisionPlan,
  SupervisionReport,
} from './supervision-types.ts';

const enc = encodeURIComponent;

export function usePlan(year: number) {
  return useQuery({
    queryKey: ['supervision-plan', year],
    queryFn: () => apiGet<SupervisionPlan>('/api/supervision/plan', { year }),
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: ['supervision-inspection', id],
    queryFn: () => apiGet<Inspection>(`/api/supervision/inspections/${enc(id)}`),
  });
}

export function useSampledFile(inspectionId: string, fileId: string | null) {
  return useQuery({
    queryKey: ['supervision-file', inspectionId, fileId],
    enabled: fileId !== null,
    queryFn: () =>
      apiGet<SampledFile>(`/api/supervision/inspections/${enc(inspectionId)}/files/${enc(fileId ?? '')}`),
  });
}

export function useReports() {
  return useQuery({
    queryKey: ['supervision-reports'],
    queryFn: () => apiGet<ReportList>('/api/supervision/reports'),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: ['supervision-report', id],
    queryFn: () => apiGet<SupervisionReport>(`/api/supervision/reports/${enc(id)}`),
  });
}

/** A step on an inspection or a report: the answer is the record as it is now. */
export function useSupervisionStep<B>(
  kind: 'inspection' | 'report',
  id: string,
  path: string,
  options: { readonly onDone?: () => void; readonly onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  const base = kind === 'inspection' ? '/api/supervision/inspections' : '/api/supervision/reports';
  return useMutation({
    mutationFn: (body: B) => apiPost<Inspection | SupervisionReport>(`${base}/${enc(id)}/${path}`, body),
    onSuccess: async (view) => {
      queryClient.setQueryData(
        [kind === 'inspection' ? 'supervision-inspection' : 'supervision-report', id],
        view,
      );
      await queryClient.invalidateQueries({ queryKey: ['supervision-plan'] });
      await queryClient.invalidateQueries({ queryKey: ['supervision-reports'] });
      options.onDone?.();
    },
    onError: (error) => options.onError?.(error),
  });
}

export function useCreateInspection(onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiPost<{ id: string }>('/api/supervision/inspections', body),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['supervision-plan'] }),
    onError,
  });
}
