/** The guardianship API's answers, from its contract (src/guardianship/contract.ts, ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  GuardianshipViewSchema,
  OpenRequestSchema,
  PolicySchema,
  RegistryEntrySchema,
  RegistrySchema,
  WardSchema,
  WarningSchema,
} from '../../guardianship/contract.ts';

export const END_BY_DECISION_REASONS = ['parent_custody', 'left_sweden', 'not_needed'] as const;
export const RECORDED_BY_LAW_REASONS = ['turned_18', 'age_changed'] as const;
export const SFV_NOT_APPLYING_REASONS = [
  'turns_18_within_6_months',
  'parents_on_their_way',
  'other',
] as const;

export type GuardianshipView = Answer<z.infer<typeof GuardianshipViewSchema>>;
export type OpenRequest = Answer<z.infer<typeof OpenRequestSchema>>;
export type RegistryEntry = Answer<z.infer<typeof RegistryEntrySchema>>;
export type Policy = Answer<z.infer<typeof PolicySchema>>;
export type Registry = Answer<z.infer<typeof RegistrySchema>>;
export type AppointmentWarning = Answer<z.infer<typeof WarningSchema>>;
export type Ward = Answer<z.infer<typeof WardSchema>>;
