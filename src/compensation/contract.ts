/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032), shared with the web (ADR 0019): what Anvisa
 * computes the own municipality is owed per quarter — totals per code, lines per child, the warnings that block a
 * claim — a child's lines explained day by day, and the LVU daily cost of a placement. Children appear only as the
 * lines name them. Imports only zod, src/domain and other contracts.
 */
import { z } from 'zod';
import { CLAIM_ACTIONS, CLAIM_LINE_CODES, CLAIM_STATUSES } from '../domain/compensation/claim-rules.ts';
import { LINE_OUTCOMES, REVIEW_REASONS } from '../domain/compensation/claim-review.ts';
import { COMPENSATION_CODES_ORDER } from '../domain/compensation/view.ts';
import { isoDateSaying } from '../domain/fields.ts';
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
  name: z.string(),
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
      code: z.enum(['placement_without_responsibility', 'lvu_without_daily_cost']),
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
      source: z.string(),
      verified: z.boolean(),
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
      attachment: Attachment.nullable(),
      attachmentRequired: z.boolean(),
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
