/** Data hooks over the claims: the finance officer's own and the Agency's review. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { Claim, ClaimList } from './claims-types.ts';

export const CLAIMS_KEY = ['compensation-claims'] as const;

/** The municipality's claims (`party` municipality) or the Agency's queue (`agency`). */
export function useClaims(party: 'municipality' | 'agency') {
  return useQuery({
    queryKey: [...CLAIMS_KEY, party, 'list'],
    queryFn: () =>
      apiGet<ClaimList>(party === 'agency' ? '/api/compensation/review' : '/api/compensation/claims'),
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
