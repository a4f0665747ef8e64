/** The guardianship API's answers, from its contract (src/guardianship/contract.ts, ADR 0019). */
import type { z } from 'zod';
import type { Answer, Narrow } from '../../domain/answer.ts';
import type { CaseStep } from './case-steps.ts';
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

/** The steps of the guardianship section (src/guardianship/steps.ts): their texts are `guardianship.action.<action>`. */
export type GuardianshipAction =
  | 'request_god_man'
  | 'withdraw_request'
  | 'appoint_god_man'
  | 'god_man_resigns'
  | 'end_by_decision'
  | 'end_by_law'
  | 'apply_for_sfv'
  | 'record_sfv_not_applying'
  | 'sfv_appointed'
  | 'sfv_refused';

export type GuardianshipView = Narrow<
  Answer<z.infer<typeof GuardianshipViewSchema>>,
  { readonly steps: readonly CaseStep<GuardianshipAction>[] }
>;
export type OpenRequest = Answer<z.infer<typeof OpenRequestSchema>>;
export type RegistryEntry = Answer<z.infer<typeof RegistryEntrySchema>>;
export type Policy = Answer<z.infer<typeof PolicySchema>>;
export type Registry = Answer<z.infer<typeof RegistrySchema>>;
export type AppointmentWarning = Answer<z.infer<typeof WarningSchema>>;
export type Ward = Answer<z.infer<typeof WardSchema>>;
