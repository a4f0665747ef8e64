/**
 * What the Migration Agency pays without a claim, and what it has not paid (issue 14 points 5 and 6, ADR 0035;
 * research F.2 steps F2, F3 and F6, F-R7): the codes a payout holds, the periods it covers (a quarter's schablons per
 * child, a year's annual compensation), what Anvisa computes now next to what was paid, what is still owed, and the
 * rules of recording a payout and answering a municipality's report of a missing schablon. Pure.
 */
import type { CompensationCode } from './calculator.ts';
import { quarterWindow } from './view.ts';

/** The codes the Agency pays per child and quarter without a claim (CLAIM_KINDS `automatic`, the annual ones apart). */
export const QUARTER_PAYOUT_CODES = [
  'ANVISNING_ENGANG',
  'SCHABLON_DYGN',
  'UNGA_DYGN',
] as const satisfies readonly CompensationCode[];

export const PAYOUT_KINDS = ['regular', 'supplementary'] as const;
export type PayoutKind = (typeof PAYOUT_KINDS)[number];

/** One line of a payout, or of what Anvisa computes for one: the child (null for the annual compensation) and code. */
export interface PayoutLine {
  readonly childId: string | null;
  readonly code: CompensationCode;
  /** Days for the daily codes, children for ANVISNING_ENGANG and RORLIG_AR, 1 for FAST_AR. */
  readonly count: number;
  /** Whole kronor. */
  readonly amount: number;
}

export type PayoutPeriod =
  | { readonly kind: 'quarter'; readonly period: string; readonly from: string; readonly to: string }
  | {
      readonly kind: 'year';
      readonly period: string;
      readonly year: number;
      readonly from: string;
      readonly to: string;
    };

/** A payout's period: YYYY-Qn (a quarter's schablons) or YYYY (the annual compensation); null for anything else. */
export function payoutPeriod(period: string): PayoutPeriod | null {
  if (/^\d{4}$/.test(period))
    return { kind: 'year', period, year: Number(period), from: `${period}-01-01`, to: `${period}-12-31` };
  const window = quarterWindow(period);
  return window === null ? null : { kind: 'quarter', period, ...window };
}

/** Computed and paid side by side, per child and code. */
export interface PaidComparison {
  readonly childId: string | null;
  readonly code: CompensationCode;
  readonly computed: { readonly count: number; readonly amount: number };
  readonly paid: { readonly count: number; readonly amount: number };
  /** Computed minus paid: above zero when less has been paid than Anvisa computes now. */
  readonly difference: number;
}

const keyOf = (line: { childId: string | null; code: string }) => `${line.childId ?? ''}|${line.code}`;

/**
 * Per child and code that has an amount on either side: what Anvisa computes now, what was paid (all payouts
 * summed), and the difference. In the order the lines first appear, computed before paid.
 */
export function comparePaid(computed: readonly PayoutLine[], paid: readonly PayoutLine[]): PaidComparison[] {
  const rows = new Map<
    string,
    {
      childId: string | null;
      code: CompensationCode;
      computed: { count: number; amount: number };
      paid: { count: number; amount: number };
    }
  >();
  const add = (line: PayoutLine, side: 'computed' | 'paid') => {
    const key = keyOf(line);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        childId: line.childId,
        code: line.code,
        computed: { count: 0, amount: 0 },
        paid: { count: 0, amount: 0 },
      };
      rows.set(key, row);
    }
    row[side].count += line.count;
    row[side].amount += line.amount;
  };
  for (const line of computed) add(line, 'computed');
  for (const line of paid) add(line, 'paid');
  return [...rows.values()].map((row) => ({ ...row, difference: row.computed.amount - row.paid.amount }));
}

/**
 * What is still owed: per child and code where Anvisa computes more than was paid, the difference in kronor and in
 * days (never below zero). A line paid in excess is not offset against another: a recovery is not a payout.
 */
export function owedLines(computed: readonly PayoutLine[], paid: readonly PayoutLine[]): PayoutLine[] {
  return comparePaid(computed, paid)
    .filter((row) => row.difference > 0)
    .map((row) => ({
      childId: row.childId,
      code: row.code,
      count: Math.max(0, row.computed.count - row.paid.count),
      amount: row.difference,
    }));
}

/** A refused field: the field's name in the request body and a code the UI says in words. */
export interface Problem {
  readonly field: string;
  readonly code: string;
}

/**
 * Recording a payout: a quarter is paid in arrears, after it has ended (F2); the annual compensation within its
 * year or after it. The payment day is never in the future, nor before the period could be paid.
 */
export function payoutProblems(period: PayoutPeriod, paidOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  if (period.kind === 'quarter' && period.to >= today)
    problems.push({ field: 'period', code: 'quarter_not_ended' });
  if (period.kind === 'year' && period.from > today)
    problems.push({ field: 'period', code: 'year_not_begun' });
  if (paidOn > today) problems.push({ field: 'paidOn', code: 'paid_in_future' });
  else if (period.kind === 'quarter' && paidOn <= period.to)
    problems.push({ field: 'paidOn', code: 'paid_before_quarter_end' });
  else if (period.kind === 'year' && paidOn < period.from)
    problems.push({ field: 'paidOn', code: 'paid_before_year' });
  return problems;
}

/** Why the Agency may reject a report of a missing schablon (a closed list; `other` needs the Agency's words). */
export const MISSING_SCHABLON_REJECTIONS = [
  'responsibility_not_registered',
  'already_paid',
  'other',
] as const;
export type MissingSchablonRejection = (typeof MISSING_SCHABLON_REJECTIONS)[number];

export const MISSING_SCHABLON_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type MissingSchablonStatus = (typeof MISSING_SCHABLON_STATUSES)[number];

export interface MissingSchablonAnswer {
  readonly outcome: 'accepted' | 'rejected';
  /** The supplementary payout's day, when accepted. */
  readonly paidOn: string | null;
  readonly reason: MissingSchablonRejection | null;
  readonly text: string;
}

/**
 * Answering a report: an acceptance names the day the supplementary payout is made (from the report's day to
 * today); a rejection names its reason, and `other` says it in words.
 */
export function answerProblems(answer: MissingSchablonAnswer, reportedOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  if (answer.outcome === 'accepted') {
    if (answer.paidOn === null) problems.push({ field: 'paidOn', code: 'paid_on_required' });
    else if (answer.paidOn > today) problems.push({ field: 'paidOn', code: 'paid_in_future' });
    else if (answer.paidOn < reportedOn) problems.push({ field: 'paidOn', code: 'paid_before_report' });
  } else {
    if (answer.reason === null) problems.push({ field: 'reason', code: 'rejection_reason_required' });
    else if (answer.reason === 'other' && answer.text.trim().length < 10)
      problems.push({ field: 'text', code: 'rejection_text_required' });
  }
  return problems;
}

/** A report of a missing schablon says why the municipality believes it: at least ten characters. */
export function reportProblems(explanation: string): Problem[] {
  return explanation.trim().length < 10 ? [{ field: 'explanation', code: 'explanation_short' }] : [];
}

/** A forecast names where it comes from. */
export function forecastProblems(source: string, publishedOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  if (source.trim().length < 3) problems.push({ field: 'source', code: 'source_required' });
  if (publishedOn > today) problems.push({ field: 'publishedOn', code: 'published_in_future' });
  return problems;
}
