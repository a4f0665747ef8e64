/**
 * The API's contract for the child's special grant (särskilt bidrag; issue 14 point 7, ADR 0033), shared with the web
 * (ADR 0019): the god man's application on the child's behalf, the Agency's decision and payment, and the two views.
 * Money is whole kronor.
 */
import { z } from 'zod';
import { isoDateSaying } from '../domain/fields.ts';
import { line, text } from '../domain/text.ts';
import { SPECIAL_GRANT_ACTIONS, SPECIAL_GRANT_STATUSES } from '../domain/allowance/machine.ts';
import { SPECIAL_GRANT_NEEDS, SPECIAL_GRANT_OUTCOMES } from '../domain/allowance/rules.ts';

const kronor = z
  .number({ error: 'not_a_number' })
  .int('whole_kronor')
  .min(1, 'amount_positive')
  .max(10_000_000, 'too_big');
const expectedVersion = z.number().int().min(0);

export const SpecialGrantParams = z.strictObject({ applicationId: z.uuid({ error: 'Ogiltigt id' }) });

/** Where each step lives, under `/api/special-grants/:applicationId/`: routes and web alike. */
export const SPECIAL_GRANT_STEP_PATHS = {
  submit: 'submit',
  decide: 'decide',
  pay: 'pay',
} as const satisfies Record<(typeof SPECIAL_GRANT_ACTIONS)[number], string>;

export const SpecialGrantBody = z.strictObject({
  need: z.enum(SPECIAL_GRANT_NEEDS, { error: 'invalid_need' }),
  description: line(300),
  amount: kronor,
});

export const SpecialGrantVersionBody = z.strictObject({ expectedVersion });

export const SpecialGrantDecideBody = z.strictObject({
  outcome: z.enum(SPECIAL_GRANT_OUTCOMES, { error: 'invalid_outcome' }),
  grantedAmount: kronor.nullable(),
  reason: text(2000),
  expectedVersion,
});

export const SpecialGrantPayBody = z.strictObject({ paidOn: isoDateSaying('invalid_date'), expectedVersion });

export const SpecialGrantSchema = z.object({
  id: z.string(),
  childId: z.string(),
  /**
   * The child as the caller may see it: the god man sees the ward's name; the dossier number behind a masked identity
   * and for the Agency's officer, who decides on the dossier number alone.
   */
  child: z.string(),
  dossierNumber: z.string(),
  status: z.enum(SPECIAL_GRANT_STATUSES),
  need: z.enum(SPECIAL_GRANT_NEEDS),
  description: z.string(),
  appliedAmount: z.number(),
  appliedOn: z.string(),
  submittedOn: z.string().nullable(),
  outcome: z.enum(SPECIAL_GRANT_OUTCOMES).nullable(),
  grantedAmount: z.number().nullable(),
  reason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  /** The decision's paragraphs in Swedish, once decided. */
  decision: z.array(z.string()).nullable(),
  /** The steps the caller may take now (the server decides). */
  steps: z.array(z.enum(SPECIAL_GRANT_ACTIONS)),
  version: z.number(),
});

/** A need the application may name, with its ceiling as the data states it (never its research notes). */
export const SpecialGrantNeedSchema = z.object({
  need: z.enum(SPECIAL_GRANT_NEEDS),
  /** The highest amount a source states, whole kronor; null when none does. */
  ceiling: z.number().nullable(),
  /** Whether a stored source verifies the ceiling; an unverified one is shown as such and refuses nothing. */
  verified: z.boolean(),
});

export const ChildSpecialGrantsSchema = z.object({
  childId: z.string(),
  /** The ward as the god man may see it (the name, or the dossier number behind a masked identity). */
  child: z.string(),
  dossierNumber: z.string(),
  needs: z.array(SpecialGrantNeedSchema),
  /** Whether the caller is the child's appointed god man today, and so may apply. */
  mayApply: z.boolean(),
  applications: z.array(SpecialGrantSchema),
});

export const SpecialGrantQueueSchema = z.object({
  applications: z.array(SpecialGrantSchema),
  needs: z.array(SpecialGrantNeedSchema),
});
