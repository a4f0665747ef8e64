/**
 * The capacity survey (lägesbild, issue 13 point 1; research E.2 step E9 and reception-workflows §4): each
 * municipality reports per period the county sets — places by housing form (guaranteed and movable), places for the
 * target groups, school, health, leisure, available gode män and special custodians, and a self-assessment. The county
 * sets the reported figures beside what Anvisa knows. Pure: the periods' rules, the report's consistency, what is
 * due, and the comparison.
 */

/** The housing forms a municipality reports places for; HVB split into the municipality's own and purchased places. */
export const CAPACITY_HOUSING = ['hvb_own', 'hvb_purchased', 'stodboende', 'familjehem', 'jourhem'] as const;
export type CapacityHousing = (typeof CAPACITY_HOUSING)[number];

/** The target groups places are reported for (the providers register's vocabulary). */
export const CAPACITY_TARGET_GROUPS = ['girls', 'younger', 'special_needs'] as const;
export type CapacityTargetGroup = (typeof CAPACITY_TARGET_GROUPS)[number];

/** How the municipality judges the children's access to health care. */
export const HEALTH_ACCESS = ['good', 'limited', 'insufficient'] as const;
export type HealthAccess = (typeof HEALTH_ACCESS)[number];

export interface PlaceCount {
  /** Places the municipality guarantees for the period (contracted or its own). */
  readonly guaranteed: number;
  /** Places it can make available at short notice (rörliga platser). */
  readonly movable: number;
}

export interface CapacityAnswers {
  readonly places: Readonly<Record<CapacityHousing, PlaceCount>>;
  readonly targetGroups: Readonly<Record<CapacityTargetGroup, number>>;
  /** Places in the language introduction programme (språkintroduktion) open to newly arrived young people. */
  readonly languageIntroductionPlaces: number;
  readonly healthAccess: HealthAccess;
  readonly healthNote: string;
  readonly leisureNote: string;
  readonly godMenAvailable: number;
  readonly specialCustodiansAvailable: number;
  readonly selfAssessment: string;
}

/** Every place the municipality reports, guaranteed and movable, over the housing forms. */
export function totalPlaces(answers: Pick<CapacityAnswers, 'places'>): number {
  return CAPACITY_HOUSING.reduce(
    (sum, form) => sum + answers.places[form].guaranteed + answers.places[form].movable,
    0,
  );
}

export interface CapacityProblem {
  readonly field: string;
  readonly code: 'exceeds_total_places';
}

/** A target group's places are a part of all places: none may exceed the total reported. */
export function capacityProblems(answers: CapacityAnswers): CapacityProblem[] {
  const total = totalPlaces(answers);
  return CAPACITY_TARGET_GROUPS.filter((g) => answers.targetGroups[g] > total).map((g) => ({
    field: `targetGroups.${g}`,
    code: 'exceeds_total_places',
  }));
}

export interface CapacityPeriod {
  readonly startsOn: string;
  readonly endsOn: string;
  /** The day the reports are due. */
  readonly dueOn: string;
}

export interface PeriodProblem {
  readonly field: 'endsOn' | 'dueOn' | 'startsOn';
  readonly code: 'before_start' | 'due_before_start' | 'overlaps_period';
}

/**
 * A period runs from its first to its last day; reports are due on or after its first day; a county's periods do
 * not overlap (twice a year, say, each with its own survey).
 */
export function periodProblems(period: CapacityPeriod, others: readonly CapacityPeriod[]): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (period.endsOn < period.startsOn) problems.push({ field: 'endsOn', code: 'before_start' });
  if (period.dueOn < period.startsOn) problems.push({ field: 'dueOn', code: 'due_before_start' });
  if (others.some((o) => o.startsOn <= period.endsOn && period.startsOn <= o.endsOn))
    problems.push({ field: 'startsOn', code: 'overlaps_period' });
  return problems;
}

/** A report may be given or revised from the period's first day to its last day or due day, whichever is later. */
export function mayReportOn(period: CapacityPeriod, today: string): boolean {
  return today >= period.startsOn && today <= (period.dueOn > period.endsOn ? period.dueOn : period.endsOn);
}

/** What a municipality owes for a period today: nothing yet, a report due, an overdue report, or nothing (reported). */
export type ReportDue = 'not_yet' | 'due' | 'overdue' | 'reported';

/** The reminder task: from the period's first day a missing report is due, after the due day it is overdue. */
export function reportDue(period: CapacityPeriod, reported: boolean, today: string): ReportDue {
  if (reported) return 'reported';
  if (today < period.startsOn) return 'not_yet';
  return today > period.dueOn ? 'overdue' : 'due';
}

/**
 * Whether the county may remind the municipalities of a period today: while reports may be given, and only when some
 * municipality still owes its report (due or overdue).
 */
export function mayRemind(period: CapacityPeriod, dues: readonly ReportDue[], today: string): boolean {
  return dues.some((d) => d === 'due' || d === 'overdue') && mayReportOn(period, today);
}

export interface KnownFigures {
  /** Children placed now, by the municipalities responsible for them, in its own register's forms. */
  readonly placedNow: number;
  /** Places in the providers register (active providers in the municipality), and how many are free. */
  readonly registeredPlaces: number;
  readonly freePlaces: number;
}

/**
 * The dialogue's flags where the report and Anvisa disagree: fewer places reported than children placed now, or
 * more free places in the register than the municipality reports in all. Each is a question for the dialogue, not a
 * verdict.
 */
export type CapacityFlag = 'fewer_places_than_placed' | 'register_exceeds_report';

export function capacityFlags(answers: Pick<CapacityAnswers, 'places'>, known: KnownFigures): CapacityFlag[] {
  const total = totalPlaces(answers);
  const flags: CapacityFlag[] = [];
  if (total < known.placedNow) flags.push('fewer_places_than_placed');
  if (known.freePlaces > total) flags.push('register_exceeds_report');
  return flags;
}
