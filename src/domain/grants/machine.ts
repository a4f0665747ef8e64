/**
 * The §37a grant application's status machine (issue 13 point 5, ADR 0028): who may take which step from which
 * status. A draft nobody submitted by the call's deadline is "not submitted by the deadline" — derived from the
 * deadline and today, so it holds on any date without a job that writes it.
 */

export const GRANT_STATUSES = [
  'draft',
  'submitted',
  'assessed',
  'granted',
  'partly_granted',
  'refused',
  'paid',
  'change_requested',
  'change_approved',
  'interim_reported',
  'final_reported',
  'closed',
  'not_submitted_by_deadline',
] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** The stored statuses: every status but the derived one. */
export type StoredGrantStatus = Exclude<GrantStatus, 'not_submitted_by_deadline'>;

/** Who takes a step: the applying municipality's grant applicant, or the county's grant officer. */
export type GrantParty = 'applicant' | 'officer';

export const GRANT_ACTIONS = [
  'submit',
  'assess',
  'decide',
  'pay',
  'request_change',
  'approve_change',
  'submit_interim_report',
  'receive_interim_report',
  'submit_final_report',
  'receive_final_report',
] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

export interface GrantStep {
  readonly action: GrantAction;
  readonly from: readonly StoredGrantStatus[];
  /** The status after the step; `decide` names its outcome, `receive_interim_report` keeps the status. */
  readonly to: readonly StoredGrantStatus[];
  readonly by: GrantParty;
}

/** The machine as data; the use cases, the steps a view offers and the tests read it. */
export const GRANT_STEPS: readonly GrantStep[] = [
  { action: 'submit', from: ['draft'], to: ['submitted'], by: 'applicant' },
  { action: 'assess', from: ['submitted'], to: ['assessed'], by: 'officer' },
  {
    action: 'decide',
    from: ['assessed'],
    to: ['granted', 'partly_granted', 'refused'],
    by: 'officer',
  },
  { action: 'pay', from: ['granted', 'partly_granted'], to: ['paid'], by: 'officer' },
  {
    action: 'request_change',
    from: ['paid', 'change_approved', 'interim_reported'],
    to: ['change_requested'],
    by: 'applicant',
  },
  { action: 'approve_change', from: ['change_requested'], to: ['change_approved'], by: 'officer' },
  {
    action: 'submit_interim_report',
    from: ['paid', 'change_approved'],
    to: ['interim_reported'],
    by: 'applicant',
  },
  {
    action: 'receive_interim_report',
    from: ['interim_reported'],
    to: ['interim_reported'],
    by: 'officer',
  },
  {
    action: 'submit_final_report',
    from: ['interim_reported', 'change_approved'],
    to: ['final_reported'],
    by: 'applicant',
  },
  { action: 'receive_final_report', from: ['final_reported'], to: ['closed'], by: 'officer' },
];

/** The facts besides the status that some steps depend on. */
export interface GrantFacts {
  readonly status: StoredGrantStatus;
  /** The call's last day to submit (inclusive). */
  readonly deadline: string;
  readonly interimReportSubmitted: boolean;
  readonly interimReportReceived: boolean;
}

/** The status as it stands today: a draft past the call's deadline is not submitted by the deadline. */
export function effectiveStatus(status: StoredGrantStatus, deadline: string, today: string): GrantStatus {
  return status === 'draft' && today > deadline ? 'not_submitted_by_deadline' : status;
}

/** Why a step cannot be taken now, or null when it can. */
export function stepProblem(
  facts: GrantFacts,
  action: GrantAction,
  party: GrantParty,
  today: string,
): 'wrong_party' | 'transition_not_allowed' | 'deadline_passed' | 'interim_report_first' | null {
  const step = GRANT_STEPS.find((s) => s.action === action);
  if (step === undefined) return 'transition_not_allowed';
  if (step.by !== party) return 'wrong_party';
  const status = effectiveStatus(facts.status, facts.deadline, today);
  if (status === 'not_submitted_by_deadline') return 'deadline_passed';
  if (!(step.from as readonly GrantStatus[]).includes(status)) return 'transition_not_allowed';
  if (action === 'submit_interim_report' && facts.interimReportSubmitted) return 'transition_not_allowed';
  if (action === 'receive_interim_report' && facts.interimReportReceived) return 'transition_not_allowed';
  if (action === 'submit_final_report' && !facts.interimReportReceived) return 'interim_report_first';
  return null;
}

/** The steps a party may take now (the server decides, the page reflects). */
export function stepsFor(facts: GrantFacts, party: GrantParty, today: string): GrantAction[] {
  return GRANT_ACTIONS.filter((a) => stepProblem(facts, a, party, today) === null);
}

/** The status a step leads to; `decide` by its outcome. */
export function statusAfter(
  action: GrantAction,
  current: StoredGrantStatus,
  outcome?: 'granted' | 'partly_granted' | 'refused',
): StoredGrantStatus {
  if (action === 'decide') return outcome ?? 'refused';
  const step = GRANT_STEPS.find((s) => s.action === action);
  return step?.to[0] ?? current;
}
