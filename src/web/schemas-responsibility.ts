/**
 * Form schemas of the responsibility capability. Where a form sends a request body, it takes that body's fields from
 * the contract (src/responsibility/contract.ts, `.pick()`, so a renamed field breaks the build) and gives them the
 * web's checks: messages are error codes that form-errors.ts turns into text, dates are typed as text. The answer to a
 * transfer request keeps its own schema: one form chooses between two bodies (confirm, decline). The server validates
 * again and has the last word.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';
import { needsBestInterests } from '../domain/case/machines.ts';
import { DATE_ISSUE, dateMessage } from './date-input.ts';
import {
  BestInterestsFormSchema,
  checkCompleteBestInterests,
} from './components/form/BestInterestsFieldset.tsx';
import { todayInSweden } from './dates.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';
import { formDate as isoDate } from './form-date.ts';
import { HandOverBody, ReportedBody, TakeOverBody, Turning18Body } from '../responsibility/contract.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const optionalPastDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .refine((value) => value === '' || value <= todayInSweden(), 'future')
  .transform((value) => (value === '' ? null : value));
const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_big')
    .transform((value) => (value === '' ? null : value));

/** The day something was reported to the Migration Agency: not in the future. */
export const ReportedSchema = ReportedBody.extend({ reportedOn: pastDate });
export type ReportedInput = z.input<typeof ReportedSchema>;

export const HandOverSchema = HandOverBody.pick({
  municipalityCode: true,
  reason: true,
  proposedFrom: true,
}).extend({
  municipalityCode: z.string().regex(/^[0-9]{4}$/, 'choose'),
  reason: required(2000),
  proposedFrom: isoDate,
});
export type HandOverInput = z.input<typeof HandOverSchema>;
export type HandOverOutput = z.output<typeof HandOverSchema>;

export const TakeOverSchema = TakeOverBody.extend({
  dossierNumber: z
    .string()
    .trim()
    .min(1, 'required')
    .regex(/^[0-9]{4,12}$/, 'dossier_format'),
  /** With the dossier number, as on the child's LMA card (ADR 0016). */
  birthDate: pastDate,
  reason: required(2000),
  proposedFrom: isoDate,
});
export type TakeOverInput = z.input<typeof TakeOverSchema>;
export type TakeOverOutput = z.output<typeof TakeOverSchema>;

export const ANSWERS = ['confirm', 'decline'] as const;
export const AnswerSchema = z
  .object({
    answer: z.enum(ANSWERS, 'choose'),
    transferredOn: z.string().trim(),
    answerNote: optional(2000),
    bestInterests: BestInterestsFormSchema,
  })
  .superRefine((values, ctx) => {
    if (values.answer === 'decline' && values.answerNote === null)
      ctx.addIssue({ code: 'custom', path: ['answerNote'], message: 'required' });
    if (values.answer === 'confirm') {
      if (!isIsoDate(values.transferredOn))
        ctx.addIssue({
          code: 'custom',
          path: ['transferredOn'],
          message: dateMessage(values.transferredOn),
        });
      else if (values.transferredOn > todayInSweden())
        ctx.addIssue({ code: 'custom', path: ['transferredOn'], message: 'future' });
      if (needsBestInterests('transfer', 'confirm_transfer'))
        checkCompleteBestInterests(values.bestInterests, ctx);
    }
  });
export type AnswerInput = z.input<typeof AnswerSchema>;
export type AnswerOutput = z.output<typeof AnswerSchema>;

export const DECISIONS = ['continue', 'end'] as const;
export const Turning18Schema = Turning18Body.pick({
  decision: true,
  continuedUntil: true,
  reportedOn: true,
  bestInterests: true,
})
  .extend({
    decision: z.enum(DECISIONS, 'choose'),
    continuedUntil: z
      .string()
      .trim()
      .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
      .transform((value) => (value === '' ? null : value)),
    reportedOn: optionalPastDate,
    bestInterests: BestInterestsFormSchema,
  })
  .superRefine((v, ctx) => {
    if (
      needsBestInterests(
        'responsibility',
        v.decision === 'continue' ? 'decide_continued' : 'end_responsibility',
      )
    )
      checkCompleteBestInterests(v.bestInterests, ctx);
  });
export type Turning18Input = z.input<typeof Turning18Schema>;
export type Turning18Output = z.output<typeof Turning18Schema>;
