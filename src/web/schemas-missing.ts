/**
 * Form schemas of children who go missing, from the request bodies of src/missing/contract.ts (`formFrom`): a body
 * field renamed or retyped there breaks the build here. A moment is typed as a date (ÅÅÅÅ-MM-DD) and a time (TT:MM)
 * in Swedish time and sent with Stockholm's offset (stockholm-time.ts). Messages are error codes (form-errors.ts);
 * the server checks again and has the last word (422 naming each field).
 */
import { z } from 'zod';
import {
  ABSENCE_KINDS,
  CONCRETE_FACTS_MIN_LENGTH,
  FOUND_CONDITIONS,
  LVU_GROUNDS,
  LVU_OUTCOMES,
  PLACEMENT_REVIEW_OUTCOMES,
  RETURN_TALK_OUTCOMES,
} from '../domain/missing/records.ts';
import {
  BestInterestsFormSchema,
  checkCompleteBestInterests,
} from './components/form/BestInterestsFieldset.tsx';
import { EMERGENCY_CARE_KINDS } from '../domain/missing/emergency-care.ts';
import { isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { formDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
import { stockholmInstant } from '../domain/stockholm-time.ts';
import {
  CloseBody,
  CompleteReturnBody,
  EmergencyCareBody,
  FoundBody,
  LvuBody,
  PoliceReportBody,
  ReportAbsenceBody,
  ReturnTalkBody,
  StrategyMeetingBody,
} from '../missing/contract.ts';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, 'choose');
const required = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_big');
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_big')
    .transform((v) => (v === '' ? null : v));
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().trim().min(1, 'required').regex(TIME, 'time_format');

/** A date and a time typed apart, as one instant with Stockholm's offset (or undefined while incomplete). */
export function instantOf(date: string, clock: string): string | undefined {
  return stockholmInstant(`${date.trim()}T${clock.trim()}`) ?? undefined;
}

export const ReportFormSchema = formFrom(ReportAbsenceBody, [], {
  kind: choice(ABSENCE_KINDS),
  lastSeenPlace: required(200),
})
  .extend({
    lastSeenDate: formDate,
    lastSeenTime: time,
    policeNow: z.boolean(),
    policeReference: z.string().trim().max(60, 'too_big'),
    policeDate: z.string().trim(),
    policeTime: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (!v.policeNow) return;
    if (v.policeReference === '')
      ctx.addIssue({ code: 'custom', path: ['policeReference'], message: 'required' });
    if (formDate.safeParse(v.policeDate).success === false)
      ctx.addIssue({
        code: 'custom',
        path: ['policeDate'],
        message: v.policeDate === '' ? 'required' : 'invalid_date',
      });
    if (!TIME.test(v.policeTime))
      ctx.addIssue({
        code: 'custom',
        path: ['policeTime'],
        message: v.policeTime === '' ? 'required' : 'time_format',
      });
  });
export type ReportFormValues = z.input<typeof ReportFormSchema>;
export type ReportFormOutput = z.output<typeof ReportFormSchema>;

export const PoliceReportFormSchema = formFrom(PoliceReportBody, [], {
  policeReference: required(60),
}).extend({
  policeDate: formDate,
  policeTime: time,
});
export type PoliceReportFormValues = z.input<typeof PoliceReportFormSchema>;
export type PoliceReportFormOutput = z.output<typeof PoliceReportFormSchema>;

export const MomentFormSchema = z.object({ date: formDate, time });
export type MomentFormValues = z.input<typeof MomentFormSchema>;
export type MomentFormOutput = z.output<typeof MomentFormSchema>;

export const AcknowledgeFormSchema = z.object({
  date: formDate,
  time,
  by: z.string().trim().max(200, 'too_big'),
});
export type AcknowledgeFormValues = z.input<typeof AcknowledgeFormSchema>;
export type AcknowledgeFormOutput = z.output<typeof AcknowledgeFormSchema>;

export const LvuFormSchema = formFrom(LvuBody, [], {
  outcome: choice(LVU_OUTCOMES),
  grounds: z.array(z.enum(LVU_GROUNDS)),
  concreteFacts: z
    .string()
    .trim()
    .min(CONCRETE_FACTS_MIN_LENGTH, 'concrete_facts_required')
    .max(4000, 'too_big'),
  decisionReference: optional(60),
}).superRefine((v, ctx) => {
  if (v.outcome !== 'no_grounds' && v.grounds.length === 0)
    ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'ground_required' });
  if (v.outcome === 'no_grounds' && v.grounds.length > 0)
    ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'ground_not_with_outcome' });
  if (v.outcome === 'immediate_custody' && v.decisionReference === null)
    ctx.addIssue({ code: 'custom', path: ['decisionReference'], message: 'required' });
});
export type LvuFormValues = z.input<typeof LvuFormSchema>;
export type LvuFormOutput = z.output<typeof LvuFormSchema>;

