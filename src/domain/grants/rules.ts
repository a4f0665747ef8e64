/**
 * The rules of the §37a grant for refugee guides and family contacts (37 a § förordningen 2010:1122; ADR 0028):
 * who may apply and what an application holds (E-R8), no costs before the decision and changes only when approved
 * (E-R9), never more granted in a county than its allotment (E-R10), the reports' due dates and reminders, and the
 * national summary. Money is whole kronor.
 */
import { addDays } from '../time.ts';
import type { OrganisationType } from '../access/roles.ts';
import { effectiveStatus, type GrantStatus, type StoredGrantStatus } from './machine.ts';

/** The four purposes of 37 a §; an application names at least one. */
export const GRANT_PURPOSES = ['establishment', 'networks', 'language', 'unaccompanied_support'] as const;
export type GrantPurpose = (typeof GRANT_PURPOSES)[number];

export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface BudgetLine {
  readonly description: string;
  /** Whole kronor, more than zero. */
  readonly amount: number;
  /** The day the cost falls due. */
  readonly costDate: string;
}

export interface ApplicationDraft {
  readonly applicantType: OrganisationType;
  readonly signatoryName: string;
  readonly signatoryTitle: string;
  readonly purposes: readonly GrantPurpose[];
  readonly budget: readonly BudgetLine[];
}

export interface Problem {
  readonly field: string;
  readonly code: string;
}

/** E-R8: only a municipality applies, a signatory is named, at least one purpose, at least one budget line. */
export function applicationProblems(draft: ApplicationDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.applicantType !== 'municipality')
    problems.push({ field: 'applicant', code: 'not_a_municipality' });
  if (draft.signatoryName.trim() === '')
    problems.push({ field: 'signatoryName', code: 'signatory_required' });
  if (draft.signatoryTitle.trim() === '')
    problems.push({ field: 'signatoryTitle', code: 'signatory_required' });
  if (draft.purposes.length === 0) problems.push({ field: 'purposes', code: 'purpose_required' });
  if (draft.budget.length === 0) problems.push({ field: 'budget', code: 'budget_required' });
  draft.budget.forEach((line, i) => {
    if (!Number.isInteger(line.amount) || line.amount <= 0)
      problems.push({ field: `budget.${i}.amount`, code: 'amount_positive' });
  });
  return problems;
}

/** The sum of the budget lines: what the municipality asks for. */
export function requestedAmount(budget: readonly BudgetLine[]): number {
  return budget.reduce((sum, line) => sum + line.amount, 0);
}

/** E-R9: the budget lines dated before the decision date (not eligible: a grant is never retroactive). */
export function costsBeforeDecision(budget: readonly BudgetLine[], decisionDate: string): Problem[] {
  return budget.flatMap((line, i) =>
    line.costDate < decisionDate ? [{ field: `budget.${i}.costDate`, code: 'cost_before_decision' }] : [],
  );
}

/** What has been granted so far in a county this year, and what is left of its allotment. */
export function remainingAllotment(allotment: number, grantedSoFar: readonly number[]): number {
  return allotment - grantedSoFar.reduce((sum, amount) => sum + amount, 0);
}

export type DecisionProblem =
  | { readonly code: 'allotment_exceeded'; readonly remaining: number }
  | { readonly code: 'no_allotment' }
  | { readonly code: 'amount_above_requested' }
  | { readonly code: 'amount_required' }
  | { readonly code: 'partly_means_less' }
  | { readonly code: 'granted_means_requested' };

/**
 * E-R10 and the decision's own consistency: a grant (wholly or partly) for an amount above zero, never above what
 * was asked for, and never so much that the county's sum exceeds its allotment — then the remaining amount is named.
 * A refusal grants nothing and always fits.
 */
export function decisionProblem(input: {
  readonly outcome: DecisionOutcome;
  readonly amount: number;
  readonly requested: number;
  /** The county's allotment for the call's year, or null when the national level has set none. */
  readonly allotment: number | null;
  readonly grantedSoFar: readonly number[];
}): DecisionProblem | null {
  if (input.outcome === 'refused') return null;
  if (!Number.isInteger(input.amount) || input.amount <= 0) return { code: 'amount_required' };
  if (input.amount > input.requested) return { code: 'amount_above_requested' };
  if (input.outcome === 'granted' && input.amount !== input.requested)
    return { code: 'granted_means_requested' };
  if (input.outcome === 'partly_granted' && input.amount >= input.requested)
    return { code: 'partly_means_less' };
  if (input.allotment === null) return { code: 'no_allotment' };
  const remaining = remainingAllotment(input.allotment, input.grantedSoFar);
  if (input.amount > remaining) return { code: 'allotment_exceeded', remaining: Math.max(0, remaining) };
  return null;
}

