import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  placementDaysByMunicipality,
  spanDays,
  type PlacementSpan,
} from '../../../src/domain/placement/days.ts';

const span = (from: string, to: string | null, municipalityCode = '1280', childId = 'a'): PlacementSpan => ({
  childId,
  municipalityCode,
  from,
  to,
});

describe('placement days', () => {
  it.each([
    ['a whole January', span('2026-01-01', null), { from: '2026-01-01', to: '2026-01-31' }, 31],
    ['February of a common year', span('2025-12-01', null), { from: '2026-02-01', to: '2026-02-28' }, 28],
    [
      'February of a leap year, leap day included',
      span('2028-01-15', null),
      { from: '2028-02-01', to: '2028-02-29' },
      29,
    ],
    ['across the leap day', span('2028-02-28', '2028-03-01'), { from: '2028-01-01', to: '2028-12-31' }, 2],
    ['a whole leap year', span('2027-06-01', null), { from: '2028-01-01', to: '2028-12-31' }, 366],
    ['across a year end', span('2026-12-30', '2027-01-02'), { from: '2026-01-01', to: '2027-12-31' }, 3],
    [
      'the day of moving out belongs to the next placement',
      span('2026-03-01', '2026-03-31'),
      { from: '2026-03-01', to: '2026-03-31' },
      30,
    ],
    [
      'moving in on the last day of the period',
      span('2026-04-30', null),
      { from: '2026-04-01', to: '2026-04-30' },
      1,
    ],
    [
      'a placement that ended before the period',
      span('2026-01-01', '2026-02-01'),
      { from: '2026-02-01', to: '2026-02-28' },
      0,
    ],
    [
      'a placement that began after the period',
      span('2026-03-01', null),
      { from: '2026-02-01', to: '2026-02-28' },
      0,
    ],
    [
      'ended the day it began (a same-day correction)',
      span('2026-02-10', '2026-02-10'),
      { from: '2026-02-01', to: '2026-02-28' },
      0,
    ],
  ])('%s', (_label, s, period, expected) => {
    expect(spanDays(s, period)).toBe(expected);
  });

  it('counts calendar days between dates across month ends and daylight-saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2028-01-31', '2028-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
  });

  it('sums per municipality and counts each child once', () => {
    const spans = [
      span('2026-01-01', '2026-01-11', '1280', 'a'),
      span('2026-01-11', null, '1280', 'a'),
      span('2026-01-20', null, '2281', 'b'),
      span('2025-01-01', '2025-02-01', '0180', 'c'),
    ];
    expect(placementDaysByMunicipality(spans, { from: '2026-01-01', to: '2026-01-31' })).toEqual([
      { municipalityCode: '1280', days: 31, children: 1 },
      { municipalityCode: '2281', days: 12, children: 1 },
    ]);
  });

  const date = fc
    .integer({ min: 0, max: 3000 })
    .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
  const ordered = fc.tuple(date, date).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

  it('a move never changes the days: one placement split anywhere counts the same', () => {
    fc.assert(
      fc.property(ordered, date, ordered, ([from, to], cut, [pFrom, pTo]) => {
        fc.pre(cut >= from && cut <= to);
        const period = { from: pFrom, to: pTo };
        return (
          spanDays(span(from, to), period) ===
          spanDays(span(from, cut), period) + spanDays(span(cut, to), period)
        );
      }),
    );
  });

  it('adjacent periods add up, and no period holds more days than it has', () => {
    fc.assert(
      fc.property(ordered, ordered, ([from, to], [pFrom, pTo]) => {
        const s = span(from, to);
        const length = daysBetween(pFrom, pTo) + 1;
        const whole = spanDays(s, { from: pFrom, to: pTo });
        if (whole > length || whole < 0) return false;
        if (pFrom === pTo) return true;
        const mid = new Date(
          Date.parse(`${pFrom}T00:00:00Z`) + Math.floor(daysBetween(pFrom, pTo) / 2) * 86_400_000,
        )
          .toISOString()
          .slice(0, 10);
        const after = new Date(Date.parse(`${mid}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        return whole === spanDays(s, { from: pFrom, to: mid }) + spanDays(s, { from: after, to: pTo });
      }),
    );
  });
});
