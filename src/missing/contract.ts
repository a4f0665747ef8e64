/**
 * The API's contract for children who go missing (issue 12, ADR 0025), shared with the web (ADR 0019): the episodes of
 * a child with their clocks, notifications and the steps the caller may take, the request bodies of each step and the
 * police view; then the prevention profile (förebyggande profil), the risk indicators and the risk moments, with a
 * Swedish message per field and reason. Imports only zod, src/domain and other contracts.
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
import { isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { isoDateSaying } from '../domain/fields.ts';
import { PHOTO_MEDIA_TYPES } from '../domain/missing/profile.ts';
import { OBSERVATION_NOTE_MAX, RISK_INDICATOR_CODES } from '../domain/missing/risk-indicators.ts';
import { RISK_MOMENT_KINDS } from '../domain/missing/risk-moments.ts';
import { EMERGENCY_CARE_KINDS } from '../domain/missing/emergency-care.ts';
import { isBase64 } from '../domain/social-case/document-types.ts';
import { OPEN_EPISODE_STATES } from '../domain/missing/review.ts';
import { DIMENSIONS, type Dimension } from '../domain/missing/statistics.ts';
import { ChildSummarySchema } from '../children/contract.ts';

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

/** D13: the strategy meeting the repeat rule called — held on, who took part, what was decided. */
export const StrategyMeetingBody = z.strictObject({
  heldOn: isoDateSaying('Datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD'),
  participants: z.array(line(200)).max(20).default([]),
  decisions: text(4000),
  carePlanReviewed: z.boolean(),
  expectedVersion,
});

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
  /** Required (the machine's step needs it): the child's best interests and views as weighed after the talk. */
  bestInterests: BestInterestsBody.optional(),
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

/**
 * D-R1: emergency care given by a municipality where the child turns up (not the responsible one). The rules beyond
 * the shape (not in the future, not before the child was last seen, the end after the start, a callable number) are
 * `emergencyCareProblems`, answered 422 with field and reason. No `expectedVersion`: the record changes nothing of the
 * episode, and the episode's state is checked under its lock.
 */
export const EmergencyCareBody = z.strictObject({
  startedAt: instant,
  endedAt: instant.nullable().default(null),
  place: line(200),
  care: z.enum(EMERGENCY_CARE_KINDS),
  description: text(2000),
  contactName: line(100),
  contactPhone: line(30),
});

