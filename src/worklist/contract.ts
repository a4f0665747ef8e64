/**
 * The worklist's contract (the role's worklist, the top of the child's page: overview and timeline): what its routes
 * accept and answer. Imports only zod, src/domain and other contracts, so that the web takes its types from here
 * (ADR 0019).
 */
import { z } from 'zod';
import { CASE_SECTIONS } from '../domain/access/case-sections.ts';
import { municipalityCode } from '../domain/fields.ts';
import { ChildDetailSchema, ChildSummarySchema } from '../children/contract.ts';
import { NOTIFICATION_RECIPIENTS } from '../domain/missing/routine.ts';
import { RiskMomentSchema } from '../missing/contract.ts';

export const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
export const page = z.coerce.number().int().min(1).max(100_000).default(1);
const Municipality = z.object({ code: z.string(), name: z.string() });
export const Primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const WorklistQuery = z.strictObject({
  rule: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'a rule id')
    .optional(),
  overdue: flag,
  mine: flag,
  municipality: municipalityCode.optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const DeadlineFields = {
  id: z.uuid(),
  rule: z.string(),
  title: z.string(),
  source: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number().int(),
  countsWorkingDays: z.boolean(),
};

/**
 * The municipality's open missing episodes, at the top of social services' worklist (issue 12): each with the child as
 * the caller may see it, the notifications still waiting for an acknowledgement and whether any has escalated. The
 * unit manager also gets the escalated notifications themselves ("nothing unacknowledged is silent"); null for others.
 */
export const WorklistMissingSchema = z.object({
  episodes: z.array(
    z.object({
      id: z.uuid(),
      state: z.string(),
      reportedAt: z.string(),
      policeReportedAt: z.string().nullable(),
      unacknowledged: z.number().int(),
      escalated: z.boolean(),
      returnTalkDueAt: z.string().nullable(),
      returnTalkOverdue: z.boolean(),
      child: ChildSummarySchema,
    }),
  ),
  escalations: z
    .array(
      z.object({
        id: z.uuid(),
        episodeId: z.uuid(),
        recipient: z.enum(NOTIFICATION_RECIPIENTS),
        dueAt: z.string(),
        escalateAt: z.string(),
        escalatedAt: z.string(),
        child: ChildSummarySchema,
      }),
    )
    .nullable(),
});

export const WorklistResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      ...DeadlineFields,
      statutory: z.boolean(),
      startedOn: z.string(),
      municipality: Municipality.nullable(),
      assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      child: ChildSummarySchema,
      /** The child's risk moments today, where the role reads the prevention profile (otherwise none). */
      riskMoments: z.array(RiskMomentSchema.shape.kind),
    }),
  ),
  meetings: z.array(
    z.object({
      kind: z.enum(['asylum_interview', 'care_review']),
      on: z.string(),
      child: ChildSummarySchema,
    }),
  ),
  missing: WorklistMissingSchema,
});

export const OverviewResponse = z.object({
  childId: z.uuid(),
  machines: z.array(
    z.object({
      machine: z.string(),
      state: z.string(),
      version: z.number().int(),
      section: z.enum(CASE_SECTIONS),
      since: z.string().nullable(),
    }),
  ),
  responsible: z.object({ municipality: Municipality, kind: z.string(), from: z.string() }).nullable(),
  people: z.object({
    socialWorkers: z.array(z.object({ name: z.string(), role: z.string() })).nullable(),
    guardians: z.array(z.object({ name: z.string(), kind: z.string(), from: z.string() })).nullable(),
    region: Municipality.nullable(),
  }),
  deadlines: z.array(
    z.object({
      ...DeadlineFields,
      section: z.enum(CASE_SECTIONS),
      holder: z.object({
        actor: z.string(),
        municipality: Municipality.nullable(),
        assignee: z.string().nullable(),
      }),
      yours: z.boolean(),
    }),
  ),
  interpreter: z.object({ needed: z.boolean(), languages: z.array(z.string()) }).nullable(),
  meetings: z.array(z.object({ kind: z.enum(['asylum_interview', 'care_review']), on: z.string() })),
  /** The child's risk moments today; null where the role does not read the prevention profile. */
  riskMoments: z.array(RiskMomentSchema).nullable(),
});

export const TimelineResponse = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['arrival', 'anvisning', 'transition', 'note', 'record_edited', 'merged', 'unmerged']),
      on: z.string(),
      recordedAt: z.string(),
      section: z.enum(CASE_SECTIONS).nullable(),
      machine: z.string().nullable(),
      event: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      municipality: Municipality.nullable(),
      actorRole: z.string().nullable(),
      details: z.record(z.string(), Primitive),
    }),
  ),
});

/**
 * The first view of the child's page, in one request: the child, the overview (null when the role does not read the
 * case) and the head of the timeline (null when its section is not readable).
 */
export const FirstViewResponse = z.object({
  child: ChildDetailSchema,
  overview: OverviewResponse.nullable(),
  timeline: TimelineResponse.nullable(),
});

export const TimelineQuery = z.strictObject({
  page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
