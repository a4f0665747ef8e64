/**
 * Form schemas of the child's special grant, taken from the request bodies of src/allowance/contract.ts with
 * `formFrom`: a body field renamed or retyped there breaks the build here. Amounts are typed as text and become whole
 * kronor; the server checks the rules again and has the last word (the ceiling, a partial grant below the applied
 * amount, the reason a partial grant or a refusal gives, the payment day).
 */
import { z } from 'zod';
import { formDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
import { formKronorOrNothing } from './form-kronor.ts';
import { SpecialGrantBody, SpecialGrantDecideBody, SpecialGrantPayBody } from '../allowance/contract.ts';

/** Whole kronor typed as text ("2 400 kr" too, see form-kronor.ts), or nothing; at most the contract's ten million. */
const kronorOrNothing = formKronorOrNothing
  .refine((n) => n === null || n >= 1, 'amount_positive')
  .refine((n) => n === null || n <= 10_000_000, 'too_big');

const kronor = kronorOrNothing.refine((n) => n !== null, 'required').transform((n) => n ?? 0);

export const ApplyFormSchema = formFrom(SpecialGrantBody, ['need'], {
  description: z.string().trim().min(1, 'description_required').max(300, 'too_big'),
  amount: kronor,
});
export type ApplyFormInput = z.input<typeof ApplyFormSchema>;
export type ApplyFormOutput = z.output<typeof ApplyFormSchema>;

/**
 * The decision: the outcome, the amount where it is granted in part (a grant is the applied amount, a refusal none —
 * the page fills those in), the reason.
 */
export const DecideFormSchema = formFrom(SpecialGrantDecideBody, ['outcome'], {
  grantedAmount: kronorOrNothing,
  reason: z.string().trim().max(2000, 'too_big'),
});
export type DecideFormInput = z.input<typeof DecideFormSchema>;
export type DecideFormOutput = z.output<typeof DecideFormSchema>;

export const PayFormSchema = formFrom(SpecialGrantPayBody, [], { paidOn: formDate });
export type PayFormInput = z.input<typeof PayFormSchema>;
export type PayFormOutput = z.output<typeof PayFormSchema>;
