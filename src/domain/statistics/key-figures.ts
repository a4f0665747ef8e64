/**
 * Key figures of the child's case, always split by gender and age band (every figure is seen by gender): pure
 * aggregation of observations, with small cells suppressed so that no figure points out a single child.
 */
import { ageOn } from '../time.ts';
import { protect } from './disclosure.ts';
import { cellKey, tabulate, TOTAL } from './tabulation.ts';

export const AGE_BANDS = ['0-12', '13-15', '16-17', '18+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const FIGURE_GENDERS = ['female', 'male', 'other'] as const;
export type FigureGender = (typeof FIGURE_GENDERS)[number];

/** A recorded gender as a figure counts it: female, male, or everything else (unknown included) as other. */
export function figureGender(value: string): FigureGender {
  return (FIGURE_GENDERS as readonly string[]).includes(value) ? (value as FigureGender) : 'other';
}

/** Cells with fewer observations than this are shown as "fewer than N", without their values. */
export const MIN_CELL = 5;

export function ageBand(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  if (age <= 12) return '0-12';
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return '18+';
}

export interface Observation {
  readonly gender: FigureGender;
  readonly ageBand: AgeBand;
  /** Days the process took, or null when it has not finished (counted as not within the goal). */
  readonly days: number | null;
  readonly withinGoal: boolean;
}

export interface FigureCell {
  readonly gender: FigureGender | 'all';
  readonly ageBand: AgeBand | 'all';
  /** Number of children; null when suppressed (fewer than MIN_CELL but more than zero). */
  readonly n: number | null;
  readonly suppressed: boolean;
  /** Median days among the finished ones. */
  readonly medianDays: number | null;
  /** Share within the goal, 0–1. */
  readonly withinGoal: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value ?? null;
}

function cell(
  gender: FigureCell['gender'],
  band: FigureCell['ageBand'],
  observations: readonly Observation[],
  minCell: number,
): FigureCell {
  const n = observations.length;
  if (n > 0 && n < minCell)
    return { gender, ageBand: band, n: null, suppressed: true, medianDays: null, withinGoal: null };
  const finished = observations.flatMap((o) => (o.days === null ? [] : [o.days]));
  return {
    gender,
    ageBand: band,
    n,
    suppressed: false,
    medianDays: median(finished),
    withinGoal: n === 0 ? null : observations.filter((o) => o.withinGoal).length / n,
  };
}

/**
 * Every gender × age band, each gender and each band on its own, and the total. The counts are protected as a table
 * (unless `minCell` is 0, for tests of the arithmetic; src/domain/statistics/disclosure.ts): a count of 1–4 is hidden, and so is every cell from which a hidden one could
 * be worked out by subtraction from a total; a hidden cell shows neither its count nor its median or share.
 */
export function keyFigure(observations: readonly Observation[], minCell = MIN_CELL): FigureCell[] {
  const cells: FigureCell[] = [];
  for (const gender of [...FIGURE_GENDERS, 'all'] as const) {
    for (const band of [...AGE_BANDS, 'all'] as const) {
      const matching = observations.filter(
        (o) => (gender === 'all' || o.gender === gender) && (band === 'all' || o.ageBand === band),
      );
      cells.push(cell(gender, band, matching, minCell));
    }
  }
  if (minCell <= 0) return cells;
  const counts = tabulate(
    [
      { name: 'gender', values: FIGURE_GENDERS },
      { name: 'ageBand', values: AGE_BANDS },
    ],
    observations.map((o) => [o.gender, o.ageBand]),
  );
  const hidden = new Set(
    protect(counts)
      .cells.filter((c) => c.suppressed)
      .map((c) => cellKey(c.key)),
  );
  const asKey = (value: string) => (value === 'all' ? TOTAL : value);
  return cells.map((c) =>
    hidden.has(cellKey([asKey(c.gender), asKey(c.ageBand)]))
      ? { ...c, n: null, suppressed: true, medianDays: null, withinGoal: null }
      : c,
  );
}
