/**
 * The municipality's claim for the compensation it must apply for (issue 14 point 4, ADR 0034): which quarters a claim
 * may cover, its last day, which codes are claimed and which need an attachment, and what blocks a submission. Pure, and
 * shared with the web (the last day, which needs the holiday calendar, is in claims.ts).
 */
import type { CompensationCode } from './calculator.ts';
import { quarterWindow } from './view.ts';

/**
 * A claim's life: a draft the finance officer edits; submitted (frozen); superseded by a later version of the same
 * claim; decided when the Agency has decided every line; paid.
 */
export const CLAIM_STATUSES = ['draft', 'submitted', 'superseded', 'decided', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * The codes a claim carries: those the municipality applies for (`CLAIM_KINDS`: the arrival days, the LVU cost above
 * the schablon). A code applied for later (SFV, school) joins both lists; a unit test keeps them equal.
 */
export const CLAIM_LINE_CODES = [
  'ANKOMST_DYGN',
  'LVU_TILLAGG',
] as const satisfies readonly CompensationCode[];
export type ClaimLineCode = (typeof CLAIM_LINE_CODES)[number];

/**
 * The attachment a line of a code needs before the claim is submitted (research F.2: an LVU claim shows that the child
 * had LVU care — the LVU decision). A code added later (SFV: the court's judgment) adds a row here.
 */
export const REQUIRED_ATTACHMENT: Readonly<Partial<Record<ClaimLineCode, 'lvu_decision'>>> = {
  LVU_TILLAGG: 'lvu_decision',
};

/** The largest attachment a line may carry (a scanned decision of a few pages). */
export const CLAIM_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export interface ClaimProblem {
  readonly field: string;
  readonly code: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The quarter after `quarter` (YYYY-Qn). */
export function quarterAfter(quarter: string): string {
  const match = QUARTER.exec(quarter);
  if (match === null) return quarter;
  const q = Number(match[2]);
  return q === 4 ? `${Number(match[1]) + 1}-Q1` : `${match[1]}-Q${q + 1}`;
}

/**
 * One quarter, or two that follow each other, each ended before `today` (a quarter is claimed after it; research F4).
 */
export function claimQuarterProblems(quarters: readonly string[], today: string): ClaimProblem[] {
  const [first, second] = quarters;
  if (first === undefined || quarters.length > 2)
    return [{ field: 'quarters', code: 'claim_quarters_count' }];
  if (second !== undefined && quarterAfter(first) !== second)
    return [{ field: 'quarters', code: 'claim_quarters_not_consecutive' }];
  const last = quarterWindow(second ?? first);
  if (last === null) return [{ field: 'quarters', code: 'claim_quarters_count' }];
  if (last.to >= today) return [{ field: 'quarters', code: 'claim_quarter_not_ended' }];
  return [];
}

export interface SubmittedLine {
  readonly index: number;
  readonly code: string;
  readonly hasAttachment: boolean;
  /** What Anvisa computes for the line now, whole kronor (0 when the facts no longer give it). */
  readonly amount: number;
}

/**
 * What blocks a submission: no line; a line the facts no longer give (its amount now 0); a line of a code that needs
 * an attachment without one (the LVU decision for an LVU line).
 */
export function submitProblems(lines: readonly SubmittedLine[]): ClaimProblem[] {
  if (lines.length === 0) return [{ field: 'lines', code: 'claim_without_lines' }];
  const problems: ClaimProblem[] = [];
  for (const line of lines) {
    if (line.amount <= 0) problems.push({ field: `lines.${line.index}`, code: 'claim_line_not_computed' });
    const needed = REQUIRED_ATTACHMENT[line.code as ClaimLineCode];
    if (needed !== undefined && !line.hasAttachment)
      problems.push({ field: `lines.${line.index}.attachment`, code: 'claim_attachment_required' });
  }
  return problems;
}

export type ClaimParty = 'municipality' | 'agency';
export const CLAIM_ACTIONS = ['edit', 'submit', 'correct', 'decide', 'pay'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export interface ClaimState {
  readonly status: ClaimStatus;
  /** Whether a later version of the claim exists (a draft or submitted correction). */
  readonly hasLaterVersion: boolean;
  /** Total granted once decided, whole kronor. */
  readonly granted: number;
}

/**
 * The steps a party may take now (the server decides, the page reflects): the municipality edits and submits a draft
 * and corrects a submitted claim not yet decided that has no later version; the Agency decides the lines of a submitted
 * claim and records the payment of a decided one that grants something.
 */
export function claimStepsFor(state: ClaimState, party: ClaimParty): ClaimAction[] {
  if (party === 'municipality') {
    if (state.status === 'draft') return ['edit', 'submit'];
    if (state.status === 'submitted' && !state.hasLaterVersion) return ['correct'];
    return [];
  }
  if (state.status === 'submitted') return ['decide'];
  if (state.status === 'decided' && state.granted > 0) return ['pay'];
  return [];
}
