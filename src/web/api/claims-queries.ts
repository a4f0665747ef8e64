/** Data hooks over the claims: the finance officer's own and the Agency's review. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { Claim, ClaimList, OwnClaimList } from './claims-types.ts';

export const CLAIMS_KEY = ['compensation-claims'] as const;

/** The Agency's queue. */
export function useClaims(party: 'agency') {
  return useQuery({
    queryKey: [...CLAIMS_KEY, party, 'list'],
    queryFn: () => apiGet<ClaimList>('/api/compensation/review'),
  });
}

/** The municipality's claims and the quarters a new claim may be drafted for. */
export function useOwnClaims() {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'municipality', 'list'],
    queryFn: () => apiGet<OwnClaimList>('/api/compensation/claims'),
  });
}

export const claimPath = (party: 'municipality' | 'agency', id: string) =>
  `${party === 'agency' ? '/api/compensation/review' : '/api/compensation/claims'}/${encodeURIComponent(id)}`;

export function useClaim(party: 'municipality' | 'agency', id: string) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, party, id],
    queryFn: () => apiGet<Claim>(claimPath(party, id)),
  });
}
