/** Data hooks of the guardianship capability. After a step, the child's guardianship, page and lists reload. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from './client.ts';
import type { GuardianshipView, OpenRequest, Registry, Ward } from './guardianship-types.ts';

export const guardianshipKey = (childId: string) => ['guardianship', childId] as const;
export const REQUESTS_KEY = ['guardianship-requests'] as const;
export const REGISTRY_KEY = ['god-men'] as const;
export const WARDS_KEY = ['my-wards'] as const;

const childPath = (childId: string, path: string) => `/api/children/${encodeURIComponent(childId)}/${path}`;

export function useGuardianship(childId: string, enabled = true) {
  return useQuery({
    queryKey: guardianshipKey(childId),
    queryFn: () => apiGet<GuardianshipView>(childPath(childId, 'guardianship')),
    enabled,
  });
}

export function useOpenRequests() {
  return useQuery({
    queryKey: REQUESTS_KEY,
    queryFn: () => apiGet<OpenRequest[]>('/api/guardianship/requests'),
  });
}

export function useRegistry(enabled = true) {
  return useQuery({ queryKey: REGISTRY_KEY, queryFn: () => apiGet<Registry>('/api/god-men'), enabled });
}

export function useMyWards() {
  return useQuery({ queryKey: WARDS_KEY, queryFn: () => apiGet<Ward[]>('/api/guardianship/my-wards') });
}

/** Registry changes: a new god man, a profile, the policy. */
export function useRegistryChange<T>(
  path: string,
  onDone: (answer: T) => void,
  onError: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiPost<T>(path, body),
    onSuccess: async (answer) => {
      onDone(answer);
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
    },
    onError,
  });
}
