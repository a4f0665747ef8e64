/** English texts of the child's page and the carried-over best interests. Typed against the Swedish ones. */
import type { svChild } from './sv-child.ts';

export const enChild: Readonly<Record<keyof typeof svChild, string>> = {
  'bestInterests.carried': 'From the latest assessment ({date}, {name})',
  'bestInterests.carriedIntro':
    'The parts are filled in from the latest assessment ({date}, {name}). Read each part and change what does not apply to this decision. The feedback is about this decision.',
  'bestInterests.carriedClear': 'Empty the parts and start over',
  'guardianship.appoint.optionOverLimit': ' – the appointment passes the limit',
  'casework.assign.absentOption': '{name} (absent until {date}, substitute {substitute})',
  'bestInterests.feedbackOnThisDecision': 'The day the child was given feedback on this decision.',
};
