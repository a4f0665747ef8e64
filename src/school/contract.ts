/** The API's contract for school: request bodies and the whitelist of fields the school view carries (ADR 0019). */
import { z } from 'zod';
import { SCHOOL_PROGRAMMES } from '../domain/placement/vocabulary.ts';
import { isoDate } from '../domain/fields.ts';
import { StepSchema } from '../case/contract.ts';
import { expectedVersion, MeetingSchema } from '../placement/contract.ts';

export const EnrolmentSchema = z.object({
  id: z.uuid(),
  /** Null when the school may not be named to the caller (it tells where the child is). */
  school: z.string().nullable(),
  programme: z.string(),
  enrolledOn: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});

export const SchoolViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  arrivalDate: z.string(),
  /** The one-month deadline from arrival. */
  dueOn: z.string(),
  goalDays: z.number().int(),
  /** Days from arrival to the first school day, or to today while the child has not started. */
  days: z.number().int(),
  started: z.boolean(),
  withinGoal: z.boolean(),
  current: EnrolmentSchema.nullable(),
  enrolments: z.array(EnrolmentSchema),
  child: MeetingSchema,
  /** What the caller may record now (none for a reader). */
  steps: z.array(StepSchema),
});

export const EnrolBody = z.strictObject({
  school: z.string().trim().min(1).max(200),
  programme: z.enum(SCHOOL_PROGRAMMES),
  enrolledOn: isoDate,
  expectedVersion,
});

export const StartBody = z.strictObject({ startedOn: isoDate, expectedVersion });
export const EndBody = z.strictObject({ endedOn: isoDate, expectedVersion });
