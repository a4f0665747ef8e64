/**
 * Form schemas of placements, providers, school and health, taken from the request bodies of their contracts
 * (src/placement, src/school and src/health contract.ts) with `formFrom`: a body field renamed or retyped there breaks
 * the build here. Messages are error codes that form-errors.ts turns into text; the server validates again and has the
 * last word (the placement rules answer 422 naming each field).
 */
import { z } from 'zod';
import {
  BestInterestsFormSchema,
  checkCompleteBestInterests,
} from './components/form/BestInterestsFieldset.tsx';
import {
  LEGAL_BASES,
  PLACEMENT_END_REASONS,
  PLACEMENT_FORMS,
  REFERRAL_DESTINATIONS,
  SCHOOL_PROGRAMMES,
} from './api/placement-types.ts';
import { todayInSweden } from './dates.ts';
import { formDate as isoDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
import { DecisionBody, EndBody, ProviderBody } from '../placement/contract.ts';
import { EnrolBody } from '../school/contract.ts';
import { ReferralBody } from '../health/contract.ts';

const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, 'choose');

/** "arabiska, dari" → ["arabiska", "dari"] */
const list = z
  .string()
  .transform((value) =>
    value
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .refine((items) => items.length <= 20, 'too_many')
  .refine((items) => items.every((item) => item.length <= 60), 'too_big');

/** The body's own schemas for the checkboxes (target groups, active); typed inputs carry the web's error codes. */
export const ProviderFormSchema = formFrom(ProviderBody, ['targetGroups', 'active'], {
  name: z.string().trim().min(1, 'required').max(200, 'too_big'),
  form: choice(PLACEMENT_FORMS),
  places: z
    .string()
    .trim()
    .regex(/^[0-9]+$/, 'whole_number')
    .transform(Number)
    .refine((n) => n <= 500, 'out_of_range'),
  languages: list,
  permitReference: z
    .string()
    .trim()
    .max(100, 'too_big')
    .transform((value) => (value === '' ? null : value)),
});
export type ProviderFormInput = z.input<typeof ProviderFormSchema>;
export type ProviderFormOutput = z.output<typeof ProviderFormSchema>;

/** The best-interests record is the form's own (toBestInterestsBody turns it into the body's). */
export const PlacementDecisionSchema = formFrom(DecisionBody, [], {
  form: choice(PLACEMENT_FORMS),
  providerId: z.string().min(1, 'choose'),
  legalBasis: choice(LEGAL_BASES),
  fromDate: pastDate,
  specialReason: z.string().trim().max(2000, 'too_big'),
})
  .extend({ bestInterests: BestInterestsFormSchema })
  // Every placement decision (place, on call, move) needs the record: each missing part shows on the first submit.
  .superRefine((v, ctx) => checkCompleteBestInterests(v.bestInterests, ctx));
export type PlacementDecisionValues = z.infer<typeof PlacementDecisionSchema>;

export const EndPlacementSchema = formFrom(EndBody, [], {
  reason: choice(PLACEMENT_END_REASONS),
  endDate: pastDate,
});
export type EndPlacementValues = z.infer<typeof EndPlacementSchema>;

export const EnrolSchema = formFrom(EnrolBody, [], {
  school: z.string().trim().min(1, 'required').max(200, 'too_big'),
  programme: choice(SCHOOL_PROGRAMMES),
  enrolledOn: pastDate,
});
export type EnrolValues = z.infer<typeof EnrolSchema>;

/**
 * One dated step: the first school day, the end of schooling, an examination offered, done or declined. Its own
 * schema: the step form sends the date under the field the step names (`needs.date`), so no one body fits.
 */
export const DateStepSchema = z.object({ date: pastDate });
export type DateStepValues = z.infer<typeof DateStepSchema>;

export const ReferralSchema = formFrom(ReferralBody, [], { to: choice(REFERRAL_DESTINATIONS), on: pastDate });
export type ReferralValues = z.infer<typeof ReferralSchema>;
