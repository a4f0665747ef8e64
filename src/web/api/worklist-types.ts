/**
 * The shapes of the worklist, notification and child-record answers, from the worklist's, the notifications' and the
 * children's contracts (ADR 0019): a field renamed there breaks the build here.
 */
import type { z } from 'zod';
import type { ChildRecordSchema, DuplicatesResponse, HistoryResponse } from '../../children/contract.ts';
import type { Answer } from '../../domain/answer.ts';
import type { NotificationListResponse, UnreadCountResponse } from '../../notifications/contract.ts';
import type {
  FirstViewResponse,
  OverviewResponse,
  TimelineResponse,
  WorklistResponse,
} from '../../worklist/contract.ts';

type WorklistAnswer = Answer<z.infer<typeof WorklistResponse>>;
type OverviewAnswer = Answer<z.infer<typeof OverviewResponse>>;

export type WorklistItem = WorklistAnswer['items'][number];

/** A deadline on the child's overview: where on the page its step is taken, who holds it, whether it is the caller's. */
export type OverviewDeadline = OverviewAnswer['deadlines'][number];

export type Worklist = WorklistAnswer;

export interface WorklistFilters {
  readonly rule?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly mine?: boolean | undefined;
  readonly municipality?: string | undefined;
  readonly page?: number | undefined;
}

export type NotificationList = Answer<z.infer<typeof NotificationListResponse>>;
export type NotificationItem = NotificationList['items'][number];

export type UnreadCount = Answer<z.infer<typeof UnreadCountResponse>>;

export type Overview = OverviewAnswer;

export type Timeline = Answer<z.infer<typeof TimelineResponse>>;

/** The first view of the child's page: the child, the overview and the timeline's head in one answer. */
export type FirstView = Answer<z.infer<typeof FirstViewResponse>>;
export type TimelineEvent = Timeline['items'][number];

/** The child's record, its history and possible duplicates: from the children's contract (ADR 0019). */
export type ChildRecord = Answer<z.infer<typeof ChildRecordSchema>>;

export type HistoryEntry = Answer<z.infer<typeof HistoryResponse>>[number];

export type Duplicate = Answer<z.infer<typeof DuplicatesResponse>>[number];
