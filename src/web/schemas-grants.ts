/**
 * Form schemas of the §37a grants, taken from the request bodies of src/grants/contract.ts with `formFrom`: a body
 * field renamed or retyped there breaks the build here. Amounts are typed as text and become whole kronor; the
 * server checks again and has the last word (E-R8 at submit, E-R9 and E-R10 at the decision).
 */
import { z } from 'zod';
import { formDate as isoDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
// Whole kronor typed as text ("2 400 kr" too); the server checks the range.
import { formKronor as kronor } from './form-kronor.ts';
import {
  ApplicationBody,
  AssessBody,
  CallBody,
  ChangeRequestBody,
  DecideBody,
  PayBody,
  ReportBody,
} from '../grants/contract.ts';
import { DECISION_OUTCOMES, GRANT_PURPOSES } from '../domain/grants/rules.ts';

const required = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_big');
const reason = z.string().trim().min(10, 'reason_too_short').max(4000, 'too_big');

export const ApplicationFormSchema = formFrom(ApplicationBody, [], {
  year: z
    .string()
    .regex(/^[0-9]{4}$/, 'choose')
    .transform(Number),
  title: required(200),
  description: z.string().trim().max(4000, 'too_big'),
  purposes: z.array(z.enum(GRANT_PURPOSES)),
  partners: z.array(z.object({ name: required(200), certificate: z.boolean() })),
  budget: z.array(z.object({ description: required(200), amount: kronor, costDate: isoDate })),
  signatoryName: z.string().trim().max(120, 'too_big'),
  signatoryTitle: z.string().trim().max(120, 'too_big'),
});
export type ApplicationFormInput = z.input<typeof ApplicationFormSchema>;
export type ApplicationFormOutput = z.output<typeof ApplicationFormSchema>;

export const AssessFormSchema = formFrom(AssessBody, [], { assessment: reason });
export const DecideFormSchema = formFrom(DecideBody, [], {
  outcome: z.enum(DECISION_OUTCOMES, 'choose'),
  amount: kronor,
  reasons: reason,
});
export const PayFormSchema = formFrom(PayBody, [], { paidOn: isoDate });
export const ChangeFormSchema = formFrom(ChangeRequestBody, [], { description: reason });
export const ReportFormSchema = formFrom(ReportBody, [], { report: reason });

export const CallFormSchema = formFrom(CallBody, [], {
  opensOn: isoDate,
  deadline: isoDate,
  priorities: z.string().trim().max(2000, 'too_big'),
  interimReportDueOn: isoDate,
  finalReportDueOn: isoDate,
});
export type CallFormInput = z.input<typeof CallFormSchema>;
export type CallFormOutput = z.output<typeof CallFormSchema>;

export const PotFormSchema = z.object({
  amount: kronor,
  allotments: z.array(z.object({ countyCode: z.string(), amount: kronor })),
});
export type PotFormInput = z.input<typeof PotFormSchema>;
export type PotFormOutput = z.output<typeof PotFormSchema>;
