/**
 * The allocation capability's contract (anvisning, relatives' assessments, shares and figures): what its routes accept
 * and answer. Imports only zod and src/domain, so that the web takes its types and form schemas from here (ADR 0019).
 */
import { z } from 'zod';
import { DEFAULT_RULE, RULES } from '../domain/allocation/allocator.ts';
import { DEFAULT_WEIGHTS } from '../domain/allocation/shares.ts';
import { hasControlCharacters, isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { dossierNumber, isoDate, municipalityCode } from '../domain/fields.ts';
import { text as multiLine } from '../domain/text.ts';
import { ChildSummarySchema, GENDERS } from '../children/contract.ts';
import {
  ASSESSMENT_OUTCOMES,
  DECISION_KINDS,
  PROPOSAL_BASES,
  PROPOSAL_KINDS,
} from '../domain/allocation/vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const rule = z.enum(RULES).default(DEFAULT_RULE);

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const DecisionIdParams = z.strictObject({ decisionId: z.uuid() });
export const VersionIdParams = z.strictObject({ versionId: z.uuid() });
export const AssessmentIdParams = z.strictObject({ assessmentId: z.uuid() });

export const ConsiderationsSchema = z.strictObject({
  relatives: optionalText(1000),
  siblings: optionalText(1000),
  specialNeeds: optionalText(1000),
  childsWishes: optionalText(2000),
});

/** Text a person wrote about someone: trimmed, without control characters. */
const contactText = (max: number) =>
  text(max).refine((v) => !hasControlCharacters(v), 'no control characters');

/** The stated relative: the municipality asked to assess them, and how the assessing social services reach them. */
export const RelativeBody = z
  .strictObject({
    municipalityCode,
    relation: contactText(100),
    name: contactText(200),
    address: contactText(300).nullable().default(null),
    phone: z
      .string()
      .trim()
      .refine(isPhoneNumber, 'a phone number with 6–15 digits')
      .nullable()
      .default(null),
  })
  .refine((r) => r.address !== null || r.phone !== null, {
    path: ['address'],
    message: 'an address or a phone number is needed',
  });

export const ArrivalBody = z.strictObject({
  dossierNumber,
  firstName: text(100),
  lastName: text(100),
  nameVariants: z.array(text(100)).max(10).default([]),
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  citizenship: optionalText(100),
  languages: z.array(text(60)).max(10).default([]),
  interpreterNeeded: z.boolean().default(false),
  protectedIdentity: z.boolean().default(false),
  whereabouts: optionalText(200),
  arrivalMunicipalityCode: municipalityCode,
  arrivalDate: isoDate,
  siblingOfChildId: z.uuid().nullable().default(null),
  relative: RelativeBody.nullable().default(null),
  specialNeeds: optionalText(2000),
  wishes: optionalText(2000),
  ageInDoubt: z.boolean().default(false),
});

export const ProposalQuery = z.strictObject({ rule });

export const DecisionBody = z.strictObject({
  municipalityCode,
  proposedCode: municipalityCode,
  reason: optionalText(2000),
  considerations: ConsiderationsSchema,
  rule,
});

export const DecisionByRuleBody = z.strictObject({ considerations: ConsiderationsSchema, rule });

export const CorrectionBody = z.strictObject({ municipalityCode, reason: text(2000) });

export const DecisionsQuery = z.strictObject({
  municipalityCode: municipalityCode.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const QueueQuery = z.strictObject({
  rule,
  length: z.coerce.number().int().min(1).max(290).default(20),
});

export const TimelineQuery = z.strictObject({ municipalityCode: municipalityCode.optional() });

export const ImportSharesBody = z.strictObject({
  validFrom: isoDate,
  csv: z.string().min(1).max(100_000),
  note: text(500),
});

export const SharesProposalBody = z.strictObject({
  csv: z.string().min(1).max(200_000),
  forecast: z.number().int().min(0).max(1_000_000),
  weights: z
    .strictObject({
      newlyArrived: z.number().int().min(0).max(10_000),
      unaccompanied: z.number().int().min(0).max(10_000),
      asylumDays: z.number().int().min(0).max(10_000),
      arrivalDays: z.number().int().min(0).max(10_000),
    })
    .default(DEFAULT_WEIGHTS),
  save: z
    .strictObject({ validFrom: isoDate, note: text(500) })
    .nullable()
    .default(null),
});

export const TransferSharesBody = z.strictObject({
  transfers: z
    .array(
      z.strictObject({
        fromCode: municipalityCode,
        toCode: municipalityCode,
        promille: z.number().int().min(1).max(1000),
      }),
    )
    .min(1)
    .max(50),
  decidedBy: text(200),
  note: text(500),
});

export const AssessmentOutcomeBody = z.strictObject({
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  note: text(2000),
});

// ── answers ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A municipality's standing: share (‰), children received, exact quota E/1000 and deficit (quota − received). */
export const FiguresSchema = z.object({
  code: z.string(),
  share: z.number().int(),
  received: z.number().int(),
  /** Three decimals, e.g. "1.080". */
  quota: z.string(),
  /** quota − received, three decimals, e.g. "-0.460". */
  deficit: z.string(),
});
export const NamedFiguresSchema = FiguresSchema.extend({ name: z.string() });

/** A stated relative's contact details; sent only to those who may see them (the assessing municipality, the Agency). */
export const RelativeContactSchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

const MunicipalityRef = z.object({ code: z.string(), name: z.string() });

export const DecisionSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  childIds: z.array(z.uuid()),
  municipality: MunicipalityRef,
  kind: z.string(),
  proposedCode: z.string().nullable(),
  rule: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  supersedesId: z.uuid().nullable(),
  reason: z.string().nullable(),
});

export const ArrivalResponse = z.object({ id: z.uuid(), relativeAssessmentId: z.uuid().nullable() });

/** A child waiting for an allocation decision, with its arrival date (the list's order). */
export const WaitingChildSchema = ChildSummarySchema.extend({ arrivalDate: z.string().nullable() });
export const WaitingResponse = z.array(WaitingChildSchema);

export const RelativeAssessmentStatusSchema = z.object({
  municipalityCode: z.string(),
  relation: z.string(),
  relative: RelativeContactSchema.nullable(),
  dueOn: z.string(),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
});

/** What was registered at arrival and bears on the child's best interests. */
export const IntakeFactsSchema = z.object({
  childId: z.uuid(),
  specialNeeds: z.string().nullable(),
  wishes: z.string().nullable(),
});

export const ProposalResponse = z.object({
  kind: z.enum(PROPOSAL_KINDS),
  basis: z.enum(PROPOSAL_BASES),
  rule: z.enum(RULES),
  ruleVersion: z.string(),
  municipality: NamedFiguresSchema,
  nextInTurn: z.array(NamedFiguresSchema),
  group: z.array(ChildSummarySchema),
  intake: z.array(IntakeFactsSchema),
  relativeAssessments: z.array(RelativeAssessmentStatusSchema),
});

export const DecisionResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  municipalityCode: z.string(),
  childIds: z.array(z.uuid()),
});