export const FoundFormSchema = formFrom(FoundBody, ['crimeSuspected'], {
  place: required(200),
  foundBy: required(200),
  condition: choice(FOUND_CONDITIONS),
  crimeReportReference: optional(60),
  harm: optional(2000),
})
  .extend({ date: formDate, time })
  .superRefine((v, ctx) => {
    if (v.crimeSuspected && v.crimeReportReference === null)
      ctx.addIssue({ code: 'custom', path: ['crimeReportReference'], message: 'required' });
    if (v.condition !== 'unharmed' && v.harm === null)
      ctx.addIssue({ code: 'custom', path: ['harm'], message: 'required' });
  });
export type FoundFormValues = z.input<typeof FoundFormSchema>;
export type FoundFormOutput = z.output<typeof FoundFormSchema>;

export const ReturnTalkFormSchema = formFrom(ReturnTalkBody, [], {
  outcome: choice(RETURN_TALK_OUTCOMES),
  participants: z
    .string()
    .transform((v) =>
      v
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .refine((list) => list.length <= 10, 'too_many'),
  childsAccount: optional(4000),
  childsViews: optional(4000),
  actions: optional(4000),
  notHeldReason: optional(2000),
})
  .extend({ date: formDate, time, bestInterests: BestInterestsFormSchema })
  .superRefine((v, ctx) => {
    checkCompleteBestInterests(v.bestInterests, ctx);
    if (v.outcome === 'held') {
      if (v.participants.length === 0)
        ctx.addIssue({ code: 'custom', path: ['participants'], message: 'required' });
      for (const field of ['childsAccount', 'childsViews', 'actions'] as const)
        if (v[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    }
    if (v.outcome === 'not_held' && v.notHeldReason === null)
      ctx.addIssue({ code: 'custom', path: ['notHeldReason'], message: 'required' });
  });
export type ReturnTalkFormValues = z.input<typeof ReturnTalkFormSchema>;
export type ReturnTalkFormOutput = z.output<typeof ReturnTalkFormSchema>;

export const StrategyMeetingFormSchema = formFrom(StrategyMeetingBody, ['carePlanReviewed'], {
  heldOn: formDate,
  participants: z
    .string()
    .transform((v) =>
      v
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .refine((list) => list.length > 0, 'required')
    .refine((list) => list.length <= 20, 'too_many'),
  decisions: required(4000),
});
export type StrategyMeetingFormValues = z.input<typeof StrategyMeetingFormSchema>;
export type StrategyMeetingFormOutput = z.output<typeof StrategyMeetingFormSchema>;

export const CompleteFormSchema = formFrom(CompleteReturnBody, [], {
  placementReview: choice(PLACEMENT_REVIEW_OUTCOMES),
  note: optional(2000),
});
export type CompleteFormValues = z.input<typeof CompleteFormSchema>;
export type CompleteFormOutput = z.output<typeof CompleteFormSchema>;

export const CloseFormSchema = formFrom(CloseBody, [], { reason: required(2000) })
  .extend({ bestInterests: BestInterestsFormSchema })
  .superRefine((v, ctx) => checkCompleteBestInterests(v.bestInterests, ctx));
export type CloseFormValues = z.input<typeof CloseFormSchema>;
export type CloseFormOutput = z.output<typeof CloseFormSchema>;

/**
 * D-R1: the emergency care a municipality where the child turned up gives. From is a date and a time; to is optional,
 * but when one of its parts is typed both are needed. Every other field is required.
 */
export const EmergencyCareFormSchema = formFrom(EmergencyCareBody, [], {
  place: required(200),
  care: choice(EMERGENCY_CARE_KINDS),
  description: required(2000),
  contactName: required(100),
  contactPhone: required(30).refine(isPhoneNumber, 'phone_format'),
})
  .extend({ date: formDate, time, endDate: z.string().trim(), endTime: z.string().trim() })
  .superRefine((v, ctx) => {
    if (v.endDate === '' && v.endTime === '') return;
    if (v.endDate === '') ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'required' });
    else if (instantOf(v.endDate, '00:00') === undefined)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'datetime' });
    if (!TIME.test(v.endTime)) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'time_format' });
  });
export type EmergencyCareFormValues = z.input<typeof EmergencyCareFormSchema>;
export type EmergencyCareFormOutput = z.output<typeof EmergencyCareFormSchema>;
