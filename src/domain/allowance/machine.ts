/**
 * The special grant's (särskilt bidrag) application machine (issue 14 point 7, ADR 0033): the child's god man drafts
 * and submits on the child's behalf; the Agency's compensation officer decides (granted, partly granted or refused
 * with a reason) and records the payment of a grant. Nothing is paid before a grant.
 */

export const SPECIAL_GRANT_STATUSES = [
  'draft',
  'submitted',
  'granted',
  'partly_granted',
  'refused',
  'paid',
] as const;
export type SpecialGrantStatus = (typeof SPECIAL_GRANT_STATUSES)[number];

/** Who takes a step: the child's god man, or the Agency's compensation officer. */
export type SpecialGrantParty = 'god_man' | 'officer';

export const SPECIAL_GRANT_ACTIONS = ['submit', 'decide', 'pay'] as const;
export type SpecialGrantAction = (typeof SPECIAL_GRANT_ACTIONS)[number];

export interface SpecialGrantStep {
  readonly action: SpecialGrantAction;
  readonly from: readonly SpecialGrantStatus[];
  /** The status after the step; `decide` names its outcome. */
  readonly to: readonly SpecialGrantStatus[];
  readonly by: SpecialGrantParty;
}

/** The machine as data; the use cases, the steps a view offers and the tests read it. */
export const SPECIAL_GRANT_STEPS: readonly SpecialGrantStep[] = [
  { action: 'submit', from: ['draft'], to: ['submitted'], by: 'god_man' },
  { action: 'decide', from: ['submitted'], to: ['granted', 'partly_granted', 'refused'], by: 'officer' },
  { action: 'pay', from: ['granted', 'partly_granted'], to: ['paid'], by: 'officer' },
];

/** Why a step cannot be taken from a status by a party, or null when it can. */
export function specialGrantStepProblem(
  status: SpecialGrantStatus,
  action: SpecialGrantAction,
  party: SpecialGrantParty,
): 'wrong_party' | 'transition_not_allowed' | null {
  const step = SPECIAL_GRANT_STEPS.find((s) => s.action === action);
  if (step === undefined) return 'transition_not_allowed';
  if (step.by !== party) return 'wrong_party';
  return step.from.includes(status) ? null : 'transition_not_allowed';
}

/** The steps a party may take now (the server decides, the page reflects). */
export function specialGrantStepsFor(
  status: SpecialGrantStatus,
  party: SpecialGrantParty,
): SpecialGrantAction[] {
  return SPECIAL_GRANT_ACTIONS.filter((a) => specialGrantStepProblem(status, a, party) === null);
}
