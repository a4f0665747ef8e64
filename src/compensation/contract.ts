/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032), shared with the web (ADR 0019): what Anvisa
 * computes the own municipality is owed per quarter — totals per code, lines per child, the warnings that block a
 * claim — a child's lines explained day by day, and the LVU daily cost of a placement. Children appear only as the
 * lines name them. Imports only zod, src/domain and other contracts.
 */
import { z } from 'zod';
import {
  CLAIM_ACTIONS,
  CLAIM_LINE_CODES,
  CLAIM_STATUSES,
  STATED_AMOUNT_MAX,
} from '../domain/compensation/claim-rules.ts';
import { LINE_OUTCOMES, REVIEW_REASONS } from '../domain/compensation/claim-review.ts';
import {
  MISSING_SCHABLON_REJECTIONS,
  MISSING_SCHABLON_STATUSES,
  PAYOUT_KINDS,
} from '../domain/compensation/payouts.ts';
import { COMPENSATION_CODES_ORDER } from '../domain/compensation/view.ts';
import { SCHOOL_FORMS } from '../domain/compensation/schooling.ts';
import { isoDateSaying, municipalityCode } from '../domain/fields.ts';
import { DOCUMENT_MEDIA_TYPES, isBase64 } from '../domain/social-case/document-types.ts';
import { line, text } from '../domain/text.ts';

const id = z.uuid({ error: 'Ogiltigt id' });
const code = z.enum(COMPENSATION_CODES_ORDER);
const claimKind = z.enum(['automatic', 'applied_for']);

export const CompensationQuery = z.strictObject({
  /** YYYY-Qn; the previous quarter when left out. */
  quarter: z
    .string()
    .regex(/^(20[1-9][0-9])-Q[1-4]$/, 'Ange kvartalet som ÅÅÅÅ-Kn, till exempel 2026-Q3')
    .optional(),
});

export const ChildParams = z.strictObject({ childId: id });
export const PlacementParams = z.strictObject({ placementId: id });

export const DailyCostBody = z.strictObject({
  dailyCost: z
    .number({ error: 'not_a_number' })
    .int('not_whole')
    .min(1, 'daily_cost_range')
    .max(100_000, 'daily_cost_range'),
});

const ChildNamed = {
  childId: z.uuid(),
  /** Null behind a protected identity: the child is named by its dossier number only. */
  name: z.string().nullable(),
  dossierNumber: z.string(),
};

