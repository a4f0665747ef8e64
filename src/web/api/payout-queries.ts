/** Data hooks over the Agency's payouts, the annual compensation and the missing-schablon reports (ADR 0035). */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import { COMPENSATION_KEY } from './compensation-queries.ts';
import type {
  AgencyReports,
  Annual,
  Forecasts,
  MunicipalityReports,
  Paid,
  PayoutView,
} from './payout-types.ts';

/** Under the compensation key: a payout or an answer changes what the municipality's view shows too. */
export const PAYOUT_KEY = [...COMPENSATION_KEY, 'payouts'] as const;

export function useAnnual(year: string) {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'annual', year],
    queryFn: () => apiGet<Annual>('/api/compensation/annual', { year }),
  });
}

export function usePaid(quarter: string) {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'paid', quarter],
    queryFn: () => apiGet<Paid>('/api/compensation/paid', { quarter }),
  });
}

export function useMunicipalityReports() {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'reports', 'own'],
    queryFn: () => apiGet<MunicipalityReports>('/api/compensation/missing-schablon'),
  });
}

export function usePayoutView(choice: { municipalityCode: string; period: string } | null) {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'view', choice?.municipalityCode, choice?.period],
    queryFn: () =>
      apiGet<PayoutView>('/api/compensation/payouts', {
        municipalityCode: choice?.municipalityCode,
        period: choice?.period,
      }),
    enabled: choice !== null,
  });
}

export function useForecasts() {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'forecasts'],
    queryFn: () => apiGet<Forecasts>('/api/compensation/forecasts'),
  });
}

export function useAgencyReports() {
  return useQuery({
    queryKey: [...PAYOUT_KEY, 'reports', 'all'],
    queryFn: () => apiGet<AgencyReports>('/api/compensation/missing-schablon-reports'),
  });
}
