/** English texts of the child's special grant; typed against the Swedish ones. */
import type { svAllowance } from './sv-allowance.ts';

export const enAllowance: Readonly<Record<keyof typeof svAllowance, string>> = {
  'kind.special_grant.read': 'Special grant read',
  'kind.special_grant.write': 'Special grant changed',
  'apiError.special_grant_invalid':
    'The application or the decision does not follow the rules. See the fields.',
  'error.not_appointed_god_man': "Only the child's appointed god man can apply on the child's behalf.",
  'error.description_required': 'Describe the need.',
  'error.amount_above_ceiling': 'The amount is above the highest amount that applies to the need.',
  'error.granted_means_applied':
    'Granted means the whole amount applied for. Choose granted in part for less.',
  'error.refusal_grants_nothing': 'A refusal grants no amount.',
  'error.amount_above_applied': 'The amount is more than was applied for.',
  'error.reason_required': 'Give the reason for the decision.',
  'error.invalid_need': 'Choose a need.',
  'error.invalid_outcome': 'Choose a decision.',
};
