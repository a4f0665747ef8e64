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

/** Interventions decided after the investigation (the placement itself is the placement capability's decision). */
export const INTERVENTIONS = ['placement', 'contact_person', 'support_contact', 'family_contact', 'treatment', 'other_support'] as const;

/** The outcome of a review of the care (övervägande). */
export const REVIEW_OUTCOMES = ['care_continues', 'care_changed', 'care_to_end'] as const;

/** Why the unit manager closed the case. */
export const CLOSE_REASONS = ['care_ended', 'no_investigation', 'needs_met', 'left_sweden', 'turned_18', 'other'] as const;

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

/** The deadline rules of the social case (src/domain/deadlines/rules.ts). */
export const SOCIAL_CASE_RULES = ['protection-assessment', 'preliminary-assessment', 'investigation', 'care-review'] as const;
