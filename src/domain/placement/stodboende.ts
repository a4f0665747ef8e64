/**
 * Stödboende is for ages 16–20; for 16–17-year-olds only with a recorded special reason. Kept apart from the holiday
 * calendar so that the UI can ask the same question while the form is filled in.
 */
import type { PlacementForm } from './vocabulary.ts';

export const STODBOENDE_MIN_AGE = 16;

/** Whole years between a birth date and a date (ISO strings). */
export function ageAt(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether a 16–17-year-old in stödboende needs a special reason recorded, from the age on the first day. */
export function needsSpecialReason(form: PlacementForm, birthDate: string, fromDate: string): boolean {
  const age = ageAt(birthDate, fromDate);
  return form === 'stodboende' && age >= STODBOENDE_MIN_AGE && age < 18;
}

/** Stödboende is not possible before 16. */
export function tooYoungForStodboende(form: PlacementForm, birthDate: string, fromDate: string): boolean {
  return form === 'stodboende' && ageAt(birthDate, fromDate) < STODBOENDE_MIN_AGE;
}