export const DecisionByRuleResponse = DecisionResponse.extend({ municipalityName: z.string() });

export const CorrectionResponse = z.object({
  id: z.uuid(),
  supersedesId: z.uuid().nullable(),
  municipalityCode: z.string(),
});

/** A decision in the history: the children by name as the officer may see them. */
export const DecisionHistoryRowSchema = DecisionSchema.extend({ children: z.array(ChildSummarySchema) });
export const DecisionsResponse = z.array(DecisionHistoryRowSchema);

/**
 * The reasons' facts of a decision, recomputed by the server from the recorded history: the proposal (its municipality
 * and why) and the decided municipality, each with its figures just before the decision.
 */
export const DecisionBasisSchema = z.object({
  kind: z.enum(PROPOSAL_KINDS),
  basis: z.enum(PROPOSAL_BASES),
  /** The proposed municipality's figures. */
  municipality: NamedFiguresSchema,
  /** The decided municipality's figures (the same as `municipality` unless the officer deviated). */
  decided: NamedFiguresSchema,
  relatives: z.array(
    z.object({
      municipalityCode: z.string(),
      relation: z.string(),
      outcome: z.string().nullable(),
    }),
  ),
  groupSize: z.number().int(),
  /** The quota rule's bound 1 − 1/c, three decimals ("0.998"); null under another rule. */
  quotaTolerance: z.string().nullable(),
  /** The recomputed state matches the state hash stored with the decision: these are the figures it was taken from. */
  verified: z.boolean(),
});

export const DecisionDetailResponse = DecisionSchema.extend({
  ruleVersion: z.string(),
  considerations: ConsiderationsSchema.partial(),
  stateHash: z.string(),
  recordHash: z.string(),
  children: z.array(ChildSummarySchema),
  /** Null for corrections. */
  proposal: DecisionBasisSchema.nullable(),
  /** For a correction: the decision it supersedes. */
  superseded: z
    .object({ seq: z.number().int(), municipalityCode: z.string(), decidedOn: z.string() })
    .nullable(),
});

