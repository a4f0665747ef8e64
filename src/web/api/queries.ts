/** Data hooks over the API (TanStack Query). Keys are arrays starting with the resource name. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, rememberCsrfToken, type Query } from './client.ts';
import type {
  AdminUsers,
  AuditLogPage,
  AuthOptions,
  ChildDetail,
  ChildList,
  County,
  DevUser,
  EmergencyGrant,
  Municipality,
  Session,
  ChildrenInCare,
  UserReport,
} from './types.ts';

export const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiGet<Session>('/api/session');
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 30_000 });
}

/** After login, logout or a role switch: forget everything cached for the previous role, then reload the session. */
export async function resetForNewSession(queryClient: QueryClient): Promise<Session | null> {
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'auth-options',
  });
  return queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
}

export function useAuthOptions() {
  return useQuery({
    queryKey: ['auth-options'],
    queryFn: () => apiGet<AuthOptions>('/api/auth/options'),
    staleTime: Infinity,
  });
}

export function useDevUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['dev-users'],
    queryFn: () => apiGet<DevUser[]>('/api/auth/dev-users'),
    enabled,
  });
}

export function useChildren(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['children', q, page, pageSize],
    queryFn: () => apiGet<ChildList>('/api/children', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useChild(childId: string) {
  return useQuery({
    queryKey: ['child', childId],
    queryFn: () => apiGet<ChildDetail>(`/api/children/${encodeURIComponent(childId)}`),
  });
}

/** Where a log page starts: older than `before`, or newer than `after` (the server's cursors). */
export interface LogCursor {
  readonly before?: number | undefined;
  readonly after?: number | undefined;
}

export function useAccessLog(childId: string, cursor: LogCursor) {
  return useQuery({
    queryKey: ['access-log', childId, cursor],
    queryFn: () =>
      apiGet<AuditLogPage>(`/api/children/${encodeURIComponent(childId)}/access-log`, { ...cursor }),
    placeholderData: keepPreviousData,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: () => apiGet<Municipality[]>('/api/reference/municipalities'),
    staleTime: Infinity,
  });
}

export function useCounties() {
  return useQuery({
    queryKey: ['counties'],
    queryFn: () => apiGet<County[]>('/api/reference/counties'),
    staleTime: Infinity,
  });
}

export function useAuditEvents(filters: Query) {
  return useQuery({
    queryKey: ['audit-events', filters],
    queryFn: () => apiGet<AuditLogPage>('/api/audit/events', filters),
    placeholderData: keepPreviousData,
  });
}

export function useUserReport(userId: string) {
  return useQuery({
    queryKey: ['audit-user', userId],
    queryFn: () => apiGet<UserReport>(`/api/audit/users/${encodeURIComponent(userId)}/report`),
  });
}

export function useEmergencyGrants() {
  return useQuery({
    queryKey: ['audit-emergency'],
    queryFn: () => apiGet<EmergencyGrant[]>('/api/audit/emergency-access'),
  });
}

export function useAdminUsers() {
  return useQuery({ queryKey: ['admin-users'], queryFn: () => apiGet<AdminUsers>('/api/admin/users') });
}

export function useStatistics() {
  return useQuery({
    queryKey: ['statistics'],
    queryFn: () => apiGet<ChildrenInCare>('/api/statistics/children'),
  });
}
