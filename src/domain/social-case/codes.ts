/**
 * The closed lists of the social case and the personakt, shared by the API's schemas and the UI's forms. Codes only:
 * the UI translates them, the timeline and the audit log carry them (never free text about the child).
 */

/** Where the report (anmälan) came from; `anvisning` and `transfer` are recorded by Anvisa itself. */
export const REPORT_SOURCES = [
  'anvisning',
  'transfer',
  'migration_agency',
  'police',
  'school',
  'health_care',
  'placement_provider',
  'god_man',
  'private_person',
  'other',
] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** The protection assessment (skyddsbedömning): whether the child needs protection at once. */
export const PROTECTION_OUTCOMES = ['immediate_protection_needed', 'no_immediate_need'] as const;

/**
 * What the preliminary assessment (förhandsbedömning, 20 kap. 2 § SoL 2025:400) found, recorded with its decision:
 * why an investigation is opened (14 kap. 2 §: information that could lead to an action of the board) …
 */
export const INVESTIGATION_FINDINGS = [
  'unaccompanied_needs_care',
  'may_need_protection',
  'may_need_support',
] as const;
/** … or why it is not. */
export const NO_INVESTIGATION_FINDINGS = [
  'needs_met_otherwise',
  'no_need_shown',
  'left_municipality',
] as const;

/** Interventions decided after the investigation (the placement itself is the placement capability's decision). */
export const INTERVENTIONS = [
  'placement',
  'contact_person',
  'support_contact',
  'family_contact',
  'treatment',
  'other_support',
] as const;

/** The outcome of a review of the care (övervägande). */
export const REVIEW_OUTCOMES = ['care_continues', 'care_changed', 'care_to_end'] as const;

/** Why the unit manager closed the case. */
export const CLOSE_REASONS = [
  'care_ended',
  'no_investigation',
  'needs_met',
  'left_sweden',
  'turned_18',
  'other',
] as const;

export const WORKER_ROLES = ['primary', 'secondary'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** Journal entries: notes and logged correspondence. */
export const JOURNAL_KINDS = ['note', 'correspondence'] as const;
export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export const CHANNELS = ['letter', 'email', 'phone', 'meeting', 'digital_message', 'other'] as const;

/** The social case's steps a person may take through the API (the rest are Anvisa's own, e.g. `hand_over_case`). */
export const SOCIAL_CASE_STEPS = [
  'receive_report',
  'assess_protection',
  'open_investigation',
  'decide_not_to_investigate',
  'extend_investigation',
  'decide_interventions',
  'start_care',
  'review_care',
  'close',
] as const;
export type SocialCaseStep = (typeof SOCIAL_CASE_STEPS)[number];

/**
 * The order in which "Nästa steg" offers the steps the state allows: the usual next step of the process first (the
 * form's default), the exceptions after it — not investigating, extending an investigation, closing the case.
 */
const USUAL_ORDER: readonly string[] = [
  'receive_report',
  'assess_protection',
  'open_investigation',
  'decide_interventions',
  'start_care',
  'review_care',
  'decide_not_to_investigate',
  'extend_investigation',
  'close',
];

export function inUsualOrder<S extends string>(steps: readonly S[]): S[] {
  const rank = (step: string) =>
    USUAL_ORDER.includes(step) ? USUAL_ORDER.indexOf(step) : USUAL_ORDER.length;
  return [...steps].sort((a, b) => rank(a) - rank(b));
}

/** The deadline rules of the social case (src/domain/deadlines/rules.ts). */
export const SOCIAL_CASE_RULES = [
  'protection-assessment',
  'preliminary-assessment',
  'investigation',
  'care-review',
] as const;
