/** Data hooks over the casework API: the social case, the caseload, substitutes, the personakt. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { afterChildStep } from './child-keys.ts';
import { apiGet } from './client.ts';
import type {
  CaseDocuments,
  Caseload,
  CaseItem,
  PersonaktEntry,
  SocialCase,
  Substitute,
} from './casework-types.ts';

const child = (childId: string, rest: string) => `/api/children/${encodeURIComponent(childId)}/${rest}`;

export const socialCaseKey = (childId: string) => ['social-case', childId] as const;
export const journalKey = (childId: string) => ['journal', childId] as const;
export const documentsKey = (childId: string) => ['documents', childId] as const;

export function useSocialCase(childId: string) {
  return useQuery({
    queryKey: socialCaseKey(childId),
    queryFn: () => apiGet<SocialCase>(child(childId, 'social-case')),
  });
}

export function usePersonaktJournal(childId: string) {
  return useQuery({
    queryKey: journalKey(childId),
    queryFn: () => apiGet<PersonaktEntry[]>(child(childId, 'journal')),
  });
}

export function useDocuments(childId: string) {
  return useQuery({
    queryKey: documentsKey(childId),
    queryFn: () => apiGet<CaseDocuments>(child(childId, 'documents')),
  });
}

export const documentUrl = (childId: string, documentId: string) =>
  child(childId, `documents/${encodeURIComponent(documentId)}`);

export function useCaseload(worker: string, page: number) {
  return useQuery({
    queryKey: ['caseload', worker, page],
    queryFn: () => apiGet<Caseload>('/api/caseload', { worker, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

export function useMyCases() {
  return useQuery({ queryKey: ['my-cases'], queryFn: () => apiGet<CaseItem[]>('/api/social-cases/mine') });
}

export function useSubstitutes() {
  return useQuery({ queryKey: ['substitutes'], queryFn: () => apiGet<Substitute[]>('/api/substitutes') });
}

/** After a step or an assignment: everything about the child (overview, timeline, sections) and the lists change together. */
export async function refreshCase(queryClient: QueryClient, childId: string): Promise<void> {
  await afterChildStep(queryClient, childId);
}
