/** The child's latest best-interests record, the starting point of a new decision's record (see BestInterestsFieldset). */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type { LatestBestInterestsSchema } from '../../case/contract.ts';
import { apiGet } from './client.ts';

type LatestBestInterests = Answer<z.infer<typeof LatestBestInterestsSchema>>;

/** The record itself, from the case kernel's contract (src/case/contract.ts, ADR 0019). */
export type LatestBestInterestsRecord = NonNullable<LatestBestInterests['record']>;

export const latestBestInterestsKey = (childId: string) => ['best-interests-latest', childId] as const;

/** Those who may not read the child's records get 404: the form then starts empty. */
export function useLatestBestInterests(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: latestBestInterestsKey(childId),
    queryFn: () =>
      apiGet<LatestBestInterests>(`/api/children/${encodeURIComponent(childId)}/best-interests/latest`),
    enabled: enabled && childId !== '',
  });
}
