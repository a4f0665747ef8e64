/** Data hooks over the §37a grants' API: the applicant's, the county's and the national views. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { ApplicantView, CountyView, NationalView } from './grants-types.ts';

export const GRANTS_KEY = ['grants'] as const;

export function useApplicantGrants() {
  return useQuery({
    queryKey: [...GRANTS_KEY, 'applicant'],
    queryFn: () => apiGet<ApplicantView>('/api/grants/applications'),
  });
}

export function useCountyGrants(year: number) {
  return useQuery({
    queryKey: [...GRANTS_KEY, 'county', year],
    queryFn: () => apiGet<CountyView>('/api/grants/county', { year }),
  });
}

export function useNationalGrants(year: number) {
  return useQuery({
    queryKey: [...GRANTS_KEY, 'national', year],
    queryFn: () => apiGet<NationalView>('/api/grants/national', { year }),
  });
}
