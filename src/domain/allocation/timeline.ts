/**
 * Received children against the exact quota per month. Each decision adds to a municipality's count (a correction
 * moves children between two) and adds k × share to its exact quota; the chart shows the totals at the end of each
 * calendar month of the decision date. Decisions are numbered in the order they were taken, which need not be the
 * order of their dates (an officer may record a decision dated earlier, and the demo grows with back-dated ones), so
 * the months are summed by date here — never "the last decision's figures in the month first seen", which put months
 * out of order and let the cumulative quota fall. Pure.
 */

export interface TimelineChange {
  /** The decision date (YYYY-MM-DD). */
  readonly decidedOn: string;
  /** Children added to (or, for a correction, taken from) the count. */
  readonly received: number;
  /** Thousandths of a child added to the exact quota (never negative: shares are ≥ 0). */
  readonly quotaThousandths: number;
}

export interface TimelinePoint {
  readonly month: string;
  readonly received: number;
  readonly quota: number;
}

/** The month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Running totals at the end of every month from the first decision's to the last's, months without one included. */
export function monthlyTimeline(changes: readonly TimelineChange[]): TimelinePoint[] {
  const byMonth = new Map<string, { received: number; quota: number }>();
  for (const change of changes) {
    const month = change.decidedOn.slice(0, 7);
    const sum = byMonth.get(month) ?? { received: 0, quota: 0 };
    byMonth.set(month, {
      received: sum.received + change.received,
      quota: sum.quota + change.quotaThousandths,
    });
  }
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const points: TimelinePoint[] = [];
  let received = 0;
  let quota = 0;
  for (let month = first; month <= last; month = nextMonth(month)) {
    const sum = byMonth.get(month);
    received += sum?.received ?? 0;
    quota += sum?.quota ?? 0;
    points.push({ month, received, quota: quota / 1000 });
  }
  return points;
}
