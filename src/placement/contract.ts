/** The API's contract for placements and providers: request bodies and the whitelists of fields answers carry. */
import { z } from 'zod';
import { LEGAL_BASES, PLACEMENT_FORMS, TARGET_GROUPS } from '../domain/placement/vocabulary.ts';
import { BestInterestsBody, StepSchema } from '../case/contract.ts';
import { PLACEMENT_END_REASONS } from '../domain/placement/vocabulary.ts';
import { isoDate } from '../domain/fields.ts';

export const expectedVersion = z.number().int().min(0).optional();

/** Shown wherever someone is about to meet the child. */
export const MeetingSchema = z.object({
  age: z.number().int(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
});

export const ProviderBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  form: z.enum(PLACEMENT_FORMS),
  places: z.number().int().min(0).max(500),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
  languages: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  permitReference: z.string().trim().max(100).nullable().default(null),
  active: z.boolean().default(true),
});

export const ProviderSchema = z.object({
  id: z.uuid(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  name: z.string(),
  form: z.enum(PLACEMENT_FORMS),
  places: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  languages: z.array(z.string()),
  permitReference: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});

/** Places, current placements and free places of a municipality's active providers of one form. */
export const CapacityRowSchema = z.object({
  municipalityCode: z.string(),
  form: z.enum(PLACEMENT_FORMS),
  providers: z.number().int(),
  places: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
});

export const ProvidersSchema = z.object({
  providers: z.array(ProviderSchema),
  capacity: z.array(CapacityRowSchema),
});

export const DecisionBody = z.strictObject({
  providerId: z.uuid(),
  form: z.enum(PLACEMENT_FORMS),
  legalBasis: z.enum(LEGAL_BASES),
  fromDate: isoDate,
  specialReason: z.string().trim().max(2000).nullable().default(null),
  expectedVersion,
  bestInterests: BestInterestsBody.optional(),
});

export const EndBody = z.strictObject({
  reason: z.enum(PLACEMENT_END_REASONS),
  endDate: isoDate,
  expectedVersion,
});

export const PlacementSchema = z.object({
  id: z.uuid(),
  /** Null when the place may not be named to the caller (it tells where the child is). */
  provider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  form: z.string(),
  legalBasis: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  endReason: z.string().nullable(),
  onCall: z.boolean(),
  validUntil: z.string().nullable(),
  specialReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  bestInterestsId: z.uuid().nullable(),
});

export const PlacementViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  current: PlacementSchema.nullable(),
  /** Every placement, the latest first (the current one included). */
  history: z.array(PlacementSchema),
  days: z.array(
    z.object({ municipality: z.object({ code: z.string(), name: z.string() }), days: z.number().int() }),
  ),
  child: MeetingSchema.extend({ birthDate: z.string() }),
  /** The decisions the caller may make now (none for a reader). */
  steps: z.array(StepSchema),
});
