/**
 * The rules of the child's special grant (särskilt bidrag; issue 14 point 7, ADR 0033): what an application holds,
 * who may apply (the god man appointed for the child on the day of the application), and what a decision may say.
 * Money is whole kronor. Pure.
 */
import { isActiveOn, type GuardianLink } from '../access/child-scope.ts';
import type { NeedCeiling } from './ceilings.ts';

/** The kinds of need an application names; `other` carries a description. */
export const SPECIAL_GRANT_NEEDS = ['glasses', 'winter_clothes', 'other'] as const;
export type SpecialGrantNeed = (typeof SPECIAL_GRANT_NEEDS)[number];

export const SPECIAL_GRANT_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type SpecialGrantOutcome = (typeof SPECIAL_GRANT_OUTCOMES)[number];

export interface Problem {
  readonly field: string;
  readonly code: string;
}

export interface SpecialGrantDraft {
  readonly need: SpecialGrantNeed;
  readonly description: string;
  /** Whole kronor, more than zero. */
  readonly amount: number;
}

/**
 * Every need is described — what the child needs and why the daily allowance does not cover it, the ground the Agency
 * decides on (ADR 0036); the amount is whole kronor above zero and not above the need's ceiling where a source
 * verifies one. An unverified ceiling is shown as guidance but refuses nothing (ADR 0033 point 5).
 */
export function specialGrantApplicationProblems(
  draft: SpecialGrantDraft,
  ceiling: NeedCeiling | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (draft.description.trim() === '') problems.push({ field: 'description', code: 'description_required' });
  if (!Number.isInteger(draft.amount) || draft.amount <= 0)
    problems.push({ field: 'amount', code: 'amount_positive' });
  else if (ceiling?.verified === true && ceiling.ceiling !== null && draft.amount > ceiling.ceiling)
    problems.push({ field: 'amount', code: 'amount_above_ceiling' });
  return problems;
}

/**
 * Only the god man whose appointment is in force on the application's day applies for the child (a guardianship
 * covers `from` up to, not including, `to`, as everywhere in the access rules).
 */
export function isAppointedGodMan(guardians: readonly GuardianLink[], userId: string, day: string): boolean {
  return guardians.some((g) => g.kind === 'god_man' && g.userId === userId && isActiveOn(g, day));
}

export interface SpecialGrantDecision {
  readonly outcome: SpecialGrantOutcome;
  /** Whole kronor; the applied amount when granted, less when partly granted, none when refused. */
  readonly grantedAmount: number | null;
  readonly reason: string;
}

/**
 * A grant is the applied amount; a partial grant is above zero and below it; a refusal grants nothing; a partial
 * grant and a refusal give their reason (the decision is a legal document and tells the child why).
 */
export function specialGrantDecisionProblems(decision: SpecialGrantDecision, applied: number): Problem[] {
  const problems: Problem[] = [];
  const amount = decision.grantedAmount;
  if (decision.outcome === 'refused') {
    if (amount !== null) problems.push({ field: 'grantedAmount', code: 'refusal_grants_nothing' });
  } else if (amount === null || !Number.isInteger(amount) || amount <= 0) {
    problems.push({ field: 'grantedAmount', code: 'amount_positive' });
  } else if (amount > applied) {
    problems.push({ field: 'grantedAmount', code: 'amount_above_applied' });
  } else if (decision.outcome === 'granted' && amount !== applied) {
    problems.push({ field: 'grantedAmount', code: 'granted_means_applied' });
  } else if (decision.outcome === 'partly_granted' && amount === applied) {
    problems.push({ field: 'grantedAmount', code: 'partly_means_less' });
  }
  if (decision.outcome !== 'granted' && decision.reason.trim() === '')
    problems.push({ field: 'reason', code: 'reason_required' });
  return problems;
}
