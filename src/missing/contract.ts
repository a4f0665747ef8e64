/**
 * The API's contract for children who go missing (issue 12, ADR 0025): the episodes of a child with their clocks,
 * notifications and the steps the caller may take; the request bodies of each step; the police view. Imports only zod,
 * src/domain and other contracts (ADR 0019).
 */
import { z } from 'zod';
import { NOTIFICATION_RECIPIENTS } from '../domain/missing/routine.ts';
import {
  ABSENCE_KINDS,
  FOUND_CONDITIONS,
  LVU_GROUNDS,
  LVU_OUTCOMES,
  PLACEMENT_REVIEW_OUTCOMES,
  RETURN_TALK_OUTCOMES,
} from '../domain/missing/records.ts';
import { line, text } from '../domain/text.ts';
import { BestInterestsBody, StepSchema } from '../case/contract.ts';
import { MeetingSchema } from '../placement/contract.ts';

/** An instant as the forms send it: an ISO 8601 date and time with its offset (the browser's, Europe/Stockholm). */
export const instant = z.iso.datetime({ offset: true });
const expectedVersion = z.number().int().min(0);
const EpisodeParams = z.strictObject({
  childId: z.uuid({ error: 'Ogiltigt id' }),
  episodeId: z.uuid({ error: 'Ogiltigt id' }),
});
export const NotificationParams = EpisodeParams.extend({ notificationId: z.uuid({ error: 'Ogiltigt id' }) });
export { EpisodeParams };

export const ReportAbsenceBody = z.strictObject({
  kind: z.enum(ABSENCE_KINDS),
  lastSeenAt: instant,
  lastSeenPlace: line(200),
  /** When the absence is reported as missing at once: the police report made (D2). */
  policeReference: line(60).optional(),
  policeReportedAt: instant.optional(),
});

export const PoliceReportBody = z.strictObject({
  policeReference: line(60),
  policeReportedAt: instant,
  expectedVersion,
});

export const NotificationSentBody = z.strictObject({ sentAt: instant });
export const NotificationAcknowledgedBody = z.strictObject({
  acknowledgedAt: instant,
  /** Who acknowledged for a recipient outside Anvisa (name, organisation), as told. */
  by: line(200),
});

export const LvuBody = z.strictObject({
  outcome: z.enum(LVU_OUTCOMES),
  grounds: z.array(z.enum(LVU_GROUNDS)).max(LVU_GROUNDS.length),
  concreteFacts: text(4000),
  decisionReference: line(60).nullable().default(null),
  expectedVersion,
});

export const StepBody = z.strictObject({ expectedVersion });

export const FoundBody = z.strictObject({
  foundAt: instant,
  place: line(200),
  foundBy: line(200),
  condition: z.enum(FOUND_CONDITIONS),
  crimeSuspected: z.boolean(),
  crimeReportReference: line(60).nullable().default(null),
  harm: text(2000).nullable().default(null),
  expectedVersion,
});

export const ReturnTalkBody = z.strictObject({
  outcome: z.enum(RETURN_TALK_OUTCOMES),
  at: instant,
  participants: z.array(line(200)).max(10).default([]),
  childsAccount: text(4000).nullable().default(null),
  childsViews: text(4000).nullable().default(null),
  actions: text(4000).nullable().default(null),
  notHeldReason: text(2000).nullable().default(null),
  expectedVersion,
});

export const CompleteReturnBody = z.strictObject({
  placementReview: z.enum(PLACEMENT_REVIEW_OUTCOMES),
  note: text(2000).nullable().default(null),
  expectedVersion,
});

export const RecordReturnBody = z.strictObject({ returnedAt: instant, expectedVersion });

export const CLOSURES = ['close_not_found', 'close_aged_out', 'close_left_country'] as const;
export const CloseBody = z.strictObject({
  closure: z.enum(CLOSURES),
  reason: text(2000),
  bestInterests: BestInterestsBody.optional(),
  expectedVersion,
});

