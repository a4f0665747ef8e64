/**
 * The asylum and age case's contract: what its routes accept and answer. Imports only zod and src/domain, so that the
 * web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { ASYLUM_DECISIONS, COURT_OUTCOMES } from '../domain/asylum/asylum.ts';
import { isoDate } from '../domain/fields.ts';
import { StepSchema } from '../case/contract.ts';

// ── steps ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The steps of the asylum case a view may offer (src/asylum/steps.ts declares their routes): texts `asylum.action.*`. */
export const ASYLUM_ACTIONS = [
  'apply',
  'schedule_interview',
  'interview',
  'grant_permanent',
  'grant_temporary',
  'refuse',
  'transfer_dublin',
  'write_off',
  'appeal',
  'become_final',
] as const;
export type AsylumAction = (typeof ASYLUM_ACTIONS)[number];

/** The steps of the age case a view may offer. */
export const AGE_ACTIONS = [
  'doubt',
  'order_medical_assessment',
  'decide_temporarily',
  'appeal_age',
  'decide_finally',
] as const;
export type AgeAction = (typeof AGE_ACTIONS)[number];

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────────

const birthDate = isoDate.refine((d) => d >= '1900-01-01', { message: 'Födelsedatumet är orimligt' });
const expectedVersion = z.number().int().min(0).optional();

/**
 * The application of a child registered before cases were kept. It opens the case once (a second answers 409
 * `asylum_case_exists`); the version the user saw may come with it, as with every step, and asks nothing more.
 */
export const ApplyBody = z.strictObject({ appliedOn: isoDate, expectedVersion });
export const InterviewBody = z.strictObject({ interviewOn: isoDate, expectedVersion });
export const AsylumDecisionBody = z.strictObject({
  decision: z.enum(ASYLUM_DECISIONS, { error: 'Välj ett beslut' }),
  decidedOn: isoDate,
  permitEndsOn: isoDate.nullable().default(null),
  expectedVersion,
});
export const AsylumAppealBody = z.strictObject({ appealedOn: isoDate, expectedVersion });
export const AsylumFinalBody = z.strictObject({
  finalOn: isoDate,
  outcome: z.enum(COURT_OUTCOMES, { error: 'Välj domstolens utfall' }).nullable().default(null),
  permitEndsOn: isoDate.nullable().default(null),
  expectedVersion,
});
export const DoubtBody = z.strictObject({ doubtedOn: isoDate, expectedVersion });
export const MedicalAssessmentBody = z.strictObject({
  offeredOn: isoDate,
  consent: z.boolean({ error: 'Ange om barnet samtycker' }),
  expectedVersion,
});
export const AgeDecisionBody = z.strictObject({ decidedOn: isoDate, birthDate, expectedVersion });
export const AgeAppealBody = z.strictObject({ appealedOn: isoDate, expectedVersion });

// ── answers ───────────────────────────────────────────────────────────────────────────────────────────────────────

const date = z.string();
export const HistoryEntrySchema = z.object({
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  occurredOn: date,
  recordedAt: z.string(),
  actorRole: z.string().nullable(),
  decision: z.string().nullable(),
  permitEndsOn: date.nullable(),
  interviewOn: date.nullable(),
  birthDate: date.nullable(),
  previousBirthDate: date.nullable(),
  consent: z.boolean().nullable(),
  makesAdult: z.boolean().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const AsylumViewSchema = z.object({
  recorded: z.boolean(),
  state: z.string(),
  version: z.number().int(),
  appliedOn: date.nullable(),
  interviewDates: z.array(date),
  comingInterviews: z.array(date),
  decision: z.string().nullable(),
  decidedOn: date.nullable(),
  permitEndsOn: date.nullable(),
  appealedOn: date.nullable(),
  finalOn: date.nullable(),
  permitHolder: z.boolean(),
  history: z.array(HistoryEntrySchema),
  /** The steps the caller may take now, each with its route (src/case/steps.ts). */
  steps: z.array(StepSchema.extend({ action: z.enum(ASYLUM_ACTIONS) })),
});

export const AgeRecordSchema = z.object({
  kind: z.string(),
  birthDate: date,
  decidedOn: date,
  appealedOn: date.nullable(),
  adultOnDecision: z.boolean(),
});

export const AgeViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  statedBirthDate: date.nullable(),
  registeredBirthDate: date,
  ageToday: z.number().int(),
  ageBand: z.string(),
  adultToday: z.boolean(),
  adultFrom: date,
  records: z.array(AgeRecordSchema),
  /** The decision in force: the latest temporary or final age decision. */
  currentDecision: AgeRecordSchema.nullable(),
  doubtedOn: date.nullable(),
  medicalAssessment: z.object({ offeredOn: date, consent: z.boolean() }).nullable(),
  history: z.array(HistoryEntrySchema),
  /** The steps the caller may take now, each with its route (src/case/steps.ts). */
  steps: z.array(StepSchema.extend({ action: z.enum(AGE_ACTIONS) })),
});

export const MigrationViewSchema = z.object({
  childId: z.uuid(),
  /** For whoever is about to meet the child (an interview): languages and whether an interpreter is needed. */
  interpreter: z.object({ needed: z.boolean(), languages: z.array(z.string()) }).nullable(),
  asylum: AsylumViewSchema.nullable(),
  age: AgeViewSchema.nullable(),
});
export type MigrationView = z.infer<typeof MigrationViewSchema>;
