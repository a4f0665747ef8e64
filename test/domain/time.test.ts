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
  });
  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
