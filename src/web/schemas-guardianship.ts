/**
 * Form schemas of the guardianship capability. Where a form sends a request body, it takes that body's fields from the
 * contract (src/guardianship/contract.ts, `.pick()`, so a renamed field breaks the build) and gives them the web's
 * checks: messages are error codes that form-errors.ts turns into text, dates are typed as text. The end and the
 * court's decision keep their own schemas: their bodies are unions the form chooses between with one field. The
 * server validates again — the best-interests record in particular — and has the last word.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';
import { needsBestInterests } from '../domain/case/machines.ts';
import { DATE_ISSUE } from './date-input.ts';
import {
  BestInterestsFormSchema,
  checkCompleteBestInterests,
} from './components/form/BestInterestsFieldset.tsx';
import {
  END_BY_DECISION_REASONS,
  RECORDED_BY_LAW_REASONS,
  SFV_NOT_APPLYING_REASONS,
} from './api/guardianship-types.ts';
import { todayInSweden } from './dates.ts';
import { AppointBody, SfvApplyBody, SfvNotApplyingBody } from '../guardianship/contract.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_big')
    .transform((value) => (value === '' ? null : value));
const pastDate = z
  .string()
  .trim()
  .min(1, 'required')
  .refine(isIsoDate, DATE_ISSUE)
  .refine((value) => value <= todayInSweden(), 'future');

/** Whether the child was heard is the best-interests record's "not heard" tick, so the two always agree. */
export const AppointSchema = AppointBody.pick({ guardianUserId: true, fromDate: true, bestInterests: true })
  .extend({
    guardianUserId: z.string().min(1, 'choose'),
    fromDate: pastDate,
    bestInterests: BestInterestsFormSchema,
  })
  .superRefine((v, ctx) => {
    if (needsBestInterests('guardianship', 'appoint_god_man'))
      checkCompleteBestInterests(v.bestInterests, ctx);
  });
export type AppointInput = z.input<typeof AppointSchema>;

export const END_CHOICES = [...END_BY_DECISION_REASONS, ...RECORDED_BY_LAW_REASONS] as const;
export const EndSchema = z
  .object({
    reason: z.enum(END_CHOICES, 'choose'),
    endedOn: pastDate,
    bestInterests: BestInterestsFormSchema,
  })
  .superRefine((v, ctx) => {
    const event = (END_BY_DECISION_REASONS as readonly string[]).includes(v.reason)
      ? 'end_by_decision'
      : 'end_by_law';
    if (needsBestInterests('guardianship', event)) checkCompleteBestInterests(v.bestInterests, ctx);
  });
export type EndInput = z.input<typeof EndSchema>;

export const SfvApplySchema = SfvApplyBody.pick({ court: true, appliedOn: true }).extend({
  court: required(200),
  appliedOn: pastDate,
});
export type SfvApplyInput = z.input<typeof SfvApplySchema>;

export const SfvDecisionSchema = z
  .object({
    outcome: z.enum(['appointed', 'refused'], 'choose'),
    custodianName: z.string().trim().max(200, 'too_big'),
    decidedOn: pastDate,
    finalOn: z
      .string()
      .trim()
      .refine((v) => v === '' || isIsoDate(v), DATE_ISSUE),
  })
  .superRefine((values, ctx) => {
    if (values.outcome !== 'appointed') return;
    if (values.custodianName === '')
      ctx.addIssue({ code: 'custom', path: ['custodianName'], message: 'required' });
    if (values.finalOn === '') ctx.addIssue({ code: 'custom', path: ['finalOn'], message: 'required' });
  });
export type SfvDecisionInput = z.input<typeof SfvDecisionSchema>;

export const SfvNotApplyingSchema = SfvNotApplyingBody.pick({ reason: true, note: true, decidedOn: true })
  .extend({ reason: z.enum(SFV_NOT_APPLYING_REASONS, 'choose'), note: optional(2000), decidedOn: pastDate })
  .superRefine((values, ctx) => {
    if (values.reason === 'other' && values.note === null)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type SfvNotApplyingInput = z.input<typeof SfvNotApplyingSchema>;
export type SfvNotApplyingOutput = z.output<typeof SfvNotApplyingSchema>;

/** "dari, pashto" → ["dari", "pashto"]. */
const languages = z
  .string()
  .transform((value) =>
    value
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .refine((items) => items.length <= 10, 'too_many')
  .refine((items) => items.every((item) => item.length <= 60), 'too_big');

const profileFields = {
  email: z
    .string()
    .trim()
    .max(200, 'too_big')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'invalid_email')
    .transform((value) => (value === '' ? null : value)),
  phone: optional(40),
  languages,
  municipalityCodes: z.array(z.string()),
  available: z.boolean(),
};

export const NewGodManSchema = z
  .object({ subject: required(200), name: required(100), ...profileFields })
  .superRefine((values, ctx) => {
    if (values.municipalityCodes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['municipalityCodes'], message: 'choose' });
  });
export type NewGodManInput = z.input<typeof NewGodManSchema>;
export type NewGodManOutput = z.output<typeof NewGodManSchema>;

export const PolicySchema = z.object({
  maxWardsPerGodMan: z
    .string()
    .trim()
    .regex(/^[0-9]+$/, 'whole_number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, 'out_of_range'),
});
export type PolicyInput = z.input<typeof PolicySchema>;
export type PolicyOutput = z.output<typeof PolicySchema>;
