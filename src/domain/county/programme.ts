/**
 * The regional development programme (issue 13 point 3; research E.1): adopted every second year by the county's
 * working group, in which every municipality of the county is represented, with goals, measures, responsible parties
 * and indicators tied to Anvisa's own figures, followed up each year. Pure: what a programme must hold, and whether an
 * indicator's value meets its target.
 */

/** A programme spans two calendar years ("antas vartannat år"). */
export const PROGRAMME_YEARS = 2;

/**
 * The indicators Anvisa computes for a county and year:
 * - `god_man_median_days`: median days from the request for a god man to the appointment (lower is better);
 * - `school_start_within_goal_share`: per cent of the children who started school within 30 days of arrival;
 * - `capacity_reported_share`: per cent of the capacity reports the municipalities owed that were given;
 * - `familjehem_share`: per cent of the placements begun in the year that were in a family home.
 */
export const PROGRAMME_INDICATORS = [
  'god_man_median_days',
  'school_start_within_goal_share',
  'capacity_reported_share',
  'familjehem_share',
] as const;
export type ProgrammeIndicator = (typeof PROGRAMME_INDICATORS)[number];

export const INDICATOR_DIRECTION: Readonly<Record<ProgrammeIndicator, 'at_most' | 'at_least'>> = {
  god_man_median_days: 'at_most',
  school_start_within_goal_share: 'at_least',
  capacity_reported_share: 'at_least',
  familjehem_share: 'at_least',
};

/** Whether the indicators count children (and so are shown by gender too). */
export const INDICATOR_BY_GENDER: Readonly<Record<ProgrammeIndicator, boolean>> = {
  god_man_median_days: true,
  school_start_within_goal_share: true,
  capacity_reported_share: false,
  familjehem_share: true,
};

/** Met, not met, or unknown (no value: too few to show, or no data for the year). */
export function indicatorMet(kind: ProgrammeIndicator, target: number, value: number | null): boolean | null {
  if (value === null) return null;
  return INDICATOR_DIRECTION[kind] === 'at_most' ? value <= target : value >= target;
}

export interface ProgrammeSpan {
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface ProgrammeProblem {
  readonly field: 'lastYear' | 'firstYear' | 'workingGroup' | 'adoptedOn';
  readonly code:
    'two_years' | 'overlaps_programme' | 'not_all_represented' | 'other_county' | 'adopted_after_start';
}

/**
 * A programme covers two consecutive years that no other programme of the county covers, is adopted no later than its
 * first year's end, and its working group holds every municipality of the county and no other.
 */
export function programmeProblems(
  programme: ProgrammeSpan & { readonly adoptedOn: string; readonly workingGroup: readonly string[] },
  countyMunicipalities: readonly string[],
  existing: readonly ProgrammeSpan[],
): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  if (programme.lastYear !== programme.firstYear + PROGRAMME_YEARS - 1)
    problems.push({ field: 'lastYear', code: 'two_years' });
  if (existing.some((e) => e.firstYear <= programme.lastYear && programme.firstYear <= e.lastYear))
    problems.push({ field: 'firstYear', code: 'overlaps_programme' });
  if (Number(programme.adoptedOn.slice(0, 4)) > programme.firstYear)
    problems.push({ field: 'adoptedOn', code: 'adopted_after_start' });
  const county = new Set(countyMunicipalities);
  const group = new Set(programme.workingGroup);
  if (programme.workingGroup.some((code) => !county.has(code)))
    problems.push({ field: 'workingGroup', code: 'other_county' });
  else if (countyMunicipalities.some((code) => !group.has(code)))
    problems.push({ field: 'workingGroup', code: 'not_all_represented' });
  return problems;
}

/** A per cent with one decimal, or null without a base (or under the smallest count shown). */
export function percent(part: number, whole: number, minWhole = 1): number | null {
  if (whole < minWhole || whole === 0) return null;
  return Math.round((1000 * part) / whole) / 10;
}
