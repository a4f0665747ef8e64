import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyTimeline, type TimelineChange } from '../../../src/domain/allocation/timeline.ts';

const change = (decidedOn: string, received: number, quotaThousandths: number): TimelineChange => ({
  decidedOn,
  received,
  quotaThousandths,
});

describe('received against the exact quota per month', () => {
  it('orders the months by date whatever the order the decisions were taken in (the Lund chart)', () => {
    const points = monthlyTimeline([
      change('2026-10-04', 1, 12),
      change('2026-03-20', 1, 11),
      change('2026-12-01', 0, 13),
      change('2026-03-02', 0, 11),
    ]);
    expect(points.map((p) => p.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(points[0]).toEqual({ month: '2026-03', received: 1, quota: 0.022 });
    expect(points.at(-1)).toEqual({ month: '2026-12', received: 2, quota: 0.047 });
  });

  it('carries the totals through months without decisions and across a year end', () => {
    expect(monthlyTimeline([change('2025-11-30', 2, 500), change('2026-01-02', 1, 250)])).toEqual([
      { month: '2025-11', received: 2, quota: 0.5 },
      { month: '2025-12', received: 2, quota: 0.5 },
      { month: '2026-01', received: 3, quota: 0.75 },
    ]);
  });

  it('lets a correction take a child back, and is empty without decisions', () => {
    expect(
      monthlyTimeline([change('2026-05-01', 1, 30), change('2026-06-01', -1, 0)]).map((p) => p.received),
    ).toEqual([1, 0]);
    expect(monthlyTimeline([])).toEqual([]);
  });

  it('never lets the cumulative exact quota fall, and ends at the sums, in any order of decisions', () => {
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            decidedOn: day,
            received: fc.integer({ min: -1, max: 3 }),
            quotaThousandths: fc.nat(2000),
          }),
        ),
        (changes) => {
          const points = monthlyTimeline(changes);
          for (let i = 1; i < points.length; i++) {
            expect((points[i]?.month ?? '') > (points[i - 1]?.month ?? '')).toBe(true);
            expect(points[i]?.quota ?? 0).toBeGreaterThanOrEqual(points[i - 1]?.quota ?? 0);
          }
          const last = points.at(-1);
          if (last !== undefined) {
            expect(last.received).toBe(changes.reduce((n, c) => n + c.received, 0));
            expect(Math.round(last.quota * 1000)).toBe(changes.reduce((n, c) => n + c.quotaThousandths, 0));
          }
        },
      ),
    );
  });
});
