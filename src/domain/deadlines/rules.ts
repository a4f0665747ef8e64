/**
 * Deadline rules of the reception of unaccompanied children, each with an id and its legal source. Sources:
 * ../shared/domain/reception-workflows.md §2.1, §2.5, and for the Social Services Act
 * ../shared/domain/sol-2025-400-mapping.md ("Quick reference"): socialtjänstlagen (2025:400) replaced SoL (2001:453)
 * on 1 July 2025; each social services rule cites the new provision with the old one kept as history. The mapping
 * verified the four provisions used here against the statute text (20 kap. 1–3 §§, 22 kap. 13 §) and found no
 * change in their periods; what it could not verify (the prop.'s own paragraph key and commentary, prop. 2024/25:89)
 * stays in this comment and in docs/adr, never in a text shown to a caseworker.
 *
 * `movesToWorkingDay`: a period set by law that ends on a Saturday, Sunday or other non-working day may be met on
 * the next working day (lag 1930:173). It applies to periods ("inom fjorton dagar", "inom fyra månader"), not to a
 * duty to act "genast": the immediate protection assessment is due the same or the next calendar day, weekend or not
 * (social services' on-call service makes it). Guidance and practice are not law and are not moved.
 */
import { addCalendarDays, addMonths, birthday, onOrNextWorkingDay } from './calendar.ts';
import { DEADLINE_RULES, type Deadline, type DeadlineRuleId } from './rule-table.ts';

// The table itself lives in rule-table.ts (no calendar, so the browser can import it); importers keep this path.
export { DEADLINE_RULES, type Deadline, type DeadlineRuleId } from './rule-table.ts';

/** Statutory periods ending on a non-working day move to the next working day (lag 1930:173). */
function settle(rule: DeadlineRuleId, date: string): Deadline {
  const moves: boolean = DEADLINE_RULES[rule].movesToWorkingDay;
  return { rule, due: moves ? onOrNextWorkingDay(date) : date };
}

/** Days from a request for a god man to the appointment that count as on time (practice, see `god-man-appointment`). */
export const GOD_MAN_GOAL_DAYS = 3;
/**
 * Days from the arrival to the anvisning that the key figure counts as within the goal: "i normalfallet … inom något
 * dygn" (SKR), 1–3 days where a relative is assessed (the Agency's 2019 standard). A goal in practice, not a law.
 */
export const ANVISNING_GOAL_DAYS = 3;
/** Days from the search that met the missing routine's repeat rule to the strategy meeting (Anvisa's standard). */
export const STRATEGY_MEETING_DAYS = 7;

export const deadlines = {
  /** From the day a report (anmälan) was received: "genast", at the latest the next calendar day (never moved). */
  protectionAssessment: (received: string) => settle('protection-assessment', addCalendarDays(received, 1)),
  preliminaryAssessment: (received: string) =>
    settle('preliminary-assessment', addCalendarDays(received, 14)),
  /** Four months from the day the investigation was opened (20 kap. 3 §), not from the report. */
  investigation: (opened: string) => settle('investigation', addMonths(opened, 4)),
  /** Every six months from the placement (or the previous review). */
  careReview: (from: string) => settle('care-review', addMonths(from, 6)),
  schoolStart: (arrival: string) => settle('school-start', addMonths(arrival, 1)),
  relativeAssessment: (registered: string) => settle('relative-assessment', addCalendarDays(registered, 3)),
  turning18Warning: (birthDate: string) =>
    settle('turning-18-warning', addCalendarDays(birthday(birthDate, 18), -35)),
  continuedResponsibilityNotice: (birthDate: string) =>
    settle('continued-responsibility-notice', addCalendarDays(birthday(birthDate, 18), -21)),
  /** The 7th of the month after the change (asylum seekers) or of the month after the quarter (permit holders). */
  changeReport: (changed: string, permitHolder: boolean) => {
    const [y, m] = changed.split('-').map(Number) as [number, number];
    const monthsAhead = permitHolder ? 3 - ((m - 1) % 3) : 1;
    const first = addMonths(`${y}-${String(m).padStart(2, '0')}-01`, monthsAhead);
    return settle('change-report', `${first.slice(0, 8)}07`);
  },
  /** An on-call placement decision holds until the next working day. */
  onCallPlacement: (decided: string) => ({
    rule: 'on-call-placement' as const,
    due: onOrNextWorkingDay(addCalendarDays(decided, 1)),
  }),
  /** A week from the search that met the repeat rule; a meeting is held on a working day. */
  strategyMeeting: (reported: string) =>
    settle('missing-strategy-meeting', addCalendarDays(reported, STRATEGY_MEETING_DAYS)),
  godManAppointment: (requested: string) =>
    settle('god-man-appointment', addCalendarDays(requested, GOD_MAN_GOAL_DAYS)),
};

/** What a deadline's due date may depend on. `on` is the date of the event that starts it. */
export interface DeadlineContext {
  readonly on: string;
  readonly birthDate: string;
  readonly arrivalDate: string;
  readonly permitHolder: boolean;
}

/** The due date of a rule started by an event, from the event's date and the child's dates. */
export function dueFor(rule: DeadlineRuleId, context: DeadlineContext): Deadline {
  switch (rule) {
    case 'protection-assessment':
      return deadlines.protectionAssessment(context.on);
    case 'preliminary-assessment':
      return deadlines.preliminaryAssessment(context.on);
    case 'investigation':
      return deadlines.investigation(context.on);
    case 'care-review':
      return deadlines.careReview(context.on);
    case 'school-start':
      return deadlines.schoolStart(context.arrivalDate);
    case 'relative-assessment':
      return deadlines.relativeAssessment(context.on);
    case 'turning-18-warning':
      return deadlines.turning18Warning(context.birthDate);
    case 'continued-responsibility-notice':
      return deadlines.continuedResponsibilityNotice(context.birthDate);
    case 'change-report':
      return deadlines.changeReport(context.on, context.permitHolder);
    case 'on-call-placement':
      return deadlines.onCallPlacement(context.on);
    case 'god-man-appointment':
      return deadlines.godManAppointment(context.on);
    case 'missing-strategy-meeting':
      return deadlines.strategyMeeting(context.on);
  }
}

/** Overdue first, then by due date; ties by rule id, so lists are stable. */
export function compareDeadlines(today: string): (a: Deadline, b: Deadline) => number {
  return (a, b) => {
    const overdueA = a.due < today;
    const overdueB = b.due < today;
    if (overdueA !== overdueB) return overdueA ? -1 : 1;
    return a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule);
  };
}
