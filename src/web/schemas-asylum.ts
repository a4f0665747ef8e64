/**
 * Form schemas of the asylum and age case: each is its request body from the contract (src/asylum/contract.ts) without
 * the version the step sends itself, its fields as the form types them (dates written by hand, not in the future).
 * Messages are error codes that form-errors.ts turns into text; the server checks again and has the last word.
 */
import { z } from 'zod';
import {
  AgeDecisionBody,
  AsylumDecisionBody,
  AsylumFinalBody,
  InterviewBody,
  MedicalAssessmentBody,
} from '../asylum/contract.ts';
import { ASYLUM_DECISIONS, COURT_OUTCOMES } from '../domain/asylum/asylum.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { todayInSweden } from './dates.ts';
import { formDate as isoDate } from './form-date.ts';

const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .transform((value) => (value === '' ? null : value));

export const InterviewSchema = InterviewBody.omit({ expectedVersion: true }).extend({ interviewOn: isoDate });
export type InterviewInput = z.input<typeof InterviewSchema>;

/** A temporary permit needs its end date, after the decision date; other decisions have none. */
function checkPermitEnd(
  decision: string,
  decidedOn: string,
  permitEndsOn: string | null,
  ctx: z.RefinementCtx,
) {
  if (decision !== 'temporary_permit') return;
  if (permitEndsOn === null)
    ctx.addIssue({ code: 'custom', path: ['permitEndsOn'], message: 'asylum_permit_end_required' });
  else if (permitEndsOn <= decidedOn)
    ctx.addIssue({ code: 'custom', path: ['permitEndsOn'], message: 'asylum_permit_end_not_after_decision' });
}

export const DecisionSchema = AsylumDecisionBody.omit({ expectedVersion: true })
  .extend({
    decision: z.enum(ASYLUM_DECISIONS, 'choose'),
    decidedOn: pastDate,
    permitEndsOn: optionalDate,
  })
  .superRefine((v, ctx) => checkPermitEnd(v.decision, v.decidedOn, v.permitEndsOn, ctx))
  .transform((v) => ({ ...v, permitEndsOn: v.decision === 'temporary_permit' ? v.permitEndsOn : null }));
export type DecisionInput = z.input<typeof DecisionSchema>;
export type DecisionOutput = z.output<typeof DecisionSchema>;

/** After an appeal the court's outcome is required; without one the Agency's decision gains legal force as it was. */
export function finalSchema(appealed: boolean) {
  return AsylumFinalBody.omit({ expectedVersion: true })
    .extend({
      finalOn: pastDate,
      outcome: z.union([z.literal(''), z.enum(COURT_OUTCOMES)], 'choose'),
      permitEndsOn: optionalDate,
    })
    .superRefine((v, ctx) => {
      if (!appealed) return;
      if (v.outcome === '')
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'asylum_outcome_required' });
      else checkPermitEnd(v.outcome, v.finalOn, v.permitEndsOn, ctx);
    })
    .transform((v) => ({
      finalOn: v.finalOn,
      outcome: appealed && v.outcome !== '' ? v.outcome : null,
      permitEndsOn: appealed && v.outcome === 'temporary_permit' ? v.permitEndsOn : null,
    }));
}
export type FinalInput = z.input<ReturnType<typeof finalSchema>>;
export type FinalOutput = z.output<ReturnType<typeof finalSchema>>;

export const MedicalAssessmentSchema = MedicalAssessmentBody.omit({ expectedVersion: true })
  .extend({ offeredOn: pastDate, consent: z.enum(['yes', 'no'], 'choose') })
  .transform((v) => ({ offeredOn: v.offeredOn, consent: v.consent === 'yes' }));
export type MedicalAssessmentInput = z.input<typeof MedicalAssessmentSchema>;
export type MedicalAssessmentOutput = z.output<typeof MedicalAssessmentSchema>;

export const AgeDecisionSchema = AgeDecisionBody.omit({ expectedVersion: true })
  .extend({ decidedOn: pastDate, birthDate: isoDate })
  .refine((v) => v.birthDate < v.decidedOn, {
    path: ['birthDate'],
    message: 'age_birth_not_before_decision',
  });
export type AgeDecisionInput = z.input<typeof AgeDecisionSchema>;
