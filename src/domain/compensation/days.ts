/**
 * Days for the compensation: a calendar date as a whole number of days since 1970-01-01 (so that a run of days is
 * counted by subtraction, never day by day), quarters, and the birthdays that end the periods of years. Pure.
 */
import { addMonths } from '../time.ts';

const DAY_MS = 86_400_000;

/** No day before the compensation system of 1 July 2017 counts (the older system is history only). */
export const FIRST_DAY = '2017-07-01';

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The quarter of an ISO date, written YYYY-Qn. */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Calls `each` for the part of the days [from, until) in each calendar quarter, in order. */
export function splitByQuarter(
  from: number,
  until: number,
  each: (quarter: string, from: number, until: number) => void,
): void {
  let start = from;
  while (start < until) {
    const date = new Date(start * DAY_MS);
    const year = date.getUTCFullYear();
    const firstMonth = Math.floor(date.getUTCMonth() / 3) * 3;
    const next = Date.UTC(year, firstMonth + 3, 1) / DAY_MS;
    const end = next < until ? next : until;
    each(`${year}-Q${firstMonth / 3 + 1}`, start, end);
    start = end;
  }
}

/**
 * The day a person born on `birthDate` turns `years`: the same date that many years on; born on 29 February, the 28th
 * in a common year, as lag (1930:173) om beräkning av lagstadgad tid ends a period of years whose month has no such
 * day. The compensation's 18th and 21st birthdays come from here and nowhere else.
 */
export function compensationBirthday(birthDate: string, years: number): string {
  return addMonths(birthDate, years * 12);
}
