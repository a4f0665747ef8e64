/**
 * The yearly inspection plan (T1, E-R6): every guardianship authority has one regular inspection each calendar year.
 * A year may be skipped only exceptionally, with the reason recorded, and a skipped year forces an inspection the year
 * after: a skip is refused when the authority was skipped the year before (or, planned ahead, the year after).
 */
import { REASON_MIN_LENGTH } from '../fields.ts';

/** A regular plan entry of one authority: held (planned on a date, in any state) or skipped with a reason. */
export interface PlanEntry {
  readonly year: number;
  readonly skipped: boolean;
}

export type PlanRequest =
  | { readonly kind: 'inspection'; readonly year: number; readonly plannedOn: string }
  | { readonly kind: 'skip'; readonly year: number; readonly reason: string };

export type PlanProblem =
  | { readonly field: 'year'; readonly code: 'already_planned' }
  | { readonly field: 'plannedOn'; readonly code: 'date_outside_year' }
  | { readonly field: 'reason'; readonly code: 'skip_needs_reason' }
  | { readonly field: 'reason'; readonly code: 'skipped_previous_year' }
  | { readonly field: 'reason'; readonly code: 'skipped_next_year' };

/** Why the request cannot enter the plan of an authority with these regular entries, or null when it can. */
export function planProblem(entries: readonly PlanEntry[], request: PlanRequest): PlanProblem | null {
  if (entries.some((e) => e.year === request.year)) return { field: 'year', code: 'already_planned' };
  if (request.kind === 'inspection') {
    return request.plannedOn.slice(0, 4) === String(request.year)
      ? null
      : { field: 'plannedOn', code: 'date_outside_year' };
  }
  if (request.reason.trim().length < REASON_MIN_LENGTH) return { field: 'reason', code: 'skip_needs_reason' };
  if (entries.some((e) => e.year === request.year - 1 && e.skipped))
    return { field: 'reason', code: 'skipped_previous_year' };
  // A year planned ahead and skipped forces this one too: two skipped years in a row either way round.
  if (entries.some((e) => e.year === request.year + 1 && e.skipped))
    return { field: 'reason', code: 'skipped_next_year' };
  return null;
}

/** Where an authority stands in a year's plan: planned (or held), skipped, or not yet in the plan. */
export type PlanStatus = 'planned' | 'skipped' | 'unplanned';

export interface AuthorityPlan {
  readonly status: PlanStatus;
  /** Skipped the year before: this year's inspection cannot be skipped (E-R6). */
  readonly mustInspect: boolean;
}

export function authorityPlan(entries: readonly PlanEntry[], year: number): AuthorityPlan {
  const entry = entries.find((e) => e.year === year);
  return {
    status: entry === undefined ? 'unplanned' : entry.skipped ? 'skipped' : 'planned',
    mustInspect: entries.some((e) => e.year === year - 1 && e.skipped),
  };
}

/** Every year that breaks E-R6 in an authority's history: two skipped years in a row (the second should not exist). */
export function consecutiveSkips(entries: readonly PlanEntry[]): number[] {
  const skipped = new Set(entries.filter((e) => e.skipped).map((e) => e.year));
  return [...skipped].filter((y) => skipped.has(y - 1)).sort((a, b) => a - b);
}
