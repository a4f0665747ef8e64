/** A wall time in Sweden as an instant with the day's offset, and back — on both sides of summer time. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stockholmInstant, stockholmLocal } from '../../src/domain/stockholm-time.ts';

describe('Swedish wall time and instants', () => {
  it('winter is +01:00, summer +02:00, the change days on the right side', () => {
    expect(stockholmInstant('2026-11-23T09:00')).toBe('2026-11-23T09:00:00+01:00');
    expect(stockholmInstant('2026-07-01T09:00')).toBe('2026-07-01T09:00:00+02:00');
    // 29 March 2026: the clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00.
    expect(stockholmInstant('2026-03-29T01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(stockholmInstant('2026-03-29T04:00')).toBe('2026-03-29T04:00:00+02:00');
    expect(stockholmInstant('2026-10-25T04:00')).toBe('2026-10-25T04:00:00+01:00');
  });

  it('refuses what is not a wall time', () => {
    expect(stockholmInstant('2026-02-30T09:00')).toBeNull();
    expect(stockholmInstant('2026-11-23T24:00')).toBeNull();
    expect(stockholmInstant('2026-11-23 09:00')).toBeNull();
    expect(stockholmInstant('')).toBeNull();
  });

  it('an instant shown as a wall time reads back as the same instant (outside the skipped hour)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (d) => {
          const whole = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const local = stockholmLocal(whole);
          const back = stockholmInstant(local);
          expect(back).not.toBeNull();
          // In the repeated autumn hour a wall time names two instants; the one given back shows the same wall time.
          expect(stockholmLocal(new Date(back ?? ''))).toBe(local);
        },
      ),
    );
  });
});
