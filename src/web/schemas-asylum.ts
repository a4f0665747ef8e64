/**
 * Form schemas of the asylum and age case (mirrored from src/asylum/routes.ts and src/domain/asylum). Messages are
 * error codes that form-errors.ts turns into text; the server checks again and has the last word.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { ASYLUM_DECISIONS, COURT_OUTCOMES } from './api/asylum-types.ts';
import { todayInSweden } from './dates.ts';
import { formDate as isoDate } from './date-input.ts';

const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .transform((value) => (value === '' ? null : value));

export const ApplySchema = z.object({ appliedOn: pastDate });
export type ApplyInput = z.input<typeof ApplySchema>;

export const InterviewSchema = z.object({ interviewOn: isoDate });
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

export const DecisionSchema = z
  .object({
    decision: z.enum(ASYLUM_DECISIONS, 'choose'),
    decidedOn: pastDate,
    permitEndsOn: optionalDate,
  })
  .superRefine((v, ctx) => checkPermitEnd(v.decision, v.decidedOn, v.permitEndsOn, ctx))
  .transform((v) => ({ ...v, permitEndsOn: v.decision === 'temporary_permit' ? v.permitEndsOn : null }));
export type DecisionInput = z.input<typeof DecisionSchema>;
export type DecisionOutput = z.output<typeof DecisionSchema>;

export const AppealSchema = z.object({ appealedOn: pastDate });
export type AppealInput = z.input<typeof AppealSchema>;

/** After an appeal the court's outcome is required; without one the Agency's decision gains legal force as it was. */
export function finalSchema(appealed: boolean) {
  return z
    .object({
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

export const DoubtSchema = z.object({ doubtedOn: pastDate });
export type DoubtInput = z.input<typeof DoubtSchema>;

export const MedicalAssessmentSchema = z
  .object({ offeredOn: pastDate, consent: z.enum(['yes', 'no'], 'choose') })
  .transform((v) => ({ offeredOn: v.offeredOn, consent: v.consent === 'yes' }));
export type MedicalAssessmentInput = z.input<typeof MedicalAssessmentSchema>;
export type MedicalAssessmentOutput = z.output<typeof MedicalAssessmentSchema>;

export const AgeDecisionSchema = z
  .object({ decidedOn: pastDate, birthDate: isoDate })
  .refine((v) => v.birthDate < v.decidedOn, {
    path: ['birthDate'],
    message: 'age_birth_not_before_decision',
  });
export type AgeDecisionInput = z.input<typeof AgeDecisionSchema>;

export const AgeAppealSchema = z.object({ appealedOn: pastDate });
export type AgeAppealInput = z.input<typeof AgeAppealSchema>;
