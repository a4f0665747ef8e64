/** Data hooks over the worklist, notification and child-record API. Keys start with the resource name. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { ChildList } from './types.ts';
import type {
  ChildRecord,
  Duplicate,
  HistoryEntry,
  NotificationList,
  Overview,
  Timeline,
  UnreadCount,
  Worklist,
  WorklistFilters,
} from './worklist-types.ts';

const child = (childId: string, rest = '') => `/api/children/${encodeURIComponent(childId)}${rest}`;

export const NOTIFICATION_COUNT_KEY = ['notification-count'] as const;
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const recordKey = (childId: string) => ['child-record', childId] as const;
export const historyKey = (childId: string) => ['child-history', childId] as const;

export function useWorklist(filters: WorklistFilters, pageSize: number) {
  return useQuery({
    queryKey: ['worklist', filters, pageSize],
    queryFn: () =>
      apiGet<Worklist>('/api/worklist', {
        rule: filters.rule,
        overdue: filters.overdue === true ? 'true' : undefined,
        mine: filters.mine === true ? 'true' : undefined,
        municipality: filters.municipality,
        page: filters.page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The header's count: refreshed every minute and whenever the window regains focus. */
export function useNotificationCount(enabled: boolean) {
  return useQuery({
    queryKey: NOTIFICATION_COUNT_KEY,
    queryFn: () => apiGet<UnreadCount>('/api/notifications/count'),
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useNotifications(unreadOnly: boolean, page: number) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, unreadOnly, page],
    queryFn: () =>
      apiGet<NotificationList>('/api/notifications', { unread: unreadOnly ? 'true' : undefined, page }),
    placeholderData: keepPreviousData,
  });
}

export function useOverview(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['child-overview', childId],
    queryFn: () => apiGet<Overview>(child(childId, '/overview')),
    enabled,
  });
}

export function useTimeline(childId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['child-timeline', childId, page, pageSize],
    queryFn: () => apiGet<Timeline>(child(childId, '/timeline'), { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useChildRecord(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: recordKey(childId),
    queryFn: () => apiGet<ChildRecord>(child(childId, '/record')),
    enabled,
  });
}

export function useChildHistory(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: historyKey(childId),
    queryFn: () => apiGet<HistoryEntry[]>(child(childId, '/history')),
    enabled,
  });
}

export interface DuplicateProbe {
  readonly dossierNumber?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly birthDate?: string;
  readonly identityNumber?: string;
  readonly excludeId?: string;
}

export function useDuplicates(probe: DuplicateProbe, enabled: boolean) {
  return useQuery({
    queryKey: ['child-duplicates', probe],
    queryFn: () => apiGet<Duplicate[]>('/api/children/duplicates', { ...probe }),
    enabled,
    staleTime: 10_000,
  });
}

export interface ChildSearchFields {
  readonly q: string;
  readonly dossier?: string;
  readonly name?: string;
  readonly birthDate?: string;
  readonly identityNumber?: string;
}

/** The children list with the structured search fields (dossier number, name, birth date, personnummer). */
export function useChildSearch(fields: ChildSearchFields, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['children', fields, page, pageSize],
    queryFn: () => apiGet<ChildList>('/api/children', { ...fields, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
