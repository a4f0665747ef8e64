/**
 * Form schemas of placements, providers, school and health (mirrored from src/placement/schemas.ts and the school and
 * health routes). Messages are error codes that form-errors.ts turns into text; the server validates again and has
 * the last word (the placement rules answer 422 naming each field).
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
  TARGET_GROUPS,
} from './api/placement-types.ts';
import { todayInSweden } from './dates.ts';
import { formDate as isoDate } from './date-input.ts';

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

export const ProviderFormSchema = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'too_big'),
  form: choice(PLACEMENT_FORMS),
  places: z
    .string()
    .trim()
    .regex(/^[0-9]+$/, 'whole_number')
    .transform(Number)
    .refine((n) => n <= 500, 'out_of_range'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  languages: list,
  permitReference: z
    .string()
    .trim()
    .max(100, 'too_big')
    .transform((value) => (value === '' ? null : value)),
  active: z.boolean(),
});
export type ProviderFormInput = z.input<typeof ProviderFormSchema>;
export type ProviderFormOutput = z.output<typeof ProviderFormSchema>;

export const PlacementDecisionSchema = z
  .object({
    form: choice(PLACEMENT_FORMS),
    providerId: z.string().min(1, 'choose'),
    legalBasis: choice(LEGAL_BASES),
    fromDate: pastDate,
    specialReason: z.string().trim().max(2000, 'too_big'),
    bestInterests: BestInterestsFormSchema,
  })
  // Every placement decision (place, on call, move) needs the record: each missing part shows on the first submit.
  .superRefine((v, ctx) => checkCompleteBestInterests(v.bestInterests, ctx));
export type PlacementDecisionValues = z.infer<typeof PlacementDecisionSchema>;

export const EndPlacementSchema = z.object({ reason: choice(PLACEMENT_END_REASONS), endDate: pastDate });
export type EndPlacementValues = z.infer<typeof EndPlacementSchema>;

export const EnrolSchema = z.object({
  school: z.string().trim().min(1, 'required').max(200, 'too_big'),
  programme: choice(SCHOOL_PROGRAMMES),
  enrolledOn: pastDate,
});
export type EnrolValues = z.infer<typeof EnrolSchema>;

/** One dated step: the first school day, the end of schooling, an examination offered, done or declined. */
export const DateStepSchema = z.object({ date: pastDate });
export type DateStepValues = z.infer<typeof DateStepSchema>;

export const ReferralSchema = z.object({ to: choice(REFERRAL_DESTINATIONS), on: pastDate });
export type ReferralValues = z.infer<typeof ReferralSchema>;
