/** Data hooks over the worklist, notification and child-record API. Keys start with the resource name. */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { FIRST_VIEW_TIMELINE_PAGE_SIZE } from '../../domain/worklist/first-view.ts';
import { apiGet } from './client.ts';
import type { ChildList } from './types.ts';
import type {
  ChildRecord,
  Duplicate,
  FirstView,
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

const overviewKey = (childId: string) => ['child-overview', childId];
const timelineKey = (childId: string, page: number, pageSize: number) => [
  'child-timeline',
  childId,
  page,
  pageSize,
];
/** What the first view brought stays fresh this long: the parts mounted with it do not ask again at once. */
const FIRST_VIEW_FRESH_MS = 10_000;

/**
 * The child for the child's page: its first view in one request (`/first-view`) — the child, and into the cache the
 * overview and the timeline's first page, so those parts show without a request of their own. Same key as
 * `useChild`, so whatever refreshes the child refreshes this. Other pages use `useChild` (the detail alone: the
 * audit log says what each request showed).
 */
export function useChildPage(childId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['child', childId],
    queryFn: async () => {
      const first = await apiGet<FirstView>(child(childId, '/first-view'));
      // A merged record's first view is the surviving record's: its parts are filed under the survivor's id.
      const id = first.child.id;
      if (first.overview !== null) queryClient.setQueryData(overviewKey(id), first.overview);
      if (first.timeline !== null)
        queryClient.setQueryData(timelineKey(id, 1, FIRST_VIEW_TIMELINE_PAGE_SIZE), first.timeline);
      return first.child;
    },
  });
}

export function useOverview(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: overviewKey(childId),
    queryFn: () => apiGet<Overview>(child(childId, '/overview')),
    enabled,
    staleTime: FIRST_VIEW_FRESH_MS,
  });
}

export function useTimeline(childId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: timelineKey(childId, page, pageSize),
    staleTime: FIRST_VIEW_FRESH_MS,
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
