/** The shapes of the worklist, notification and child-record answers (see /openapi.json; the server is the authority). */
import type { CaseSection } from '../../domain/access/case-sections.ts';
import type { z } from 'zod';
import type { ChildRecordSchema, DuplicatesResponse, HistoryResponse } from '../../children/contract.ts';
import type { Answer } from '../../domain/answer.ts';
import type { ChildSummary, MunicipalityRef } from './types.ts';

export interface DeadlineRow {
  readonly id: string;
  readonly rule: string;
  readonly title: string;
  readonly source: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly daysLeft: number;
  readonly countsWorkingDays: boolean;
}

/** A deadline on the child's overview: where on the page its step is taken, who holds it, whether it is the caller's. */
export interface OverviewDeadline extends DeadlineRow {
  readonly section: CaseSection;
  readonly holder: {
    readonly actor: string;
    readonly municipality: MunicipalityRef | null;
    readonly assignee: string | null;
  };
  readonly yours: boolean;
}

export interface WorklistItem extends DeadlineRow {
  readonly statutory: boolean;
  readonly startedOn: string;
  readonly municipality: MunicipalityRef | null;
  readonly assignee: { readonly id: string; readonly name: string } | null;
  readonly child: ChildSummary;
}

export type MeetingKind = 'asylum_interview' | 'care_review';

export interface Worklist {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly WorklistItem[];
  readonly meetings: readonly {
    readonly kind: MeetingKind;
    readonly on: string;
    readonly child: ChildSummary;
  }[];
}

export interface WorklistFilters {
  readonly rule?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly mine?: boolean | undefined;
  readonly municipality?: string | undefined;
  readonly page?: number | undefined;
}

export interface NotificationItem {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly child: ChildSummary | null;
  readonly otherRole: boolean;
}

export interface NotificationList {
  readonly total: number;
  readonly unread: number;
  readonly items: readonly NotificationItem[];
}

export interface Overview {
  readonly childId: string;
  readonly machines: readonly {
    machine: string;
    state: string;
    version: number;
    section: CaseSection;
    since: string | null;
  }[];
  readonly responsible: {
    readonly municipality: MunicipalityRef;
    readonly kind: string;
    readonly from: string;
  } | null;
  readonly people: {
    readonly socialWorkers: readonly { name: string; role: string }[] | null;
    readonly guardians: readonly { name: string; kind: string; from: string }[] | null;
    readonly region: MunicipalityRef | null;
  };
  readonly deadlines: readonly OverviewDeadline[];
  readonly interpreter: { readonly needed: boolean; readonly languages: readonly string[] } | null;
  readonly meetings: readonly { readonly kind: MeetingKind; readonly on: string }[];
}

export type TimelineKind =
  'arrival' | 'anvisning' | 'transition' | 'note' | 'record_edited' | 'merged' | 'unmerged';

export interface TimelineEvent {
  readonly id: string;
  readonly kind: TimelineKind;
  readonly on: string;
  readonly recordedAt: string;
  readonly section: CaseSection | null;
  readonly machine: string | null;
  readonly event: string | null;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly municipality: MunicipalityRef | null;
  readonly actorRole: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface Timeline {
  readonly total: number;
  readonly items: readonly TimelineEvent[];
}

/** The child's record, its history and possible duplicates: from the children's contract (ADR 0019). */
export type { IdentifierKind } from '../../children/contract.ts';

export type ChildRecord = Answer<z.infer<typeof ChildRecordSchema>>;

export type HistoryEntry = Answer<z.infer<typeof HistoryResponse>>[number];

export type Duplicate = Answer<z.infer<typeof DuplicatesResponse>>[number];

export type DuplicateReason = Duplicate['reasons'][number];
