/**
 * The steps of the social case and the route that takes them (the route and the view both read this). One route takes
 * every step: the body's `event` names it, with the date it took effect (`occurredOn`) and what the step found or
 * decided.
 */
import { socialCase } from '../domain/case/machines.ts';
import { SOCIAL_CASE_STEPS, type SocialCaseStep } from '../domain/social-case/codes.ts';
import { defineSteps } from '../case/steps.ts';

/** The body's fields of each step besides `event`, `occurredOn`, `expectedVersion` and a best-interests record. */
const FIELDS = {
  receive_report: ['source'],
  assess_protection: ['outcome'],
  open_investigation: ['finding'],
  decide_not_to_investigate: ['finding'],
  extend_investigation: ['extendedTo', 'reason'],
  decide_interventions: ['interventions', 'carePlanOn'],
  start_care: ['implementationPlanOn'],
  review_care: ['outcome'],
  close: ['reason'],
} as const satisfies Record<SocialCaseStep, readonly string[]>;

export const SOCIAL_CASE_STEP_ROUTES = defineSteps<SocialCaseStep>(
  socialCase,
  SOCIAL_CASE_STEPS.map((step) => ({
    action: step,
    event: step,
    path: 'social-case/steps',
    permission: 'case:write',
    date: 'occurredOn',
    fields: FIELDS[step],
  })),
);
