import type { svCounty } from './sv-county.ts';

/** English texts of the county board's work (issue 13). */
export const enCounty: Readonly<Record<keyof typeof svCounty, string>> = {
  'kind.capacity.read': 'Read of the capacity survey',
  'kind.capacity.write': 'Change to the capacity survey',
  'kind.redistribution.read': 'Read of the redistribution of shares',
  'kind.redistribution.write': 'Proposal or decision on a redistribution of shares',
  'worklist.notification.capacity_reminder':
    'Reminder from the county board: the capacity report is not given',

  'apiError.period_not_open': 'The period has not begun yet.',
  'apiError.period_closed': 'The period is over. The report can no longer be given or changed.',
  'apiError.capacity_invalid': 'The report is inconsistent. See the marked fields.',
  'apiError.capacity_period_invalid': 'The period cannot be set like this. See the marked fields.',
  'apiError.no_shares_for_year': 'There are no shares for the year yet.',
  'apiError.redistribution_invalid':
    'The rules for redistribution do not allow the proposal. See the marked rows.',
  'apiError.redistribution_pending':
    'The county already has a proposal for the year awaiting the Migration Agency. Wait for its decision first.',
  'apiError.redistribution_decided': 'The proposal has already been decided.',

  'error.not_a_number': 'Enter a number.',
  'error.not_whole': 'Enter a whole number.',
  'error.negative': 'The number cannot be negative.',
  'error.exceeds_total_places': 'The target group’s places cannot exceed the municipality’s places in all.',
  'error.due_before_start': 'The report’s due day cannot be before the period begins.',
  'error.overlaps_period': 'The period overlaps one the county already has.',
  'error.no_transfers': 'Add at least one transfer.',
  'error.not_whole_promille': 'Enter a whole number of per mille, at least 1.',
  'error.other_county':
    'The municipality is not in the county. Shares move only between municipalities of the same county, for one year.',
  'error.exceeds_share':
    'A municipality can cede at most its whole share, down to 0 per mille. It has {available} per mille left to cede.',
  'error.unknown_municipality': 'The municipality does not exist.',
  'error.no_shares_for_year': 'There are no shares for the year yet.',
};
