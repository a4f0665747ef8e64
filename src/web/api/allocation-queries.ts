/** Data hooks over the allocation API (anvisning, shares, figures, boundaries). Keys start with the resource name. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type Query } from './client.ts';
import type {
  Boundaries,
  DecisionDetail,
  DecisionHistoryRow,
  IncomingChild,
  MunicipalityFigures,
  Proposal,
  QueueView,
  RelativeAssessment,
  Rule,
  ShareVersion,
  ShareVersionDetail,
  TimelinePoint,
  WaitingChild,
} from './allocation-types.ts';

const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

export const WAITING_KEY = ['allocation-waiting'] as const;

export function useWaiting() {
  return useQuery({
    queryKey: WAITING_KEY,
    queryFn: () => apiGet<WaitingChild[]>('/api/allocation/waiting'),
  });
}

export function useProposal(childId: string, rule: Rule) {
  return useQuery({
    queryKey: ['allocation-proposal', childId, rule],
    queryFn: () => apiGet<Proposal>(path('/api/allocation/children/:id/proposal', childId), { rule }),
    placeholderData: keepPreviousData,
  });
}

export function useDecisions(filters: Query) {
  return useQuery({
    queryKey: ['allocation-decisions', filters],
    queryFn: () => apiGet<DecisionHistoryRow[]>('/api/allocation/decisions', filters),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(decisionId: string) {
  return useQuery({
    queryKey: ['allocation-decision', decisionId],
    queryFn: () => apiGet<DecisionDetail>(path('/api/allocation/decisions/:id', decisionId)),
  });
}

export function useQueue(rule: Rule, length: number) {
  return useQuery({
    queryKey: ['allocation-queue', rule, length],
    queryFn: () => apiGet<QueueView>('/api/allocation/queue', { rule, length }),
    placeholderData: keepPreviousData,
  });
}

export function useFigures() {
  return useQuery({
    queryKey: ['allocation-figures'],
    queryFn: () => apiGet<MunicipalityFigures[]>('/api/allocation/figures'),
  });
}

/** Received vs exact quota per month: one municipality, or the nation when `code` is ''. */
export function useTimeline(code: string) {
  return useQuery({
    queryKey: ['allocation-timeline', code],
    queryFn: () => apiGet<TimelinePoint[]>('/api/allocation/timeline', { municipalityCode: code }),
    placeholderData: keepPreviousData,
  });
}

export function useShareVersions() {
  return useQuery({
    queryKey: ['share-versions'],
    queryFn: () => apiGet<ShareVersion[]>('/api/allocation/shares'),
  });
}

export function useShareVersion(versionId: string) {
  return useQuery({
    queryKey: ['share-version', versionId],
    queryFn: () => apiGet<ShareVersionDetail>(path('/api/allocation/shares/:id', versionId)),
  });
}

export function useIncoming() {
  return useQuery({
    queryKey: ['allocation-incoming'],
    queryFn: () => apiGet<IncomingChild[]>('/api/allocation/incoming'),
  });
}

export const ASSESSMENTS_KEY = ['relative-assessments'] as const;

export function useRelativeAssessments() {
  return useQuery({
    queryKey: ASSESSMENTS_KEY,
    queryFn: () => apiGet<RelativeAssessment[]>('/api/relative-assessments'),
  });
}

/** Municipal and county boundaries (objects `kommuner` and `lan`; each geometry's id is its code). */
export function useBoundaries() {
  return useQuery({
    queryKey: ['boundaries'],
    queryFn: () => apiGet<Boundaries>('/api/reference/boundaries'),
    staleTime: Infinity,
  });
}