/** The national pot shared among the counties: the allotments may not together exceed it. */
export function allotmentsProblem(
  pot: number,
  allotments: readonly number[],
): 'allotments_exceed_pot' | null {
  return allotments.reduce((sum, a) => sum + a, 0) > pot ? 'allotments_exceed_pot' : null;
}

/** How many days before a report is due the applicant is reminded. */
export const REMINDER_DAYS_BEFORE = 30;

export type ReminderState = 'due' | 'overdue';
export interface ReportReminder {
  readonly report: 'interim' | 'final';
  readonly dueOn: string;
  readonly state: ReminderState;
}

/** The facts a report reminder derives from. */
export interface ReportFacts {
  readonly status: StoredGrantStatus;
  readonly deadline: string;
  readonly interimReportDueOn: string;
  readonly finalReportDueOn: string;
  readonly interimReportSubmitted: boolean;
  readonly finalReportSubmitted: boolean;
}

const REPORTING: readonly GrantStatus[] = ['paid', 'change_requested', 'change_approved', 'interim_reported'];

/**
 * The reports the applicant owes today: from the payment on, each report not yet submitted is `due` within
 * REMINDER_DAYS_BEFORE days of its date and `overdue` after it. Derived from the state — there is no task store.
 */
export function reportReminders(facts: ReportFacts, today: string): ReportReminder[] {
  const status = effectiveStatus(facts.status, facts.deadline, today);
  if (!REPORTING.includes(status)) return [];
  const owed: { report: 'interim' | 'final'; dueOn: string; submitted: boolean }[] = [
    { report: 'interim', dueOn: facts.interimReportDueOn, submitted: facts.interimReportSubmitted },
    { report: 'final', dueOn: facts.finalReportDueOn, submitted: facts.finalReportSubmitted },
  ];
  return owed.flatMap(({ report, dueOn, submitted }): ReportReminder[] => {
    if (submitted) return [];
    if (today > dueOn) return [{ report, dueOn, state: 'overdue' }];
    if (today >= addDays(dueOn, -REMINDER_DAYS_BEFORE)) return [{ report, dueOn, state: 'due' }];
    return [];
  });
}

export interface SummaryInput {
  readonly countyCode: string;
  readonly municipalityCode: string;
  readonly status: GrantStatus;
  /** The decision's outcome, once decided. */
  readonly outcome: DecisionOutcome | null;
  readonly grantedAmount: number | null;
}

export interface SummaryRow {
  /** Submitted applications (drafts and those never submitted do not count). */
  readonly applications: number;
  /** Municipalities with at least one submitted application. */
  readonly municipalities: number;
  readonly grantedWholly: number;
  readonly grantedPartly: number;
  readonly refused: number;
  /** Granted wholly or partly. */
  readonly granted: number;
  readonly grantedAmount: number;
}

export interface NationalSummary {
  readonly counties: readonly (SummaryRow & { readonly countyCode: string })[];
  readonly total: SummaryRow;
}

function row(items: readonly SummaryInput[]): SummaryRow {
  const applied = items.filter((i) => i.status !== 'draft' && i.status !== 'not_submitted_by_deadline');
  const wholly = applied.filter((i) => i.outcome === 'granted').length;
  const partly = applied.filter((i) => i.outcome === 'partly_granted').length;
  return {
    applications: applied.length,
    municipalities: new Set(applied.map((i) => i.municipalityCode)).size,
    grantedWholly: wholly,
    grantedPartly: partly,
    refused: applied.filter((i) => i.outcome === 'refused').length,
    granted: wholly + partly,
    grantedAmount: applied.reduce(
      (sum, i) => sum + (i.outcome === 'refused' ? 0 : (i.grantedAmount ?? 0)),
      0,
    ),
  };
}

/** G8: the year's applications, applying municipalities and grants per county and in total. */
export function nationalSummary(items: readonly SummaryInput[]): NationalSummary {
  const codes = [...new Set(items.map((i) => i.countyCode))].sort();
  return {
    counties: codes.map((countyCode) => ({
      countyCode,
      ...row(items.filter((i) => i.countyCode === countyCode)),
    })),
    total: row(items),
  };
}
