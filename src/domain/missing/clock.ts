/**
 * The hourly clock of the missing-children routine (issue 12, ADR 0025 point 3): which notification escalates to the
 * unit manager and which return talk is overdue. Pure: the job (src/missing/clock.ts) runs the same conditions as
 * set-based SQL, and the worklist reads them from the rows it shows.
 */
import { ENDED_STATES, type EpisodeState } from './episode.ts';

export interface NotificationClock {
  readonly escalateAt: Date;
  readonly acknowledgedAt: Date | null;
  /** Set when the recipient has none to notify: such a row is shown, but never waits for an acknowledgement. */
  readonly notApplicable: string | null;
  readonly escalatedAt: Date | null;
}

/** Still waiting for the recipient's acknowledgement (the routine's notification is open). */
export function unacknowledged(n: Pick<NotificationClock, 'acknowledgedAt' | 'notApplicable'>): boolean {
  return n.acknowledgedAt === null && n.notApplicable === null;
}

/** The clock escalates it now: unacknowledged, its escalation time passed, not escalated before. */
export function escalatesNow(n: NotificationClock, now: Date): boolean {
  return unacknowledged(n) && n.escalatedAt === null && n.escalateAt.getTime() <= now.getTime();
}

export interface ReturnTalkClock {
  readonly state: EpisodeState;
  readonly returnTalkDueAt: Date | null;
  readonly returnTalkEscalatedAt: Date | null;
}

/** The child was found, the return talk is not recorded, and its time has passed. */
export function returnTalkOverdue(e: Omit<ReturnTalkClock, 'returnTalkEscalatedAt'>, now: Date): boolean {
  return e.state === 'found' && e.returnTalkDueAt !== null && e.returnTalkDueAt.getTime() <= now.getTime();
}

/** The clock tells of an overdue return talk now: overdue, and nobody has been told yet. */
export function returnTalkOverdueNow(e: ReturnTalkClock, now: Date): boolean {
  return returnTalkOverdue(e, now) && e.returnTalkEscalatedAt === null;
}

/** Episodes that are still open (on the worklist): the child is not back and no closure was decided. */
export function episodeOpen(state: EpisodeState): boolean {
  return !ENDED_STATES.includes(state);
}
