/**
 * The audit capability's contract (the log review, a user's access report, emergency accesses, a child's access log):
 * what its routes accept and answer. Imports only zod and src/domain, so that the web takes its types from here
 * (ADR 0019).
 */
import { z } from 'zod';
import { AUDIT_EVENT_KINDS } from '../domain/audit/events.ts';
import { AUDIT_SECTIONS } from '../domain/audit/page-views.ts';
import { dossierNumber } from '../domain/fields.ts';
import { isIsoDate } from '../domain/time.ts';

export const EntrySchema = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  endedAt: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  /** The actor is one of the reader's organisation's users, so the reader may open their access report. */
  reportAvailable: z.boolean(),
  outcome: z.enum(['allowed', 'denied', 'partly_denied']),
  emergency: z.boolean(),
  purpose: z.string().nullable(),
  parts: z.array(
    z.object({
      kind: z.enum(AUDIT_EVENT_KINDS),
      section: z.enum(AUDIT_SECTIONS).nullable(),
      outcome: z.enum(['allowed', 'denied']),
      count: z.number().int(),
    }),
  ),
  childCount: z.number().int(),
  children: z.array(z.object({ id: z.uuid(), dossierNumber: z.string() })),
});

export const LogPageSchema = z.object({
  entries: z.array(EntrySchema),
  older: z.number().int().nullable(),
  newer: z.number().int().nullable(),
});

/** A page starts older than `before` or newer than `after`: one of them, not both. */
export const oneCursor = (q: { readonly before?: number | undefined; readonly after?: number | undefined }) =>
  q.before === undefined || q.after === undefined;
export const ONE_CURSOR = { path: ['after'], message: 'give before or after, not both' };

export const CursorQuery = {
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  after: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const EventQuery = z
  .strictObject({
    userId: z.uuid().optional(),
    childId: z.uuid().optional(),
    /** The events about the child with this dossier number (its own or a further one). */
    dossier: dossierNumber.optional(),
    kind: z.enum(AUDIT_EVENT_KINDS).optional(),
    outcome: z.enum(['allowed', 'denied']).optional(),
    from: z.string().refine(isIsoDate, 'YYYY-MM-DD').optional(),
    to: z.string().refine(isIsoDate, 'YYYY-MM-DD').optional(),
    ...CursorQuery,
  })
  .refine(oneCursor, ONE_CURSOR);

export const ChildLogQuery = z.strictObject(CursorQuery).refine(oneCursor, ONE_CURSOR);
export const UserIdParams = z.strictObject({ userId: z.uuid() });

export const AuditUsersResponse = z.array(z.object({ id: z.uuid(), displayName: z.string() }));

export const UserReportResponse = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  totals: z.array(z.object({ kind: z.string(), outcome: z.string(), count: z.number().int() })),
  distinctChildren: z.number().int(),
  emergencyAccesses: z.number().int(),
  refusedAttempts: z.number().int(),
  recent: z.array(EntrySchema),
});

export const EmergencyGrantsResponse = z.array(
  z.object({
    id: z.uuid(),
    userName: z.string(),
    role: z.string(),
    childId: z.uuid(),
    dossierNumber: z.string(),
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
  }),
);
