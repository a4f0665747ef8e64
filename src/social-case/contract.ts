/**
 * The API's contract for the social services' case and the personakt: request bodies and the whitelists of fields
 * the answers carry (ADR 0019). The bodies of the case's steps are declared with their route (src/social-case/routes.ts).
 */
import { z } from 'zod';
import { socialCase } from '../domain/case/machines.ts';
import { isoDate } from '../domain/fields.ts';
import {
  CHANNELS,
  DIRECTIONS,
  JOURNAL_KINDS,
  SOCIAL_CASE_STEPS,
  WORKER_ROLES,
} from '../domain/social-case/codes.ts';
import { DOCUMENT_MEDIA_TYPES, isBase64 } from '../domain/social-case/document-types.ts';
import { StepSchema } from '../case/contract.ts';
import { ChildSummarySchema } from '../children/contract.ts';

/** A social worker (or unit manager) by name. */
export const PersonSchema = z.object({ userId: z.uuid(), name: z.string() });

export const DeadlineSchema = z.object({
  id: z.uuid(),
  rule: z.string(),
  title: z.string(),
  source: z.string(),
  statutory: z.boolean(),
  startedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  extendedReason: z.string().nullable(),
});

export const WorkerSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(WORKER_ROLES),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  /** Who stands in for the worker today (set by the unit manager), if anyone. */
  substitute: PersonSchema.extend({ toDate: z.string() }).nullable(),
});

export const CaseHistoryEventSchema = z.object({
  id: z.uuid(),
  event: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
  actor: z.string().nullable(),
  actorRole: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  bestInterestsId: z.uuid().nullable(),
});

export const SocialCaseSchema = z.object({
  socialCaseId: z.uuid().nullable(),
  state: z.enum(socialCase.states),
  version: z.number().int(),
  open: z.boolean(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  reportReceivedOn: z.string().nullable(),
  protectionAssessedOn: z.string().nullable(),
  protectionOutcome: z.string().nullable(),
  preliminaryDecidedOn: z.string().nullable(),
  investigationOpenedOn: z.string().nullable(),
  investigationExtendedTo: z.string().nullable(),
  investigationExtensionReason: z.string().nullable(),
  interventionsDecidedOn: z.string().nullable(),
  carePlanOn: z.string().nullable(),
  implementationPlanOn: z.string().nullable(),
  lastReviewOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  deadlines: z.array(DeadlineSchema),
  workers: z.array(WorkerSchema),
  /**
   * The steps the caller may take from the current state, the usual next one first (empty when read-only), each with
   * the route that takes it (src/case/steps.ts).
   */
  steps: z.array(StepSchema.extend({ action: z.enum(SOCIAL_CASE_STEPS) })),
  mayAssign: z.boolean(),
  history: z.array(CaseHistoryEventSchema),
  interpreter: z.object({ needed: z.boolean(), languages: z.array(z.string()) }).nullable(),
});

export const AssignWorkersBody = z.strictObject({
  primaryUserId: z.uuid(),
  secondaryUserId: z.uuid().nullable().default(null),
  fromDate: isoDate,
});

export const AssignedResponse = z.object({ socialCaseId: z.uuid(), assigned: z.array(z.uuid()) });

export const CaseItemSchema = z.object({
  child: ChildSummarySchema,
  socialCaseId: z.uuid(),
  state: z.enum(socialCase.states),
  version: z.number().int(),
  reportReceivedOn: z.string(),
  primary: PersonSchema.nullable(),
  secondary: PersonSchema.nullable(),
  overdue: z.number().int(),
  nextDue: z.string().nullable(),
  /** In "my cases": the absent colleague whose case this is, when the caller stands in for them today. */
  standingInFor: PersonSchema.nullable(),
});

export const WorkerLoadSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  primaryCases: z.number().int(),
  secondaryCases: z.number().int(),
  overdue: z.number().int(),
  nextDue: z.string().nullable(),
  absentUntil: z.string().nullable(),
  substitute: PersonSchema.nullable(),
});

export const CaseloadQuery = z.strictObject({
  worker: z.union([z.literal('unassigned'), z.literal('all'), z.uuid()]).default('unassigned'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseloadResponse = z.object({
  workers: z.array(WorkerLoadSchema),
  unassigned: z.number().int(),
  total: z.number().int(),
  items: z.array(CaseItemSchema),
});

export const MyCasesResponse = z.array(CaseItemSchema);

export const SubstituteSchema = z.object({
  id: z.uuid(),
  absent: PersonSchema,
  substitute: PersonSchema,
  fromDate: z.string(),
  toDate: z.string(),
});

export const SubstitutesResponse = z.array(SubstituteSchema);

export const SubstituteBody = z.strictObject({
  absentUserId: z.uuid(),
  substituteUserId: z.uuid(),
  fromDate: isoDate,
  toDate: isoDate,
});

export const SubstituteParams = z.strictObject({ substituteId: z.uuid({ error: 'Ogiltigt id' }) });

export const SubstituteEndedResponse = z.object({ id: z.uuid(), toDate: z.string().nullable() });

export const JournalEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(JOURNAL_KINDS),
  body: z.string(),
  occurredOn: z.string(),
  notForChild: z.boolean(),
  direction: z.string().nullable(),
  counterpart: z.string().nullable(),
  channel: z.string().nullable(),
  author: z.string(),
  ownOrganisation: z.boolean(),
  createdAt: z.string(),
});

export const JournalResponse = z.array(JournalEntrySchema);

export const JournalQuery = z.strictObject({ kind: z.enum(JOURNAL_KINDS).optional() });

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

export const JournalBody = z.strictObject({
  kind: z.enum(JOURNAL_KINDS).default('note'),
  body: z.string().trim().min(1).max(10_000),
  occurredOn: isoDate.nullable().default(null),
  notForChild: z.boolean().default(false),
  direction: z.enum(DIRECTIONS).nullable().default(null),
  counterpart: optionalText(200),
  channel: z.enum(CHANNELS).nullable().default(null),
});

export const DocumentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  notForChild: z.boolean(),
  uploadedBy: z.string(),
  ownOrganisation: z.boolean(),
  createdAt: z.string(),
});

export const DocumentsResponse = z.object({ maxBytes: z.number().int(), items: z.array(DocumentSchema) });

export const UploadBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  contentBase64: z.string().refine(isBase64, { message: 'base64' }),
  notForChild: z.boolean().default(false),
});

export const UploadedResponse = z.object({
  id: z.uuid(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});

export const CreatedResponse = z.object({ id: z.uuid() });
