/**
 * Turning 18 (reception-workflows.md §2.1 A13): the municipality decides before the birthday whether it continues its
 * responsibility (aftercare, at most to the 21st birthday; to be reported to the Migration Agency at least three
 * weeks before the birthday) or lets it end on the birthday. Without a decision the Migration Agency's rule ends it
 * on the birthday; the god man's assignment ends by law at 18 in every case. Pure: the daily rules job asks
 * `dailyActions` what is due for one child today.
 */
import { birthday } from '../deadlines/calendar.ts';
import { deadlines } from '../deadlines/rules.ts';

/**
 * From this age the child's page offers the decision about responsibility after 18 (continue it, or let it end on the
 * birthday). The municipality may decide earlier, but a year ahead is when the question is real: earlier the steps
 * would only fill the section. Anvisa's choice, not a rule of law.
 */
export const TURNING18_DECISION_OFFERED_FROM_AGE = 17;

export interface Turning18Dates {
  readonly birthday18: string;
  readonly birthday21: string;
  /** The worklist warning five weeks before the birthday. */
  readonly warningDue: string;
  /** The last day to report continued responsibility (three weeks before the birthday). */
  readonly noticeDue: string;
}

export function turning18Dates(birthDate: string): Turning18Dates {
  return {
    birthday18: birthday(birthDate, 18),
    birthday21: birthday(birthDate, 21),
    warningDue: deadlines.turning18Warning(birthDate).due,
    noticeDue: deadlines.continuedResponsibilityNotice(birthDate).due,
  };
}

export type ContinuedUntilProblem = 'not_after_18' | 'after_21';

/** Aftercare runs from the 18th birthday to a day after it, at most the 21st birthday. */
export function continuedUntilProblem(
  continuedUntil: string,
  birthDate: string,
): ContinuedUntilProblem | null {
  const { birthday18, birthday21 } = turning18Dates(birthDate);
  if (continuedUntil <= birthday18) return 'not_after_18';
  if (continuedUntil > birthday21) return 'after_21';
  return null;
}

/** Whether continued responsibility was reported to the Migration Agency in time (three weeks before the birthday). */
export function reportedInTime(reportedOn: string, birthDate: string): boolean {
  return reportedOn <= turning18Dates(birthDate).noticeDue;
}

export type DailyAction =
  /** No decision to continue: responsibility ends by the Migration Agency's rule on the birthday. */
  | { readonly kind: 'end_at_18'; readonly on: string }
  /** The municipality decided to end its responsibility: the end takes hold on the birthday. */
  | { readonly kind: 'end_as_decided'; readonly on: string }
  /** Continued responsibility: the god man's assignment still ends by law on the birthday. */
  | { readonly kind: 'end_guardianship'; readonly on: string }
  /** Aftercare ran to its end date. */
  | { readonly kind: 'end_aftercare'; readonly on: string };

export interface DailyFacts {
  /** The responsibility machine's state. */
  readonly state: string;
  readonly birthDate: string;
  /** The child's responsibility periods (`to` null: open-ended). */
  readonly periods: readonly { readonly from: string; readonly to: string | null }[];
  /** The municipality recorded a decision to end its responsibility at 18. */
  readonly decidedToEnd: boolean;
  /** A god man or special custodian is requested or appointed. */
  readonly guardianshipOpen: boolean;
}

const BEFORE_18 = new Set(['arrival_municipality', 'assigned', 'received']);

/** What the daily rules must do for one child today; empty when nothing is due (so running twice does nothing). */
export function dailyActions(facts: DailyFacts, today: string): DailyAction[] {
  const { birthday18 } = turning18Dates(facts.birthDate);
  const turned18 = birthday18 <= today;
  if (BEFORE_18.has(facts.state)) return turned18 ? [{ kind: 'end_at_18', on: birthday18 }] : [];
  if (facts.state === 'ended') {
    // A decided end leaves the periods running to the birthday; the rule closes them then.
    const stillRunning = facts.periods.some((p) => p.to === null || p.to > birthday18);
    return turned18 && facts.decidedToEnd && stillRunning ? [{ kind: 'end_as_decided', on: birthday18 }] : [];
  }
  if (facts.state !== 'continued_after_18') return [];
  const actions: DailyAction[] = [];
  if (turned18 && facts.guardianshipOpen) actions.push({ kind: 'end_guardianship', on: birthday18 });
  const ends = facts.periods.map((p) => p.to);
  if (ends.length > 0 && !ends.includes(null)) {
    const last = (ends as string[]).reduce((a, b) => (a > b ? a : b));
    if (last <= today) actions.push({ kind: 'end_aftercare', on: last });
  }
  return actions;
}
