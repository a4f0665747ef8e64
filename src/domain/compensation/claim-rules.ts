/**
 * The municipality's claim for the compensation it must apply for (issue 14 point 4, ADR 0034): which quarters a claim
 * may cover, its last day, which codes are claimed and which need an attachment, and what blocks a submission. Pure, and
 * shared with the web (the last day, which needs the holiday calendar, is in claims.ts).
 */
import type { CompensationCode } from './calculator.ts';
import { previousQuarter, quarterWindow } from './view.ts';

/**
 * A claim's life: a draft the finance officer edits; submitted (frozen); superseded by a later version of the same
 * claim; decided when the Agency has decided every line; paid.
 */
export const CLAIM_STATUSES = ['draft', 'submitted', 'superseded', 'decided', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * The codes a claim carries: those the municipality applies for (`CLAIM_KINDS`: the arrival days, the LVU cost above
 * the schablon, education, the special custodian's costs); a unit test keeps the two lists equal.
 */
export const CLAIM_LINE_CODES = [
  'ANKOMST_DYGN',
  'LVU_TILLAGG',
  'UTBILDNING',
  'SFV_KOSTNAD',
] as const satisfies readonly CompensationCode[];
export type ClaimLineCode = (typeof CLAIM_LINE_CODES)[number];

/** The documents a line may need: the LVU decision; the district court's judgment on the special custodian. */
export type AttachmentKind = 'lvu_decision' | 'court_judgment';

/**
 * The attachment a line needs before the claim is submitted (research F.2): an LVU line the LVU decision (the child
 * had LVU care); the child's first SFV line the court's judgment that moved the custody — once a submitted claim has
 * carried it to the Agency, the child's later SFV lines need none. Null when the line needs none.
 */
export function requiredAttachment(code: ClaimLineCode, judgmentSubmitted: boolean): AttachmentKind | null {
  if (code === 'LVU_TILLAGG') return 'lvu_decision';
  if (code === 'SFV_KOSTNAD' && !judgmentSubmitted) return 'court_judgment';
  return null;
}

/** The codes whose amount the municipality states in the claim (its actual cost): Anvisa counts the days. */
export const STATED_AMOUNT_CODES: ReadonlySet<ClaimLineCode> = new Set<ClaimLineCode>(['SFV_KOSTNAD']);

/**
 * A draft line's amount: for a stated-amount line (SFV) the cost the municipality states, while Anvisa still counts
 * days for it; for the others what Anvisa computes now. 0 when Anvisa no longer gives the line (`computed` null).
 */
export function draftAmount(code: string, statedAmount: number | null, computed: number | null): number {
  if (computed === null) return 0;
  return STATED_AMOUNT_CODES.has(code as ClaimLineCode) ? (statedAmount ?? 0) : computed;
}

/** The largest amount a line may state (a quarter's cost for one child is far below it). */
export const STATED_AMOUNT_MAX = 10_000_000;

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

/** The quarters a new claim may be drafted for, newest first: the twelve up to the one before `today`'s. */
export function claimableQuarters(today: string): string[] {
  const quarters = [previousQuarter(today)];
  while (quarters.length < 12) quarters.push(quarterBefore(quarters[quarters.length - 1] ?? ''));
  return quarters;
}

/** The quarter before `quarter` (YYYY-Qn). */
export function quarterBefore(quarter: string): string {
  const match = QUARTER.exec(quarter);
  if (match === null) return quarter;
  const q = Number(match[2]);
  return q === 1 ? `${Number(match[1]) - 1}-Q4` : `${match[1]}-Q${q - 1}`;
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
  readonly code: ClaimLineCode;
  readonly hasAttachment: boolean;
  /** What Anvisa computes for the line now, whole kronor (0 when the facts no longer give it). */
  readonly amount: number;
  /** Days Anvisa counts for the line now (0 when the facts no longer give it). */
  readonly count: number;
  /** A stated-amount line's amount as the municipality states it; null when not stated (or not such a line). */
  readonly statedAmount: number | null;
  /** Whether a submitted claim has already carried the court's judgment for the child (SFV). */
  readonly judgmentSubmitted: boolean;
}

/**
 * What blocks a submission: no line; a line the facts no longer give (no days, or its amount now 0); a stated-amount
 * line (SFV) whose cost is not stated; a line without the attachment it needs (the LVU decision; the court's judgment
 * on the child's first SFV line).
 */
export function submitProblems(lines: readonly SubmittedLine[]): ClaimProblem[] {
  if (lines.length === 0) return [{ field: 'lines', code: 'claim_without_lines' }];
  const problems: ClaimProblem[] = [];
  for (const line of lines) {
    const stated = STATED_AMOUNT_CODES.has(line.code);
    if (stated ? line.count <= 0 : line.amount <= 0)
      problems.push({ field: `lines.${line.index}`, code: 'claim_line_not_computed' });
    else if (stated && (line.statedAmount === null || line.statedAmount <= 0))
      problems.push({ field: `lines.${line.index}.statedAmount`, code: 'claim_amount_required' });
    const needed = requiredAttachment(line.code, line.judgmentSubmitted);
    if (needed !== null && !line.hasAttachment)
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
