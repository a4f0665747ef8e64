import { describe, expect, it } from 'vitest';
import { deadlines } from '../../../src/domain/deadlines/rules.ts';
import { enrolmentProblems, SCHOOL_GOAL_DAYS, schoolClock } from '../../../src/domain/placement/school.ts';

describe('the school clock', () => {
  it('counts the days from arrival to the first school day against the 30-day goal', () => {
    expect(schoolClock('2026-10-01', '2026-10-28', '2026-11-23')).toEqual({
      days: 27,
      started: true,
      withinGoal: true,
    });
    expect(schoolClock('2026-10-01', '2026-10-31', '2026-11-23')).toEqual({
      days: 30,
      started: true,
      withinGoal: true,
    });
    expect(schoolClock('2026-10-01', '2026-11-01', '2026-11-23')).toEqual({
      days: 31,
      started: true,
      withinGoal: false,
    });
  });
  it('before the start, runs to today', () => {
    expect(schoolClock('2026-11-01', null, '2026-11-23')).toEqual({
      days: 22,
      started: false,
      withinGoal: true,
    });
    expect(schoolClock('2026-10-01', null, '2026-11-23')).toEqual({
      days: 53,
      started: false,
      withinGoal: false,
    });
  });
  it('counts across February and the leap day', () => {
    expect(schoolClock('2028-02-01', '2028-03-02', '2028-04-01').days).toBe(30);
    expect(schoolClock('2027-02-01', '2027-03-02', '2027-04-01').days).toBe(29);
  });
  it('the goal is the one-month deadline of prop. 2000/01:115, counted in days', () => {
    expect(SCHOOL_GOAL_DAYS).toBe(30);
    expect(deadlines.schoolStart('2026-01-31').due).toBe('2026-02-28');
  });
});

describe('an enrolment', () => {
  const base = {
    programme: 'grundskola' as const,
    enrolledOn: '2026-11-10',
    arrivalDate: '2026-11-01',
    birthDate: '2012-03-03',
    today: '2026-11-23',
    previousEnd: null,
  };
  const codes = (over: Partial<typeof base> | { programme: 'sprakintroduktion'; birthDate: string }) =>
    enrolmentProblems({ ...base, ...over }).map((p) => `${p.field}:${p.code}`);
  it('is possible from arrival, the right to education holds from the first day', () => {
    expect(codes({ enrolledOn: '2026-11-01' })).toEqual([]);
    expect(codes({ enrolledOn: '2026-10-31' })).toEqual(['enrolledOn:school_before_arrival']);
  });
  it('is never in the future, never before the previous enrolment ended', () => {
    expect(codes({ enrolledOn: '2026-11-24' })).toEqual(['enrolledOn:future']);
    expect(enrolmentProblems({ ...base, previousEnd: '2026-11-15' }).map((p) => p.code)).toEqual([
      'school_overlaps_previous',
    ]);
  });
  it('opens upper secondary (språkintroduktion and the national programmes) only before 18', () => {
    expect(codes({ programme: 'sprakintroduktion', birthDate: '2009-01-01' })).toEqual([]);
    expect(codes({ programme: 'sprakintroduktion', birthDate: '2008-11-10' })).toEqual([
      'programme:school_upper_secondary_after_18',
    ]);
  });
});
