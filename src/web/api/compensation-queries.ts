/** Data hooks over the municipality's compensation view: the quarter and a child's explanation. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { CompensationExplanation, CompensationView, Reconciliation } from './compensation-types.ts';

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

/**
 * The reconciliation of a year: the own municipality's (municipalityCode null) or, for the Agency, the one chosen.
 * Under the compensation key: a claim, a decision or a payout changes it.
 */
export function useReconciliation(choice: { municipalityCode: string | null; year: string } | null) {
  return useQuery({
    queryKey: [...COMPENSATION_KEY, 'reconciliation', choice?.municipalityCode, choice?.year],
    queryFn: () =>
      apiGet<Reconciliation>(reconciliationUrl(choice?.municipalityCode ?? null), { year: choice?.year }),
    enabled: choice !== null,
  });
}

/** The reconciliation's address: the own municipality's, or a municipality's for the Agency. */
export function reconciliationUrl(municipalityCode: string | null, format: 'json' | 'csv' = 'json'): string {
  const base =
    municipalityCode === null
      ? '/api/compensation/reconciliation'
      : `/api/compensation/municipalities/${encodeURIComponent(municipalityCode)}/reconciliation`;
  return format === 'csv' ? `${base}.csv` : base;
}
