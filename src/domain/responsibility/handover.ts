/**
 * The hand-over from the arrival municipality to the assigned one (reception-workflows.md §2.1 A2–A5). The assigned
 * municipality is responsible from the anvisning, but the child stays in the arrival municipality's care until it
 * physically moves; those days of care are the arrival municipality's (paid by the later compensation issue). Pure.
 */
/**
 * How far back the municipality's list of incoming children reaches: the children assigned to it in the last 60 days
 * (from the anvisning's first day of responsibility). Anvisa's choice for the list, not a rule of law — long enough to
 * cover the hand-over and the first weeks' deadlines (school start within a month).
 */
export const INCOMING_WINDOW_DAYS = 60;

export interface HandoverDates {
  /** The first day in the arrival municipality's care (the arrival period's start). */
  readonly arrivalDate: string;
  /** The day the child physically moved, as recorded; null while not recorded. */
  readonly movedOn: string | null;
  /** The day the assigned municipality acknowledged receipt; null while not acknowledged. */
  readonly acknowledgedOn: string | null;
}

export type TakeOverBasis = 'moved' | 'acknowledged' | 'ongoing';

export interface DaysOfCare {
  /** Days in the arrival municipality's care: from the arrival date up to, not including, the take-over day. */
  readonly days: number;
  /** The take-over day (or today while the hand-over is open). */
  readonly until: string;
  /** What the take-over day rests on: the recorded move, the acknowledgement, or today (still in care). */
  readonly basis: TakeOverBasis;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The arrival municipality's days of care until the take-over. Counted as nights: the arrival day counts, the day the
 * child moved does not (it is the receiving municipality's first day). The recorded move wins over the
 * acknowledgement; with neither, the care is still going on and counts to today.
 */
export function arrivalDaysOfCare(dates: HandoverDates, today: string): DaysOfCare {
  const basis: TakeOverBasis =
    dates.movedOn !== null ? 'moved' : dates.acknowledgedOn !== null ? 'acknowledged' : 'ongoing';
  const until = dates.movedOn ?? dates.acknowledgedOn ?? today;
  return { days: Math.max(0, daysBetween(dates.arrivalDate, until)), until, basis };
}

export type MoveDateProblem = 'before_arrival' | 'before_anvisning' | 'future';

/** Whether a recorded move date is possible: not before the arrival or the anvisning, not after today. */
export function moveDateProblem(
  movedOn: string,
  dates: { arrivalDate: string; assignedOn: string },
  today: string,
): MoveDateProblem | null {
  if (movedOn > today) return 'future';
  if (movedOn < dates.arrivalDate) return 'before_arrival';
  if (movedOn < dates.assignedOn) return 'before_anvisning';
  return null;
}

/** Whether an out-of-hours placement by the on-call social services still holds on `date` (to its valid-until day). */
export function onCallPlacementHolds(
  placement: { from: string; validUntil: string | null; to: string | null },
  date: string,
): boolean {
  if (placement.to !== null && placement.to <= date) return false;
  return placement.from <= date && (placement.validUntil === null || date <= placement.validUntil);
}
