import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, stockholmDate } from '../../src/domain/time.ts';

describe('dates in Sweden', () => {
  it('gives the Stockholm calendar date, not the UTC one, around midnight', () => {
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // summer time, UTC+2
    expect(stockholmDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // winter time, UTC+1
    expect(stockholmDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
  it('refuses the years before 100, as it always did: PostgreSQL has no year 0, so 0000-03-01 would reach it as a 500', () => {
    expect(isIsoDate('0000-03-01')).toBe(false);
    expect(isIsoDate('0099-12-31')).toBe(false);
    expect(isIsoDate('0100-01-01')).toBe(true);
  });
  it('agrees with the calendar of Date on every year-month-day written with two-digit months and days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
    );
  });
  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
