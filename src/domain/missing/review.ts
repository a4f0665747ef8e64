/**
 * The monthly review of open episodes (issue 12, point 11): every open episode of a responsible municipality is
 * reviewed once a calendar month. Pure; the list is src/missing/followup.ts.
 */

/** The states an episode is open in (absent included: the child is still away). */
export const OPEN_EPISODE_STATES = ['absent', 'missing', 'notified', 'active'] as const;

/** A review is due this month when the episode was never reviewed, or last reviewed before the first of the month. */
export function reviewDue(lastReviewedOn: string | null, today: string): boolean {
  return lastReviewedOn === null || lastReviewedOn < `${today.slice(0, 7)}-01`;
}

/** Whole days from the day reported to today. */
export function daysOpen(reportedOn: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${reportedOn}T00:00:00Z`)) / 86_400_000);
}

/**
 * Most overdue first: the day the review has been owed since (the last review, or the report when never reviewed),
 * earliest first; then the earlier report.
 */
export function byOverdue<T extends { readonly lastReviewedOn: string | null; readonly reportedAt: string }>(
  a: T,
  b: T,
): number {
  const owed = (e: T) => e.lastReviewedOn ?? e.reportedAt.slice(0, 10);
  return owed(a).localeCompare(owed(b)) || a.reportedAt.localeCompare(b.reportedAt);
}
