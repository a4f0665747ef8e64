/**
 * Who is a child: a person under 18 (ADULT_AGE). An unaccompanied child (ensamkommande barn) is under 18 on the day
 * of arrival; a stated birth date that makes the person 18 or older then is not a child's registration. A doubtful
 * age is registered as stated and goes the age-assessment way (the age machine, src/domain/asylum/age.ts). Pure, and
 * free of the holiday tables so the registration form can ask the same question. Birthdays as everywhere in Anvisa:
 * a 29 February birthday falls on 1 March in common years.
 */
import { ageOn } from '../time.ts';

export const ADULT_AGE = 18;

/** Whether a person born on `birthDate` is 18 or older on `date`. */
export function isAdultOn(birthDate: string, date: string): boolean {
  return ageOn(birthDate, date) >= ADULT_AGE;
}

export type ArrivalDateProblemCode = 'future' | 'arrival_before_birth' | 'adult_on_arrival';

export interface ArrivalDateProblem {
  readonly field: 'birthDate' | 'arrivalDate';
  readonly code: ArrivalDateProblemCode;
}

/**
 * What is wrong with a stated birth date and arrival date for registering an unaccompanied child on `today`: a date
 * in the future, an arrival before the birth, or a person who was 18 or older on the arrival date. Empty when the
 * two dates describe a child; both dates are real ISO dates (the schema has checked them).
 */
export function arrivalDateProblems(
  birthDate: string,
  arrivalDate: string,
  today: string,
): ArrivalDateProblem[] {
  const problems: ArrivalDateProblem[] = [];
  if (birthDate > today) problems.push({ field: 'birthDate', code: 'future' });
  if (arrivalDate > today) problems.push({ field: 'arrivalDate', code: 'future' });
  if (problems.length > 0) return problems;
  if (arrivalDate < birthDate) return [{ field: 'arrivalDate', code: 'arrival_before_birth' }];
  if (isAdultOn(birthDate, arrivalDate)) return [{ field: 'birthDate', code: 'adult_on_arrival' }];
  return [];
}
