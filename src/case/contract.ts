/**
 * The case kernel's shared contract: the best-interests record every decision step may carry, and the changes a
 * municipality reports to the Migration Agency. Imports only zod and src/domain (ADR 0019).
 */
import { z } from 'zod';
import { isoDate } from '../domain/fields.ts';

/** The changes a municipality reports to the Migration Agency. */
export const REPORTABLE_CHANGES = [
  'transfer',
  'absconding',
  'departure',
  'reunification',
  'sfv',
  'turning_18',
] as const;
export type ReportableChange = (typeof REPORTABLE_CHANGES)[number];

const text = (max: number) => z.string().trim().max(max).nullable().default(null);

export const BestInterestsBody = z.strictObject({
  rightsConcerned: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  whatIsKnown: text(5000),
  childsViews: text(5000),
  childsViewsLanguage: text(100),
  howWeighed: text(5000),
  feedbackToChild: text(2000),
  feedbackGivenOn: isoDate.nullable().default(null),
  notHeardReason: text(2000),
});
export type BestInterestsInput = z.output<typeof BestInterestsBody>;

/** The child's latest best-interests record, offered to a new decision's form as its starting point. */
export const LatestBestInterestsSchema = z.object({
  record: z
    .object({
      id: z.uuid(),
      decisionKind: z.string(),
      rightsConcerned: z.array(z.string()),
      whatIsKnown: z.string(),
      childsViews: z.string().nullable(),
      childsViewsLanguage: z.string().nullable(),
      howWeighed: z.string(),
      feedbackToChild: z.string().nullable(),
      feedbackGivenOn: z.string().nullable(),
      notHeardReason: z.string().nullable(),
      /** Who recorded it (the decision's officer) and the day, in Swedish time. */
      recordedBy: z.string(),
      recordedOn: z.string(),
    })
    .nullable(),
});

/** A step the caller may take on the child now, as a section view lists it (src/case/steps.ts). */
export const StepSchema = z.object({
  action: z.string(),
  machine: z.string(),
  event: z.string(),
  method: z.literal('POST'),
  path: z.string(),
  needs: z.object({
    date: z.string().nullable(),
    bestInterests: z.boolean(),
    decisionKind: z.string().nullable(),
    fields: z.array(z.string()),
  }),
});
export type Step = z.output<typeof StepSchema>;
