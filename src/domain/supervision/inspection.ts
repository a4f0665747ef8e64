/**
 * The county board's supervision (tillsyn) of the guardianship authorities (överförmyndare), issue 13 point 4, ADR 0027;
 * ../shared/domain/missing-county-compensation-return.md §E.3 (T1–T9), E-R6, E-R7.
 *
 * An inspection runs planned → in progress (the sample drawn) → report sent → response received → closed. A year's
 * regular inspection that is not held is recorded as `skipped`, with its exceptional reason (E-R6); it has no further
 * steps. An ad-hoc review (T7) follows the same course and names what started it. The inspection is not one of a
 * child's case machines (src/domain/case/machines.ts): it belongs to an authority, not to a child. It is a table in the
 * same form, checked by the same `transition`.
 */
import { defineMachine } from '../case/machine.ts';

export const inspectionMachine = defineMachine({
  name: 'supervision_inspection',
  initial: 'planned',
  states: ['planned', 'in_progress', 'report_sent', 'response_received', 'closed', 'skipped'],
  transitions: [
    { from: ['planned'], event: 'draw_sample', to: 'in_progress', roles: ['supervision_inspector'] },
    { from: ['in_progress'], event: 'record_finding', to: 'in_progress', roles: ['supervision_inspector'] },
    { from: ['in_progress'], event: 'send_report', to: 'report_sent', roles: ['supervision_inspector'] },
    {
      from: ['report_sent'],
      event: 'record_response',
      to: 'response_received',
      roles: ['guardianship_officer'],
    },
    {
      from: ['response_received'],
      event: 'record_action_done',
      to: 'response_received',
      roles: ['guardianship_officer'],
    },
    { from: ['response_received'], event: 'close', to: 'closed', roles: ['supervision_inspector'] },
  ],
});
export type InspectionState = (typeof inspectionMachine.states)[number];
export type InspectionEvent = (typeof inspectionMachine.transitions)[number]['event'];

/** Regular: the year's inspection (T1–T2). Ad hoc: a review after a complaint, a media report or another signal (T7). */
export const INSPECTION_KINDS = ['regular', 'ad_hoc'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const AD_HOC_TRIGGERS = ['complaint', 'media', 'other'] as const;
export type AdHocTrigger = (typeof AD_HOC_TRIGGERS)[number];

/**
 * The three criticism levels of a finding (T4, E-R7), mildest first: "kan inte undgå kritik", "kritik",
 * "allvarlig kritik".
 */
export const CRITICISM_LEVELS = ['cannot_escape_criticism', 'criticism', 'serious_criticism'] as const;
export type CriticismLevel = (typeof CRITICISM_LEVELS)[number];

/** The report's findings by level, most serious first (the report's summary of criticised points, T3). */
export function findingsBySeverity<F extends { readonly level: CriticismLevel }>(
  findings: readonly F[],
): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => CRITICISM_LEVELS.indexOf(b.f.level) - CRITICISM_LEVELS.indexOf(a.f.level) || a.i - b.i)
    .map(({ f }) => f);
}

/** The most serious level among the findings, or null when the inspection found nothing to criticise. */
export function mostSerious(findings: readonly { readonly level: CriticismLevel }[]): CriticismLevel | null {
  return findingsBySeverity(findings)[0]?.level ?? null;
}

/** Who gets a copy of the report in each municipality the authority serves (T5, E-R7). */
export const REPORT_RECIPIENT_BODIES = ['kommunstyrelse', 'kommunfullmaktige', 'kommunrevision'] as const;
export type ReportRecipientBody = (typeof REPORT_RECIPIENT_BODIES)[number];

export interface ReportRecipient {
  readonly municipalityCode: string;
  readonly body: ReportRecipientBody;
}

/**
 * The report's recipients: the municipal executive board, the council and the auditors of every municipality the
 * authority serves (a joint board serves several), ordered by municipality code, each municipality once.
 */
export function reportRecipients(servedMunicipalityCodes: readonly string[]): ReportRecipient[] {
  return [...new Set(servedMunicipalityCodes)]
    .sort()
    .flatMap((municipalityCode) => REPORT_RECIPIENT_BODIES.map((body) => ({ municipalityCode, body })));
}

/** Whether the inspector may still open the sampled files: only while the inspection is open (sampled, not closed). */
export function sampleOpen(state: InspectionState): boolean {
  return state === 'in_progress' || state === 'report_sent' || state === 'response_received';
}

/** A follow-up action the authority commits to in its response (T6): what, by when, and when it was done. */
export interface FollowUpAction {
  readonly deadline: string;
  readonly doneOn: string | null;
}

/** Not done and past its deadline on `today` (the deadline day itself is still in time). */
export function isOverdue(action: FollowUpAction, today: string): boolean {
  return action.doneOn === null && action.deadline < today;
}

/** Why the inspection cannot be closed: follow-up actions not done yet. */
export function closeProblem(actions: readonly FollowUpAction[]): 'open_actions' | null {
  return actions.some((a) => a.doneOn === null) ? 'open_actions' : null;
}

/** Why a follow-up action's deadline or done date is refused: before the response, or a done date in the future. */
export function actionDateProblem(
  action: { readonly deadline: string },
  respondedOn: string,
): 'deadline_before_response' | null {
  return action.deadline < respondedOn ? 'deadline_before_response' : null;
}