export const CompensationViewSchema = z.strictObject({
  municipalityCode: z.string(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  /** The last day a claim for the quarter may reach the Migration Agency. */
  claimDeadline: z.string(),
  totals: z.array(z.strictObject({ code, claimKind, count: z.number().int(), amount: z.number().int() })),
  total: z.number().int(),
  children: z.array(
    z.strictObject({
      ...ChildNamed,
      lines: z.array(z.strictObject({ code, claimKind, count: z.number().int(), amount: z.number().int() })),
      total: z.number().int(),
    }),
  ),
  warnings: z.array(
    z.strictObject({
      ...ChildNamed,
      code: z.enum([
        'placement_without_responsibility',
        'lvu_without_daily_cost',
        'sfv_without_family_home',
        'responsibility_after_sfv',
      ]),
      placementFrom: z.string(),
    }),
  ),
  /** The municipality's LVU placements in the quarter, with the daily cost recorded (null when none). */
  lvuPlacements: z.array(
    z.strictObject({
      ...ChildNamed,
      placementId: z.uuid(),
      from: z.string(),
      to: z.string().nullable(),
      dailyCost: z.number().int().nullable(),
    }),
  ),
});

export const ExplanationSchema = z.strictObject({
  ...ChildNamed,
  quarter: z.string(),
  birthday18: z.string(),
  runs: z.array(
    z.strictObject({
      code,
      claimKind,
      period: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      count: z.number().int(),
      rate: z.number().int(),
      amount: z.number().int(),
      /** The rate's legal source; null for an actual cost (SFV_KOSTNAD), which has no rate. */
      source: z.string().nullable(),
      verified: z.boolean(),
      /** UTBILDNING: the school form the four-week period began in. */
      schoolForm: z.enum(SCHOOL_FORMS).nullable(),
      /** SFV_KOSTNAD: the day the special custodian's appointment became final. */
      custodyFrom: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});

export const DailyCostSchema = z.strictObject({ placementId: z.uuid(), dailyCost: z.number().int() });

// ── Claims and the Agency's review (issue 14 points 4–5, ADR 0034) ───────────────────────────────────────────────

const quarterField = z.string().regex(/^(20[1-9][0-9])-Q[1-4]$/, 'quarter_format');
const expectedVersion = z.number().int().min(0);
const claimCode = z.enum(CLAIM_LINE_CODES, { error: 'invalid_code' });

export const ClaimParams = z.strictObject({ claimId: id });
export const ClaimLineParams = z.strictObject({ claimId: id, lineId: id });
export const AttachmentParams = z.strictObject({ attachmentId: id });

/** A new claim: one quarter, or two that follow each other. */
export const NewClaimBody = z.strictObject({
  quarters: z.array(quarterField).min(1, 'claim_quarters_count').max(2, 'claim_quarters_count'),
});

/** The lines a draft claims: the ones the officer picked among those Anvisa computes. */
export const ClaimLinesBody = z.strictObject({
  lines: z
    .array(z.strictObject({ childId: z.uuid(), code: claimCode, quarter: quarterField }))
    .max(1000, 'too_big'),
  expectedVersion,
});

export const ClaimVersionBody = z.strictObject({ expectedVersion });

/** A stated-amount line's cost (SFV): whole kronor above zero. */
export const StatedAmountBody = z.strictObject({
  statedAmount: z
    .number({ error: 'not_a_number' })
    .int('whole_kronor')
    .min(1, 'amount_positive')
    .max(STATED_AMOUNT_MAX, 'too_big'),
  expectedVersion,
});

/** An attachment to a line (PDF, PNG or JPEG, base64; the content decides the type). */
export const ClaimAttachmentBody = z.strictObject({
  fileName: line(255).refine((v) => v.trim() !== '', 'required'),
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES, { error: 'document_type' }),
  contentBase64: z.string().refine(isBase64, 'base64'),
  expectedVersion,
});

const kronorOrNone = z
  .number({ error: 'not_a_number' })
  .int('whole_kronor')
  .min(0, 'amount_positive')
  .max(100_000_000, 'too_big')
  .nullable();

export const LineDecisionBody = z.strictObject({
  outcome: z.enum(LINE_OUTCOMES, { error: 'invalid_outcome' }),
  grantedAmount: kronorOrNone,
  reason: z.enum(REVIEW_REASONS, { error: 'invalid_reason' }).nullable(),
  reasonText: text(1000),
  expectedVersion,
});

export const PaymentBody = z.strictObject({
  paidOn: isoDateSaying('invalid_date'),
  reference: line(50).refine((v) => v.trim() !== '', 'required'),
  expectedVersion,
});

const status = z.enum(CLAIM_STATUSES);

export const ClaimSummarySchema = z.strictObject({
  id: z.uuid(),
  chainId: z.uuid(),
  versionNo: z.number().int(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  quarters: z.array(z.string()),
  /** The last day the claim may reach the Agency. */
  lastDay: z.string(),
  status,
  createdOn: z.string(),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  /** Claimed: frozen once submitted; a draft's as Anvisa computes it now. */
  claimed: z.number().int(),
  /** Granted once decided. */
  granted: z.number().int().nullable(),
  lineCount: z.number().int(),
  /** Whether this is the latest version of the claim. */
  latest: z.boolean(),
});

const Attachment = z.strictObject({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

const ComputedLine = {
  ...ChildNamed,
  code: claimCode,
  quarter: z.string(),
  count: z.number().int(),
  amount: z.number().int(),
};

export const ClaimSchema = z.strictObject({
  ...ClaimSummarySchema.shape,
  lines: z.array(
    z.strictObject({
      id: z.uuid(),
      ...ComputedLine,
      /** Whether the amount is the municipality's actual cost, stated in the claim (SFV), rather than computed. */
      amountStated: z.boolean(),
      /** A draft's stated cost as entered (null until stated); the submitted amount is `amount`. */
      statedAmount: z.number().int().nullable(),
      attachment: Attachment.nullable(),
      attachmentRequired: z.boolean(),
      /** The document the line needs before submission; null when it needs none (an attachment is still allowed). */
      attachmentKind: z.enum(['lvu_decision', 'court_judgment']).nullable(),
      /** When the line was first submitted in this claim's chain (a correction's new lines are later). */
      firstClaimedOn: z.string().nullable(),
      outcome: z.enum(LINE_OUTCOMES).nullable(),
      grantedAmount: z.number().int().nullable(),
      reason: z.enum(REVIEW_REASONS).nullable(),
      reasonText: z.string().nullable(),
      decidedOn: z.string().nullable(),
    }),
  ),
  /** A draft's: the lines Anvisa computes for the quarters that no claim holds yet. */
  candidates: z.array(z.strictObject(ComputedLine)),
  versions: z.array(
    z.strictObject({
      id: z.uuid(),
      versionNo: z.number().int(),
      status,
      submittedOn: z.string().nullable(),
    }),
  ),
  decidedBy: z.string().nullable(),
  /** The decision's paragraphs in Swedish, once decided. */
  decision: z.array(z.string()).nullable(),
  payment: z.strictObject({ paidOn: z.string(), amount: z.number().int(), reference: z.string() }).nullable(),
  /** The steps the caller may take now (the server decides). */
  steps: z.array(z.enum(CLAIM_ACTIONS)),
  attachmentMaxBytes: z.number().int(),
  /** Optimistic concurrency: send it back with a change. */
  version: z.number().int(),
});

export const ClaimListSchema = z.strictObject({ claims: z.array(ClaimSummarySchema) });

/** The municipality's list: its claims, and the quarters a new claim may be drafted for (the server decides). */
export const OwnClaimListSchema = z.strictObject({
  claims: z.array(ClaimSummarySchema),
  /** Newest first, each with its last day (moved past a holiday) and whether it has passed today. */
  quarters: z.array(z.strictObject({ quarter: z.string(), lastDay: z.string(), passed: z.boolean() })),
});

// ── The Agency's automatic payments, the annual compensation and the missing-schablon reports (ADR 0035) ──

const amounts = z.strictObject({ count: z.number().int(), amount: z.number().int() });
const kronor = z.number().int();
const quarterText = z
  .string()
  .regex(/^(20[1-9][0-9])-Q[1-4]$/, 'Ange kvartalet som ÅÅÅÅ-Kn, till exempel 2026-Q3');
const rejection = z.enum(MISSING_SCHABLON_REJECTIONS);

/** A child as a payout line names it: the name is left out (null) behind a protected identity. */
const ChildOnLine = {
  childId: z.uuid().nullable(),
  name: z.string().nullable(),
  dossierNumber: z.string().nullable(),
};

export const AnnualQuery = z.strictObject({
  /** YYYY; the year of the previous quarter when left out. */
  year: z
    .string()
    .regex(/^20[1-9][0-9]$/, 'Ange året med fyra siffror')
    .optional(),
});

export const PayoutQuery = z.strictObject({
  municipalityCode,
  /** YYYY-Qn for a quarter's schablons, YYYY for the annual compensation. */
  period: z.string().regex(/^(20[1-9][0-9])(-Q[1-4])?$/, 'invalid_period'),
});

export const PayoutBody = PayoutQuery.extend({
  paidOn: isoDateSaying('invalid_date'),
  /** The proposal's fingerprint as it was shown: a payout is recorded only for the lines the officer saw. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_fingerprint'),
});

export const ForecastBody = z.strictObject({
  year: z.number({ error: 'not_a_number' }).int('not_whole').min(2017, 'year_range').max(2100, 'year_range'),
  forecast: z
    .number({ error: 'not_a_number' })
    .int('not_whole')
    .min(0, 'forecast_range')
    .max(1_000_000, 'forecast_range'),
  source: line(300),
  /** The day the Agency published it; today when not given. Never a day to come. */
  publishedOn: isoDateSaying('invalid_date').optional(),
});

export const MissingSchablonBody = z.strictObject({
  quarter: quarterText,
  childId: id,
  explanation: text(2000),
});

export const ReportParams = z.strictObject({ reportId: id });

export const AnswerBody = z.strictObject({
  outcome: z.enum(['accepted', 'rejected'], { error: 'invalid_outcome' }),
  paidOn: isoDateSaying('invalid_date').nullable(),
  reason: rejection.nullable(),
  text: text(2000),
});

const RateSchema = z.strictObject({ amount: kronor, source: z.string(), verified: z.boolean() });

export const PayoutSummarySchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(PAYOUT_KINDS),
  paidOn: z.string(),
  total: kronor,
});

export const ComparisonRowSchema = z.strictObject({
  ...ChildOnLine,
  code,
  computed: amounts,
  paid: amounts,
  /** Computed minus paid. */
  difference: kronor,
});

const ComparisonTotals = z.strictObject({ computed: kronor, paid: kronor, difference: kronor });

/** The annual compensation's basis and its computation (null parts where the basis is missing). */
export const AnnualSchema = z.strictObject({
  municipalityCode: z.string(),
  year: z.number().int(),
  /** The share version in force on the year's last day: after every redistribution of the year. */
  shareVersion: z
    .strictObject({ id: z.uuid(), validFrom: z.string(), source: z.string(), decidedOn: z.string() })
    .nullable(),
  /** The municipality's share in that version (0 when the version leaves it out). */
  promille: z.number().nullable(),
  forecast: z
    .strictObject({ forecast: z.number().int(), source: z.string(), recordedOn: z.string() })
    .nullable(),
  /** The computation spelled out, when both the share and the forecast are there. */
  computation: z
    .strictObject({
      promille: z.number(),
      forecast: z.number().int(),
      exactChildren: z.string(),
      children: z.number().int(),
      fixedRate: RateSchema.nullable(),
      variableRate: RateSchema.nullable(),
    })
    .nullable(),
  comparison: z.array(ComparisonRowSchema),
  totals: ComparisonTotals,
  payouts: z.array(PayoutSummarySchema),
});

/** The municipality's quarter: what was paid per child and code next to what Anvisa computes now. */
export const PaidSchema = z.strictObject({
  municipalityCode: z.string(),
  quarter: z.string(),
  payouts: z.array(PayoutSummarySchema),
  comparison: z.array(ComparisonRowSchema),
  totals: ComparisonTotals,
});

const PayoutLineSchema = z.strictObject({ ...ChildOnLine, code, count: z.number().int(), amount: kronor });

export const PayoutSchema = PayoutSummarySchema.extend({
  municipalityCode: z.string(),
  period: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  lines: z.array(PayoutLineSchema),
});

/** The Agency's view of a municipality's period: the payouts made, the comparison, and what a payout would hold. */
export const PayoutViewSchema = z.strictObject({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  period: z.string(),
  periodKind: z.enum(['quarter', 'year']),
  payouts: z.array(PayoutSchema),
  comparison: z.array(ComparisonRowSchema),
  totals: ComparisonTotals,
  /** The regular payout's proposal; null once it is made (what is missing then goes by a report). */
  proposal: z
    .strictObject({ lines: z.array(PayoutLineSchema), total: kronor, fingerprint: z.string() })
    .nullable(),
  /** What stands in the way of a payout now (the period, the annual basis); empty when it can be made. */
  blockers: z.array(z.enum(['quarter_not_ended', 'year_not_begun', 'no_forecast', 'no_share_version'])),
  annual: AnnualSchema.nullable(),
});

export const ForecastsSchema = z.strictObject({
  forecasts: z.array(
    z.strictObject({
      id: z.uuid(),
      year: z.number().int(),
      forecast: z.number().int(),
      source: z.string(),
      publishedOn: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
      /** The latest recorded for its year: the one the annual compensation uses. */
      current: z.boolean(),
    }),
  ),
});

export const MissingSchablonSchema = z.strictObject({
  id: z.uuid(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  quarter: z.string(),
  childId: z.uuid(),
  name: z.string().nullable(),
  dossierNumber: z.string(),
  explanation: z.string(),
  reportedOn: z.string(),
  reportedBy: z.string(),
  status: z.enum(MISSING_SCHABLON_STATUSES),
  rejectionReason: rejection.nullable(),
  answerText: z.string().nullable(),
  answeredOn: z.string().nullable(),
  payout: PayoutSummarySchema.nullable(),
  /** The child's automatic schablons for the quarter as Anvisa computes them now, what was paid, the difference. */
  computed: kronor,
  paid: kronor,
  difference: kronor,
});

/** A child and quarter the municipality may report: Anvisa computes more than the Agency has paid. */
export const MissingCandidateSchema = z.strictObject({
  quarter: z.string(),
  childId: z.uuid(),
  name: z.string().nullable(),
  dossierNumber: z.string(),
  computed: kronor,
  paid: kronor,
  difference: kronor,
});

export const MunicipalityReportsSchema = z.strictObject({
  reports: z.array(MissingSchablonSchema),
  candidates: z.array(MissingCandidateSchema),
});

export const AgencyReportsSchema = z.strictObject({
  open: z.array(MissingSchablonSchema),
  answered: z.array(MissingSchablonSchema),
});

// ── The reconciliation of a year (issue 14 point 8) ──

/** The reconciliation report's year (issue 14 point 8); the year of the last ended quarter when left out. */
export const ReconciliationQuery = z.strictObject({
  year: z
    .string()
    .regex(/^20[1-9][0-9]$/, 'Ange året med fyra siffror, till exempel 2026')
    .optional(),
});

export const ReconciliationParams = z.strictObject({ municipalityCode });

const reconciled = {
  computed: z.number().int(),
  paid: z.number().int(),
  expected: z.number().int(),
};

export const ReconciliationSchema = z.strictObject({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  year: z.number().int(),
  /** The days counted for the daily codes: the year up to the last day of the last ended quarter. */
  from: z.string(),
  to: z.string(),
  totals: z.strictObject({
    ...reconciled,
    claimed: z.number().int(),
    pending: z.number().int(),
    granted: z.number().int(),
  }),
  /** Rows with a difference. */
  differing: z.number().int(),
  rows: z.array(
    z.strictObject({
      /** Null for the municipality's annual compensation. */
      childId: z.uuid().nullable(),
      name: z.string().nullable(),
      dossierNumber: z.string().nullable(),
      code,
      claimKind,
      ...reconciled,
      claimed: z.number().int().nullable(),
      granted: z.number().int().nullable(),
      /** Claimed and awaiting the Agency's decision. */
      pending: z.number().int().nullable(),
      unpaid: z.number().int(),
      unclaimed: z.number().int(),
      notGranted: z.number().int(),
      differs: z.boolean(),
    }),
  ),
});