export const QueueResponse = z.object({
  shareVersionId: z.uuid().nullable(),
  rule: z.enum(RULES),
  next: z.array(NamedFiguresSchema),
});

export const MunicipalityFiguresSchema = NamedFiguresSchema.extend({
  countyCode: z.string(),
  /** received − quota, in children. */
  deviation: z.number(),
  byGender: z.object({ female: z.number().int(), male: z.number().int(), other: z.number().int() }),
  byAgeBand: z.object({ '0-12': z.number().int(), '13-15': z.number().int(), '16-17': z.number().int() }),
});
export const FiguresResponse = z.array(MunicipalityFiguresSchema);

export const TimelinePointSchema = z.object({ month: z.string(), received: z.number(), quota: z.number() });
export const TimelineResponse = z.array(TimelinePointSchema);

export const ShareVersionSchema = z.object({
  id: z.uuid(),
  validFrom: z.string(),
  source: z.string(),
  note: z.string(),
  basedOnId: z.uuid().nullable(),
  decidedAt: z.string(),
});
export const ShareVersionsResponse = z.array(ShareVersionSchema);

export const ShareVersionDetailResponse = z.object({
  version: z.object({
    id: z.uuid(),
    validFrom: z.string(),
    source: z.string(),
    note: z.string(),
    contentHash: z.string(),
  }),
  values: z.array(
    z.object({ code: z.string(), name: z.string(), countyCode: z.string(), promille: z.number().int() }),
  ),
  transfers: z.array(
    z.object({
      fromCode: z.string(),
      toCode: z.string(),
      promille: z.number().int(),
      decidedBy: z.string(),
    }),
  ),
});

export const CreatedResponse = z.object({ id: z.uuid() });

export const SharesProposalResponse = z.object({
  savedVersionId: z.uuid().nullable(),
  total: z.string(),
  shares: z.array(
    z.object({
      code: z.string(),
      share: z.number().int(),
      explanation: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const IncomingChildSchema = ChildSummarySchema.extend({ assignedOn: z.string() });
export const IncomingResponse = z.array(IncomingChildSchema);

export const RelativeAssessmentSchema = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  /** The child as the municipality may see it (identity masked where protected). */
  child: ChildSummarySchema,
  relation: z.string(),
  /** Only for those who may see it (src/domain/allocation/relative-contact.ts); null otherwise. */
  relative: RelativeContactSchema.nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
});
export const RelativeAssessmentsResponse = z.array(RelativeAssessmentSchema);

export const OkResponse = z.object({ ok: z.literal(true) });

// ── Redistribution of shares within the county ────────────────────────────────

export const TransferSchema = z.strictObject({
  fromCode: municipalityCode,
  toCode: municipalityCode,
  promille: z
    .number({ error: 'not_a_number' })
    .int('not_whole_promille')
    .min(1, 'not_whole_promille')
    .max(1000),
});

export const ProposeRedistributionBody = z.strictObject({
  year: z.number().int().min(2016).max(2100),
  transfers: z.array(TransferSchema).min(1, 'no_transfers').max(100),
  dialogue: multiLine(4000).refine((v) => v.trim().length >= 10, 'reason_short'),
});

export const RedistributionParams = z.strictObject({ proposalId: z.uuid({ error: 'Ogiltigt id' }) });

export const DecideRedistributionBody = z.strictObject({
  decision: z.enum(['fix', 'return']),
  note: multiLine(2000).refine((v) => v.trim().length >= 10, 'reason_short'),
});

export const RedistributionSchema = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  countyName: z.string(),
  year: z.number().int(),
  transfers: z.array(
    z.object({
      fromCode: z.string(),
      fromName: z.string(),
      toCode: z.string(),
      toName: z.string(),
      promille: z.number().int(),
    }),
  ),
  dialogue: z.string(),
  status: z.enum(['proposed', 'fixed', 'returned']),
  proposedAt: z.string(),
  proposedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  resultVersionId: z.uuid().nullable(),
  mayDecide: z.boolean(),
});

/** The county's share view for a year: its municipalities' promille in the latest version and its proposals. */
export const CountySharesSchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  years: z.array(z.number().int()),
  version: z.object({ id: z.uuid(), validFrom: z.string(), source: z.string() }).nullable(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), promille: z.number().int() })),
  total: z.number().int(),
  proposals: z.array(RedistributionSchema),
  /** Whether the county may propose for the year now (shares exist and no proposal of the year awaits the Agency). */
  mayPropose: z.boolean(),
});

export const CountySharesQuery = z.strictObject({
  year: z.coerce.number().int().min(2016).max(2100).optional(),
});

export const RedistributionListSchema = z.array(RedistributionSchema);