const NotificationSchema = z.object({
  id: z.uuid(),
  recipient: z.enum(NOTIFICATION_RECIPIENTS),
  dueAt: z.string(),
  escalateAt: z.string(),
  sentAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** The recipient has none to notify (no god man appointed, not enrolled at a school, the same municipality). */
  notApplicable: z.enum(['same_municipality', 'none_appointed', 'not_enrolled']).nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** The caller may record it as sent / acknowledged now (the server decides, the UI reflects). */
  maySend: z.boolean(),
  mayAcknowledge: z.boolean(),
  /** The caller acknowledges as the recipient itself (no name of who acknowledged is asked for). */
  ownAcknowledgement: z.boolean(),
});

export const EpisodeSchema = z.object({
  id: z.uuid(),
  state: z.string(),
  version: z.number().int(),
  linkedToId: z.uuid().nullable(),
  kind: z.enum(ABSENCE_KINDS),
  lastSeenAt: z.string(),
  lastSeenPlace: z.string(),
  reportedAt: z.string(),
  reportedByRole: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  policeReference: z.string().nullable(),
  policeReportedAt: z.string().nullable(),
  earliestClosureOn: z.string().nullable(),
  lvuAssessment: z
    .object({
      outcome: z.enum(LVU_OUTCOMES),
      grounds: z.array(z.enum(LVU_GROUNDS)),
      concreteFacts: z.string(),
      decisionReference: z.string().nullable(),
      assessedAt: z.string(),
    })
    .nullable(),
  foundAt: z.string().nullable(),
  found: z
    .object({
      place: z.string(),
      foundBy: z.string(),
      condition: z.enum(FOUND_CONDITIONS),
      crimeSuspected: z.boolean(),
      crimeReportReference: z.string().nullable(),
      harm: z.string().nullable(),
    })
    .nullable(),
  returnTalkDueAt: z.string().nullable(),
  returnTalk: z
    .object({
      outcome: z.enum(RETURN_TALK_OUTCOMES),
      at: z.string(),
      participants: z.array(z.string()),
      childsAccount: z.string().nullable(),
      childsViews: z.string().nullable(),
      actions: z.string().nullable(),
      notHeldReason: z.string().nullable(),
    })
    .nullable(),
  completion: z
    .object({ placementReview: z.enum(PLACEMENT_REVIEW_OUTCOMES), note: z.string().nullable() })
    .nullable(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  strategyMeetingDue: z.boolean(),
  /** The routine that governs the episode's clocks, as it was when it opened. */
  routine: z.object({
    reference: z.string(),
    policyReference: z.string().nullable(),
    closureMinimum: z.union([z.object({ months: z.number() }), z.object({ days: z.number() })]),
    returnTalkWithinHours: z.number(),
  }),
  notifications: z.array(NotificationSchema),
  events: z.array(
    z.object({ event: z.string(), toState: z.string(), occurredAt: z.string(), actorRole: z.string() }),
  ),
  steps: z.array(StepSchema),
});

export const MissingViewSchema = z.object({
  child: MeetingSchema,
  episodes: z.array(EpisodeSchema),
  /** The caller may report the child absent or missing now (no episode is open). */
  steps: z.array(StepSchema),
});

/** The police view of one child with an open episode in the officer's police region (ADR 0025, point 5 and 6). */
export const PoliceEpisodeSchema = z.object({
  episodeId: z.uuid(),
  childId: z.uuid(),
  name: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  protectedIdentity: z.boolean(),
  state: z.string(),
  lastSeenAt: z.string(),
  /** Withheld (null) for a protected child when the place was the placement. */
  lastSeenPlace: z.string().nullable(),
  policeReference: z.string().nullable(),
  policeReportedAt: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  /** Whom to call at the responsible social services. */
  contacts: z.array(z.object({ name: z.string(), role: z.string() })),
});
export const PoliceListSchema = z.object({ region: z.string(), episodes: z.array(PoliceEpisodeSchema) });
