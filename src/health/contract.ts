/** The API's contract for the health examination: request bodies and the health view's whitelist (ADR 0019). */
import { z } from 'zod';
import { REFERRAL_DESTINATIONS } from '../domain/placement/vocabulary.ts';
import { isoDate } from '../domain/fields.ts';
import { StepSchema } from '../case/contract.ts';
import { expectedVersion, MeetingSchema } from '../placement/contract.ts';

/** A referral made after the examination: where to and when, never why. */
export const ReferralSchema = z.object({ to: z.enum(REFERRAL_DESTINATIONS), on: z.string() });

export const ExaminationSchema = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  offeredOn: z.string(),
  doneOn: z.string().nullable(),
  declinedOn: z.string().nullable(),
  referrals: z.array(ReferralSchema),
});

export const HealthViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  examinations: z.array(ExaminationSchema),
  child: MeetingSchema,
  /** What the caller may record now (none for a reader). */
  steps: z.array(StepSchema),
});

export const OfferBody = z.strictObject({ offeredOn: isoDate, expectedVersion });
export const DoneBody = z.strictObject({ doneOn: isoDate, expectedVersion });
export const DeclinedBody = z.strictObject({ declinedOn: isoDate, expectedVersion });
export const ReferralBody = z.strictObject({
  to: z.enum(REFERRAL_DESTINATIONS),
  on: isoDate,
  expectedVersion,
});
