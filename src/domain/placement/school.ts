/**
 * School: a right to education from arrival; the school start is due no later than one month after arrival
 * (prop. 2000/01:115, guidance) and measured as days from arrival to the first school day (goal ≤ 30).
 * Upper-secondary programmes are open only to those who start before they turn 18. Pure.
 */
import { ageOn } from '../deadlines/calendar.ts';
import { daysBetween } from './days.ts';
import type { Problem } from './rules.ts';
import { UPPER_SECONDARY, type SchoolProgramme } from './vocabulary.ts';

export const SCHOOL_GOAL_DAYS = 30;

export interface SchoolClock {
  /** Days from arrival to the school start, or — before the start — to today. */
  readonly days: number;
  readonly started: boolean;
  /** Within the goal: started within 30 days, or not yet started and still within them. */
  readonly withinGoal: boolean;
}

export function schoolClock(arrivalDate: string, startedOn: string | null, today: string): SchoolClock {
  const days = daysBetween(arrivalDate, startedOn ?? today);
  return { days, started: startedOn !== null, withinGoal: days <= SCHOOL_GOAL_DAYS };
}

export function enrolmentProblems(f: {
  readonly programme: SchoolProgramme;
  readonly enrolledOn: string;
  readonly arrivalDate: string;
  readonly birthDate: string;
  readonly today: string;
  /** The end of the previous enrolment, if any: a new one starts on or after it. */
  readonly previousEnd: string | null;
}): Problem[] {
  const problems: Problem[] = [];
  if (f.enrolledOn > f.today)
    problems.push({
      field: 'enrolledOn',
      code: 'future',
      message: 'Inskrivningen kan inte ligga i framtiden',
    });
  else if (f.enrolledOn < f.arrivalDate)
    problems.push({
      field: 'enrolledOn',
      code: 'school_before_arrival',
      message: `Barnet kom till Sverige ${f.arrivalDate}`,
    });
  else if (f.previousEnd !== null && f.enrolledOn < f.previousEnd) {
    problems.push({
      field: 'enrolledOn',
      code: 'school_overlaps_previous',
      message: `Förra skolgången slutade ${f.previousEnd}`,
    });
  }
  if (UPPER_SECONDARY.has(f.programme) && ageOn(f.birthDate, f.enrolledOn) >= 18) {
    problems.push({
      field: 'programme',
      code: 'school_upper_secondary_after_18',
      message: 'Gymnasieskolan kan bara påbörjas före 18 års ålder',
    });
  }
  return problems;
}
