import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay, quarterOf, splitByQuarter } from '../../../src/domain/compensation/days.ts';

const iso = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) })
  .map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10));

describe('compensation days', () => {
  it('numbers days as Date does, and back', () => {
    fc.assert(
      fc.property(iso, (day) => {
        expect(dayNumber(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
        expect(isoDay(dayNumber(day))).toBe(day);
      }),
    );
  });

  it('splits a run of days at each quarter, every day in its own quarter, none lost', () => {
    fc.assert(
      fc.property(iso, fc.nat(1200), (first, length) => {
        const from = dayNumber(first);
        const parts: [string, number, number][] = [];
        splitByQuarter(from, from + length, (q, a, b) => parts.push([q, a, b]));
        expect(parts.reduce((sum, [, a, b]) => sum + b - a, 0)).toBe(length);
        for (const [q, a, b] of parts) {
          expect(quarterOf(isoDay(a))).toBe(q);
          expect(quarterOf(isoDay(b - 1))).toBe(q);
        }
        expect(new Set(parts.map(([q]) => q)).size).toBe(parts.length);
      }),
    );
  });
});
