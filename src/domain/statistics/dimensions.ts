/**
 * What the statistics count and by what (issue 15, ADR 0039): the measures, the dimensions a table is split by, and
 * the values of each dimension. Every table is split by gender; the other dimensions are chosen. Pure: the periods
 * are computed from the months asked for, the stages from the recorded asylum decision.
 */
import { ARRIVAL_AGE_GROUPS } from './tabulation.ts';

/** What a table counts: each is a count of children (or of placements, or of episodes) in a month. */
export const MEASURES = [
  'arrivals',
  'anvisningar',
  'placements',
  'health_offered',
  'turned_18',
  'missing_episodes',
] as const;
export type Measure = (typeof MEASURES)[number];

/** The dimensions that may be chosen beside time, area and gender. */
export const EXTRA_DIMENSIONS = ['ageGroup', 'nationality', 'asylumStage', 'housingForm'] as const;
export type ExtraDimension = (typeof EXTRA_DIMENSIONS)[number];

export const PERIOD_KINDS = ['month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const AREA_KINDS = ['county', 'municipality', 'none'] as const;
export type AreaLevel = (typeof AREA_KINDS)[number];

export const STAT_GENDERS = ['female', 'male', 'other'] as const;
/**
 * The age at arrival in completed years: the four groups of the open-data tables, and 18+ for a child whose
 * registered birth date (after an age assessment) makes it an adult on the day of arrival.
 */
export const STAT_AGE_GROUPS = [...ARRIVAL_AGE_GROUPS, '18+'] as const;
/** The asylum case as it stands: no case, waiting for a decision, a permit, a refusal (Dublin included), written off. */
export const ASYLUM_STAGES = ['no_case', 'pending', 'permit', 'refused', 'written_off'] as const;
export type AsylumStage = (typeof ASYLUM_STAGES)[number];
/** A nationality held by fewer children than this in the whole country is counted as "other". */
export const NATIONALITY_MIN_CHILDREN = 10;

export function asylumStage(hasCase: boolean, decision: string | null): AsylumStage {
  if (!hasCase) return 'no_case';
  if (decision === null) return 'pending';
  if (decision === 'permanent_permit' || decision === 'temporary_permit') return 'permit';
  if (decision === 'refused' || decision === 'dublin_transfer') return 'refused';
  return 'written_off';
}

/** The months from..to, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const value = `${year}-${String(month).padStart(2, '0')}`;
    if (value > to) return months;
    months.push(value);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

/** The values of the time dimension: each month, or each calendar year the months touch. */
export function periodValues(from: string, to: string, kind: PeriodKind): string[] {
  const months = monthsBetween(from, to);
  return kind === 'month' ? months : [...new Set(months.map((m) => m.slice(0, 4)))];
}

/** A table may span at most ten years of months (120 values). */
export const MAX_MONTHS = 120;
