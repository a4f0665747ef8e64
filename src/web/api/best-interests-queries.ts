/** The child's latest best-interests record, the starting point of a new decision's record (see BestInterestsFieldset). */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';

export interface LatestBestInterestsRecord {
  readonly id: string;
  readonly decisionKind: string;
  readonly rightsConcerned: readonly string[];
  readonly whatIsKnown: string;
  readonly childsViews: string | null;
  readonly childsViewsLanguage: string | null;
  readonly howWeighed: string;
  readonly feedbackToChild: string | null;
  readonly feedbackGivenOn: string | null;
  readonly notHeardReason: string | null;
  readonly recordedBy: string;
  readonly recordedOn: string;
}

export const latestBestInterestsKey = (childId: string) => ['best-interests-latest', childId] as const;

/** Those who may not read the child's records get 404: the form then starts empty. */
export function useLatestBestInterests(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: latestBestInterestsKey(childId),
    queryFn: () =>
      apiGet<{ record: LatestBestInterestsRecord | null }>(
        `/api/children/${encodeURIComponent(childId)}/best-interests/latest`,
      ),
    enabled: enabled && childId !== '',
  });
}
