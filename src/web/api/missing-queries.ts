/** Data hooks over the missing-children API: the episodes, the police view and the prevention profile. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { afterChildStep } from './child-keys.ts';
import { apiGet, apiPost } from './client.ts';
import type { MissingStatistics, MissingView, PoliceList, ProfileView, ReviewList } from './missing-types.ts';

export const missingKey = (childId: string) => ['child-missing', childId] as const;

export function useMissing(childId: string) {
  return useQuery({
    queryKey: missingKey(childId),
    queryFn: () => apiGet<MissingView>(`/api/children/${encodeURIComponent(childId)}/missing`),
  });
}

export function usePoliceList() {
  return useQuery({ queryKey: ['police-missing'], queryFn: () => apiGet<PoliceList>('/api/police/missing') });
}

export function useReviewList() {
  return useQuery({ queryKey: ['missing-review'], queryFn: () => apiGet<ReviewList>('/api/missing/review') });
}

export function useMissingStatistics(year: number) {
  return useQuery({
    queryKey: ['missing-statistics', year],
    queryFn: () => apiGet<MissingStatistics>('/api/missing/statistics', { year: String(year) }),
  });
}

export const missingProfileKey = (childId: string) => ['child-missing-profile', childId] as const;
export const missingProfileUrl = (childId: string, rest = '') =>
  `/api/children/${encodeURIComponent(childId)}/missing-profile${rest}`;

export function useMissingProfile(childId: string) {
  return useQuery({
    queryKey: missingProfileKey(childId),
    queryFn: () => apiGet<ProfileView>(missingProfileUrl(childId)),
  });
}

/** A save of the profile, its photo or an observation: the answer is the section as it is now. */
export function useMissingProfileWrite<B>(childId: string, path: string, onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiPost<ProfileView>(path, body),
    onSuccess: async (view) => {
      onSaved();
      await afterChildStep(queryClient, childId, { key: missingProfileKey(childId), data: view });
    },
  });
}
