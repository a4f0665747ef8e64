import { describe, expect, it } from 'vitest';
import { arrivalDateProblems, isAdultOn } from '../../../src/domain/asylum/minor.ts';

const TODAY = '2026-11-23';

describe('who may be registered as an unaccompanied child', () => {
  it('refuses a person who was 18 or older on the arrival date, naming the birth date', () => {
    expect(arrivalDateProblems('2000-01-01', '2026-11-20', TODAY)).toEqual([
      { field: 'birthDate', code: 'adult_on_arrival' },
    ]);
    expect(arrivalDateProblems('2008-11-20', '2026-11-20', TODAY)).toEqual([
      { field: 'birthDate', code: 'adult_on_arrival' },
    ]);
  });

  it('accepts a child whose 18th birthday is the day after arrival', () => {
    expect(arrivalDateProblems('2008-11-21', '2026-11-20', TODAY)).toEqual([]);
  });

  it('counts the age on the arrival date, not on the day of registration', () => {
    // Arrived at 17, registered after turning 18: still an unaccompanied child at arrival.
    expect(arrivalDateProblems('2008-11-22', '2026-11-20', TODAY)).toEqual([]);
  });

  it('puts a 29 February birthday on 1 March in common years, as the 18th-birthday rules do', () => {
    expect(arrivalDateProblems('2008-02-29', '2026-02-28', TODAY)).toEqual([]);
    expect(arrivalDateProblems('2008-02-29', '2026-03-01', TODAY)).toEqual([
      { field: 'birthDate', code: 'adult_on_arrival' },
    ]);
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
  });

  it('refuses a birth or an arrival in the future, and an arrival before the birth', () => {
    expect(arrivalDateProblems('2026-12-01', '2026-11-20', TODAY)).toEqual([
      { field: 'birthDate', code: 'future' },
    ]);
    expect(arrivalDateProblems('2012-01-01', '2026-12-01', TODAY)).toEqual([
      { field: 'arrivalDate', code: 'future' },
    ]);
    expect(arrivalDateProblems('2026-11-10', '2026-11-01', TODAY)).toEqual([
      { field: 'arrivalDate', code: 'arrival_before_birth' },
    ]);
  });

  it('accepts a newborn arriving on its birth day', () => {
    expect(arrivalDateProblems('2026-11-20', '2026-11-20', TODAY)).toEqual([]);
  });
});