const EmergencyCareSchema = z.object({
  id: z.uuid(),
  /** The municipality that gives the care. */
  municipality: z.object({ code: z.string(), name: z.string() }),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Where the child is cared for; null where the reader may not see the child's whereabouts. */
  place: z.string().nullable(),
  care: z.enum(EMERGENCY_CARE_KINDS),
  description: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  recordedAt: z.string(),
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
  /** Null where the reader may not see where the child is (a protected identity they are not cleared for). */
  lastSeenPlace: z.string().nullable(),
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
      /** Null where the reader may not see where the child is. */
      place: z.string().nullable(),
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
  /** The day the worklist's task for the meeting is due (a week from the search that met the repeat rule). */
  strategyMeetingDueOn: z.string().nullable(),
  strategyMeeting: z
    .object({
      heldOn: z.string(),
      participants: z.array(z.string()),
      decisions: z.string(),
      carePlanReviewed: z.boolean(),
      recordedAt: z.string(),
    })
    .nullable(),
  /** The routine that governs the episode's clocks, as it was when it opened. */
  routine: z.object({
    reference: z.string(),
    policyReference: z.string().nullable(),
    closureMinimum: z.union([z.object({ months: z.number() }), z.object({ days: z.number() })]),
    returnTalkWithinHours: z.number(),
  }),
  notifications: z.array(NotificationSchema),
  /**
   * Emergency care recorded by other municipalities (D-R1): all of it to the responsible municipality, its own to the
   * municipality that gives it; nobody else is shown any.
   */
  emergencyCare: z.array(EmergencyCareSchema),
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

// ── The prevention profile, risk indicators and risk moments ─────────────────

/** A one-line field that may be left empty (stored as null), with its label in the error. */
const optionalLine = (max: number, label: string) =>
  line(max, `${label}: högst ${max} tecken`)
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const requiredLine = (max: number, label: string) =>
  line(max, `${label}: högst ${max} tecken`).trim().min(1, `${label}: fyll i fältet`);

const phone = (label: string) =>
  line(30, `${label}: högst 30 tecken`)
    .trim()
    .refine(isPhoneNumber, `${label}: ange 6–15 siffror, till exempel 070-174 06 05`);

const list = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.array(item).max(max, `${label}: högst ${max}`).default([]);

/** The description of the child for a search: what the police ask first. */
export const DescriptionSchema = z.strictObject({
  heightCm: z
    .number({ error: 'Längd: ange hela centimeter' })
    .int('Längd: ange hela centimeter')
    .min(50, 'Längd: minst 50 cm')
    .max(230, 'Längd: högst 230 cm')
    .nullable()
    .default(null),
  build: optionalLine(60, 'Kroppsbyggnad'),
  hair: optionalLine(60, 'Hår'),
  eyes: optionalLine(60, 'Ögon'),
  distinguishingMarks: optionalLine(300, 'Kännetecken'),
  languages: list(requiredLine(40, 'Språk'), 10, 'Språk'),
});

export const SocialMediaSchema = z.strictObject({
  platform: requiredLine(40, 'Sociala medier, tjänst'),
  handle: requiredLine(100, 'Sociala medier, konto'),
});

export const ContactSchema = z.strictObject({
  name: requiredLine(100, 'Kontakt, namn'),
  relation: requiredLine(60, 'Kontakt, relation'),
  phone: phone('Kontakt, telefon').nullable().default(null),
});

/** Every field of a profile version: sent whole with each save, so a version reads on its own. */
export const ProfileBody = z.strictObject({
  description: DescriptionSchema.prefault({}),
  phones: list(phone('Telefonnummer'), 5, 'Telefonnummer'),
  socialMedia: list(SocialMediaSchema, 10, 'Sociala medier'),
  contacts: list(ContactSchema, 20, 'Kända kontakter'),
  places: list(requiredLine(200, 'Kända platser'), 20, 'Kända platser'),
  /** Free text until episodes are linked (issue 12, point 4). */
  previousEpisodes: text(2000, 'Tidigare avvikelser: högst 2000 tecken')
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  /** Only what a search needs: medication, a condition that makes it urgent. */
  medicalNeeds: text(500, 'Medicinska behov: högst 500 tecken, bara det som behövs vid en eftersökning')
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});

/** The profile's version the form saw; absent for the first version. */
const profileVersion = z.number().int().min(0).optional();

export const SaveProfileBody = ProfileBody.extend({ expectedVersion: profileVersion });

export const PhotoBody = z.strictObject({
  mediaType: z.enum(PHOTO_MEDIA_TYPES, { error: 'Fotot: bara JPEG- eller PNG-bilder tas emot' }),
  contentBase64: z.string().refine(isBase64, 'Fotot: innehållet är inte base64'),
  takenOn: isoDateSaying('Fotots datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD'),
  expectedVersion: profileVersion,
});

export const ObservationBody = z.strictObject({
  indicator: z.enum(RISK_INDICATOR_CODES, { error: 'Indikator: välj en indikator i listan' }),
  observed: z.boolean({ error: 'Iakttagen: ange ja eller nej' }),
  observedOn: isoDateSaying('Datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD'),
  note: text(OBSERVATION_NOTE_MAX, `Anteckning: högst ${OBSERVATION_NOTE_MAX} tecken`).trim().default(''),
  searchRelevant: z.boolean().default(false),
});

export const PhotoParams = z.strictObject({
  childId: z.uuid({ error: 'Ogiltigt id' }),
  photoId: z.uuid({ error: 'Ogiltigt id' }),
});

const Recorded = { recordedAt: z.string(), recordedBy: z.string(), recordedRole: z.string() };

export const PhotoSchema = z.object({
  id: z.uuid(),
  takenOn: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

/** A stored profile as the view sends it (the body's shape after parsing). */
export const StoredProfileSchema = z.object({
  description: z.object({
    heightCm: z.number().int().nullable(),
    build: z.string().nullable(),
    hair: z.string().nullable(),
    eyes: z.string().nullable(),
    distinguishingMarks: z.string().nullable(),
    languages: z.array(z.string()),
  }),
  phones: z.array(z.string()),
  socialMedia: z.array(z.object({ platform: z.string(), handle: z.string() })),
  contacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().nullable() })),
  places: z.array(z.string()),
  previousEpisodes: z.string().nullable(),
  medicalNeeds: z.string().nullable(),
});

export const ProfileVersionSchema = z.object({
  version: z.number().int(),
  ...Recorded,
  profile: StoredProfileSchema,
  photo: PhotoSchema.nullable(),
});

export const ObservationSchema = z.object({
  id: z.uuid(),
  indicator: z.enum(RISK_INDICATOR_CODES),
  observed: z.boolean(),
  observedOn: z.string(),
  note: z.string(),
  searchRelevant: z.boolean(),
  observerRole: z.string(),
  recordedAt: z.string(),
});

export const RiskMomentSchema = z.object({
  kind: z.enum(RISK_MOMENT_KINDS),
  since: z.string().nullable(),
  until: z.string().nullable(),
});

export const ProfileViewSchema = z.object({
  /** The number of the current version (0: none saved yet); send it back as `expectedVersion`. */
  version: z.number().int(),
  current: ProfileVersionSchema.nullable(),
  /** Every earlier version, newest first. */
  history: z.array(ProfileVersionSchema),
  /** The latest observation of each indicator, in the checklist's order; `observations` holds them all. */
  indicators: z.array(ObservationSchema),
  observations: z.array(ObservationSchema),
  /** What the caller may change (the server decides, the UI reflects). */
  edits: z.object({ profile: z.boolean(), photo: z.boolean(), observation: z.boolean() }),
  photoMaxBytes: z.number().int(),
});

// ── The police view (ADR 0025, points 5–6) ──────────────────────────────────
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
  /** Withheld (null) for a protected child: the responsible social services' duty contact is given instead. */
  lastSeenPlace: z.string().nullable(),
  policeReference: z.string().nullable(),
  policeReportedAt: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  /** Whom to call at the responsible social services. */
  contacts: z.array(z.object({ name: z.string(), role: z.string() })),
  /** The prevention profile's current version (null: none kept), its photo, the indicators marked for a search. */
  profile: StoredProfileSchema.nullable(),
  photo: z.object({ takenOn: z.string() }).nullable(),
  indicators: z.array(
    z.object({
      indicator: z.enum(RISK_INDICATOR_CODES),
      observedOn: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export const PoliceListSchema = z.object({ region: z.string(), episodes: z.array(PoliceEpisodeSchema) });
// ── Follow-up (issue 12, point 11): the monthly review list and the statistics of episodes ──────────────────────

/** One open episode on the responsible municipality's monthly review list. */
export const ReviewItemSchema = z.object({
  episodeId: z.uuid(),
  child: ChildSummarySchema,
  state: z.enum(OPEN_EPISODE_STATES),
  kind: z.enum(ABSENCE_KINDS),
  reportedAt: z.string(),
  policeReportedAt: z.string().nullable(),
  daysOpen: z.number().int(),
  lastReviewedOn: z.string().nullable(),
  /** Never reviewed, or last reviewed before the first of this month. */
  reviewDue: z.boolean(),
});
export const ReviewListSchema = z.object({
  /** The month the list is for, YYYY-MM. */
  month: z.string(),
  episodes: z.array(ReviewItemSchema),
});

export const MissingStatisticsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A published count, or null when suppressed (fewer than five, or protecting one that is). */
const CountSchema = z.number().int().nullable();
const FigureRowSchema = z.object({
  key: z.string(),
  female: CountSchema,
  male: CountSchema,
  other: CountSchema,
  total: CountSchema,
});
export const MissingStatisticsSchema = z.object({
  year: z.number().int(),
  area: z.object({ kind: z.enum(['municipality', 'county', 'nation']), code: z.string().nullable() }),
  /** The responsible organisation's own exact figures; otherwise counts under `threshold` are suppressed. */
  exact: z.boolean(),
  threshold: z.number().int(),
  all: FigureRowSchema,
  tables: z.object(
    Object.fromEntries(DIMENSIONS.map((d) => [d, z.array(FigureRowSchema)])) as Record<
      Dimension,
      z.ZodArray<typeof FigureRowSchema>
    >,
  ),
});
