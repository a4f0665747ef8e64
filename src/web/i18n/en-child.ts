/** English texts of the child's page and the carried-over best interests. Typed against the Swedish ones. */
import type { svChild } from './sv-child.ts';

export const enChild: Readonly<Record<keyof typeof svChild, string>> = {
  'child.nav.title': 'On this page',
  'child.nav.todo': 'To do',
  'child.nav.todoCount': '{count} for you',
  'child.nav.record': 'Correct the child’s details',
  'child.todo.yours': 'For you',
  'child.todo.nothingYours': 'No open deadlines for you right now.',
  'child.todo.others': 'Waiting on others',
  'child.todo.due': 'By {date}',
  'child.todo.goTo': 'Go to {part}',
  'child.todo.noCase': 'Your role sees no part of the child’s case.',
  'child.todo.holder.social_services': 'Social services',
  'child.todo.holder.social_servicesIn': 'Social services in {municipality}',
  'child.todo.holder.guardianship': 'The guardianship authority',
  'child.todo.holder.guardianshipIn': 'The guardianship authority in {municipality}',
  'child.todo.holder.migration_agency': 'The Migration Agency',
  'child.todo.holder.region': 'The region',
  'child.todo.holder.other': 'Someone else',
  'child.todo.holder.assigned': '{holder}, assigned to {name}',
  'bestInterests.carried': 'From the latest assessment ({date}, {name})',
  'bestInterests.carriedIntro':
    'The parts are filled in from the latest assessment ({date}, {name}). Read each part and change what does not apply to this decision. The feedback is about this decision.',
  'bestInterests.carriedClear': 'Empty the parts and start over',
  'guardianship.appoint.optionOverLimit': ' – the appointment passes the limit',
  'casework.assign.absentOption': '{name} (absent until {date}, substitute {substitute})',
  'bestInterests.feedbackOnThisDecision': 'The day the child was given feedback on this decision.',
};
