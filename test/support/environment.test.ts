import { describe, expect, it } from 'vitest';

describe('The test environment', () => {
  it('runs on Swedish time, so that dates in tests mean what a caseworker in Sweden would read', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Stockholm');
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(-120);
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-60);
  });
});
