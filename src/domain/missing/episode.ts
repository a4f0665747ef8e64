/**
 * A missing episode (issue 12; ../shared/domain/missing-county-compensation-return.md §D.2–D.3): absent or away
 * without permission (whereabouts known) → missing (a police report with reference and time) → notifications sent →
 * followed up → found → return talk → returned; or closed as not found (only after the routine's minimum), aged out,
 * left the country — each closure a decision with reason and decider (D-R3). A child may have many episodes; an
 * episode is orthogonal to the asylum stage (D-R4), so it is not one of the per-child case machines
 * (src/domain/case/machines.ts) but a table of its own, in the same form, checked by the same `transition`.
 *
 * Who may take each step: the responsible social services; the staff of the provider the child is placed with report
 * the absence, the police report and the return (issue 12, point 3: the routine starts where the child lives).
 */
import { defineMachine, type Machine } from '../case/machine.ts';
import { ageOn, isIsoDate } from '../time.ts';
import { earliestClosureNotFound, type Span } from './routine.ts';

const SOCIAL = ['social_worker', 'unit_manager'] as const;
/** Those who report where the child lives: social services, and the staff of the provider the child is placed with. */
const WHERE_THE_CHILD_LIVES = [...SOCIAL, 'provider_staff'] as const;
const OPEN_MISSING = ['missing', 'notified', 'active'] as const;

export const missingEpisode = defineMachine({
  name: 'missing_episode',
  initial: 'absent',
  states: [
    'absent',
    'missing',
    'notified',
    'active',
    'found',
    'return_talk',
    'returned',
    'closed_not_found',
    'closed_aged_out',
    'closed_left_country',
  ],
  transitions: [
    // Whereabouts unknown and concern: reported to the police (reference and time recorded).
    { from: ['absent'], event: 'report_missing', to: 'missing', roles: WHERE_THE_CHILD_LIVES },
    // Away without permission, whereabouts known, and back: no search was opened.
    { from: ['absent'], event: 'record_return', to: 'returned', roles: WHERE_THE_CHILD_LIVES },
    // Every recipient of the routine has been notified (the last notification sent).
    { from: ['missing'], event: 'notifications_sent', to: 'notified', roles: ['system', ...SOCIAL] },
    { from: ['notified'], event: 'start_follow_up', to: 'active', roles: SOCIAL },
    // The periodic review of an open episode (the monthly review list).
    { from: ['active'], event: 'record_review', to: 'active', roles: SOCIAL },
    {
      from: OPEN_MISSING,
      event: 'record_found',
      to: 'found',
      roles: [...WHERE_THE_CHILD_LIVES, 'police_officer'],
    },
    // Offered and held, declined by the child, or a recorded decision not to hold it.
    // The talk is about the child's own account and views (CRC art. 12): it comes with a best-interests record.
    {
      from: ['found'],
      event: 'record_return_talk',
      to: 'return_talk',
      roles: SOCIAL,
      bestInterests: true,
    },
    // The placement reviewed after the return talk.
    { from: ['return_talk'], event: 'complete_return', to: 'returned', roles: SOCIAL },
    {
      from: OPEN_MISSING,
      event: 'close_not_found',
      to: 'closed_not_found',
      roles: SOCIAL,
      bestInterests: true,
    },
    {
      from: OPEN_MISSING,
      event: 'close_aged_out',
      to: 'closed_aged_out',
      roles: SOCIAL,
      bestInterests: true,
    },
    {
      from: OPEN_MISSING,
      event: 'close_left_country',
      to: 'closed_left_country',
      roles: SOCIAL,
      bestInterests: true,
    },
  ],
});

type EpisodeMachine = typeof missingEpisode extends Machine<infer S, infer E> ? [S, E] : never;
export type EpisodeState = EpisodeMachine[0];
export type EpisodeEvent = EpisodeMachine[1];

export const CLOSED_STATES: readonly EpisodeState[] = [
  'closed_not_found',
  'closed_aged_out',
  'closed_left_country',
];
/** The episode has ended: the child is back, or a closure was decided. */
export const ENDED_STATES: readonly EpisodeState[] = ['returned', ...CLOSED_STATES];

export interface EpisodeProblem {
  readonly field: string;
  readonly reason:
    | 'required'
    | 'invalid_date'
    | 'before_last_seen'
    | 'in_the_future'
    | 'before_closure_minimum'
    | 'not_yet_18'
    | 'not_closed';
  /** The first day the step is possible, where a date is what stands in the way. */
  readonly earliest?: string;
}

/** The police report that makes an absence a missing episode: reference, its date, after the child was last seen. */
export function policeReportProblems(
  report: { readonly reference: string; readonly reportedOn: string; readonly lastSeenOn: string },
  today: string,
): EpisodeProblem[] {
  const problems: EpisodeProblem[] = [];
  if (report.reference.trim() === '') problems.push({ field: 'reference', reason: 'required' });
  if (!isIsoDate(report.lastSeenOn)) problems.push({ field: 'lastSeenOn', reason: 'invalid_date' });
  if (!isIsoDate(report.reportedOn)) problems.push({ field: 'reportedOn', reason: 'invalid_date' });
  else if (report.reportedOn > today) problems.push({ field: 'reportedOn', reason: 'in_the_future' });
  else if (isIsoDate(report.lastSeenOn) && report.reportedOn < report.lastSeenOn)
    problems.push({ field: 'reportedOn', reason: 'before_last_seen' });
  return problems;
}

export type Closure = 'close_not_found' | 'close_aged_out' | 'close_left_country';

/**
 * What stands in the way of a closure decided on `today` (beside the table's states and roles): the reason and the
 * decider are always recorded (D-R3); not found only from the routine's minimum after the police report (D-R2); aged
 * out only from the 18th birthday.
 */
export function closureProblems(
  closure: Closure,
  input: {
    readonly today: string;
    readonly reason: string;
    readonly decidedBy: string;
    readonly policeReportedOn: string;
    readonly closureMinimum: Span;
    readonly birthDate: string;
  },
): EpisodeProblem[] {
  const problems: EpisodeProblem[] = [];
  if (input.reason.trim() === '') problems.push({ field: 'reason', reason: 'required' });
  if (input.decidedBy.trim() === '') problems.push({ field: 'decidedBy', reason: 'required' });
  if (closure === 'close_not_found') {
    const earliest = earliestClosureNotFound(input.policeReportedOn, input.closureMinimum);
    if (input.today < earliest)
      problems.push({ field: 'closedOn', reason: 'before_closure_minimum', earliest });
  }
  if (closure === 'close_aged_out' && ageOn(input.birthDate, input.today) < 18)
    problems.push({ field: 'closedOn', reason: 'not_yet_18' });
  return problems;
}

/**
 * A child found after its episode was closed: a new episode, found, linked to the closed one (never a reopening of
 * a decided closure). A problem when the earlier episode is not closed — then it is that episode's `record_found`.
 */
export function episodeAfterClosure(closed: {
  readonly id: string;
  readonly state: EpisodeState;
}): { readonly state: 'found'; readonly linkedTo: string } | EpisodeProblem {
  return CLOSED_STATES.includes(closed.state)
    ? { state: 'found', linkedTo: closed.id }
    : { field: 'linkedTo', reason: 'not_closed' };
}
