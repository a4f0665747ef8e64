import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../src/domain/deadlines/calendar.ts';
import { adultFrom, ageBandOn, ageChange, isAdultOn } from '../../../src/domain/asylum/age.ts';

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('being 18 or older on a date', () => {
  it('a child becomes an adult on the 18th birthday, not the day before', () => {
    expect(isAdultOn('2008-06-15', '2026-06-14')).toBe(false);
    expect(isAdultOn('2008-06-15', '2026-06-15')).toBe(true);
  });

  it('a child born on a leap day turns 18 on 1 March in a common year', () => {
    expect(adultFrom('2008-02-29')).toBe('2026-03-01');
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-03-01')).toBe(true);
  });

  it('every leap-day child turns 18 on 1 March: 18 years after a leap year is never one', () => {
    for (const born of ['1996-02-29', '2000-02-29', '2004-02-29', '2012-02-29']) {
      const eighteen = adultFrom(born);
      expect(eighteen.slice(5)).toBe('03-01');
      expect(isAdultOn(born, addCalendarDays(eighteen, -1))).toBe(false);
    }
  });

  it('is an adult from the 18th birthday on, and a minor every day before it', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 4000 }), (birthDate, days) => {
        const eighteen = adultFrom(birthDate);
        expect(isAdultOn(birthDate, eighteen)).toBe(true);
        expect(isAdultOn(birthDate, addCalendarDays(eighteen, days))).toBe(true);
        expect(isAdultOn(birthDate, addCalendarDays(eighteen, -days))).toBe(false);
      }),
    );
  });

  it('puts a person in the same age bands as the key figures', () => {
    expect(ageBandOn('2014-03-01', '2026-11-23')).toBe('0-12');
    expect(ageBandOn('2011-11-23', '2026-11-23')).toBe('13-15');
    expect(ageBandOn('2009-11-24', '2026-11-23')).toBe('16-17');
    expect(ageBandOn('2008-02-29', '2026-03-01')).toBe('18+');
    expect(ageBandOn('2008-02-29', '2026-02-28')).toBe('16-17');
  });
});

describe('what an age decision means', () => {
  it('a temporary decision that makes a 16-year-old 18 ends the child-specific responsibilities on the decision date', () => {
    expect(ageChange('2010-05-01', '2007-05-01', '2026-11-02', '2026-11-23')).toEqual({
      changed: true,
      adultOnDecision: true,
      makesAdult: true,
      makesMinor: false,
      endsResponsibilityOn: '2026-11-02',
    });
  });

  it('a decision that keeps the child under 18 ends nothing', () => {
    expect(ageChange('2010-05-01', '2009-01-01', '2026-11-02', '2026-11-23')).toMatchObject({
      changed: true,
      adultOnDecision: false,
      makesAdult: false,
      endsResponsibilityOn: null,
    });
  });

  it('a birth date moved so that the 18th birthday fell between the decision and today ends on that birthday', () => {
    expect(ageChange('2010-05-01', '2008-11-10', '2026-11-02', '2026-11-23')).toMatchObject({
      adultOnDecision: false,
      endsResponsibilityOn: '2026-11-10',
    });
  });

  it('a final decision that confirms a date already making the child an adult changes nothing again', () => {
    expect(ageChange('2007-05-01', '2007-05-01', '2026-11-20', '2026-11-23')).toMatchObject({
      changed: false,
      adultOnDecision: true,
      makesAdult: false,
      endsResponsibilityOn: null,
    });
  });

  it('a won appeal that makes the person a minor again is told apart', () => {
    expect(ageChange('2007-05-01', '2010-05-01', '2026-11-20', '2026-11-23')).toMatchObject({
      makesMinor: true,
      makesAdult: false,
      endsResponsibilityOn: null,
    });
  });

  it('ends responsibility only when the change itself made the child an adult', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (before, after, decidedOn) => {
        const change = ageChange(before, after, decidedOn, decidedOn);
        if (change.endsResponsibilityOn !== null) {
          expect(isAdultOn(after, change.endsResponsibilityOn)).toBe(true);
          expect(isAdultOn(before, decidedOn)).toBe(false);
        }
        expect(change.makesAdult).toBe(isAdultOn(after, decidedOn) && !isAdultOn(before, decidedOn));
      }),
    );
  });
});
