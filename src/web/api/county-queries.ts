/** Data hooks over the county board's API: the capacity survey, the redistribution of shares, the programmes. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type {
  Agreements,
  CountyCapacity,
  CountyPeriod,
  CountyShares,
  MunicipalityCapacity,
  Network,
  Networks,
  Programmes,
  Redistribution,
} from './county-types.ts';

export function useMunicipalityCapacity() {
  return useQuery({ queryKey: ['capacity'], queryFn: () => apiGet<MunicipalityCapacity>('/api/capacity') });
}

export function useCountyCapacity() {
  return useQuery({
    queryKey: ['county-capacity'],
    queryFn: () => apiGet<CountyCapacity>('/api/county/capacity'),
  });
}

export function useCountyPeriod(periodId: string) {
  return useQuery({
    queryKey: ['county-capacity', periodId],
    queryFn: () => apiGet<CountyPeriod>(`/api/county/capacity/${encodeURIComponent(periodId)}`),
  });
}

export function useCountyShares(year: number | undefined) {
  return useQuery({
    queryKey: ['county-shares', year ?? 'next'],
    queryFn: () => apiGet<CountyShares>('/api/county/shares', year === undefined ? {} : { year }),
  });
}

export function useRedistributions(enabled: boolean) {
  return useQuery({
    queryKey: ['redistributions'],
    queryFn: () => apiGet<readonly Redistribution[]>('/api/allocation/redistributions'),
    enabled,
  });
}

export function useAgreements() {
  return useQuery({ queryKey: ['agreements'], queryFn: () => apiGet<Agreements>('/api/county/agreements') });
}

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes'], queryFn: () => apiGet<Programmes>('/api/county/programmes') });
}

export function useNetworks() {
  return useQuery({ queryKey: ['networks'], queryFn: () => apiGet<Networks>('/api/county/networks') });
}

export function useNetwork(networkId: string) {
  return useQuery({
    queryKey: ['networks', networkId],
    queryFn: () => apiGet<Network>(`/api/county/networks/${encodeURIComponent(networkId)}`),
  });
}
