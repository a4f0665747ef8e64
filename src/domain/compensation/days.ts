/**
 * Days for the compensation: a calendar date as a whole number of days since 1970-01-01 (so that a run of days is
 * counted by subtraction, never day by day), quarters, and the birthdays that end the periods of years. Arithmetic on
 * the proleptic Gregorian calendar (H. Hinnant's days_from_civil), no Date per day: the command reads 100,000s. Pure.
 */

/** No day before the compensation system of 1 July 2017 counts (the older system is history only). */
export const FIRST_DAY = '2017-07-01';

/** The day number of a year, month (1–12) and day. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayNumber(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The quarter of an ISO date, written YYYY-Qn. */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

interface Quarter {
  readonly label: string;
  readonly from: number;
  readonly until: number;
}

/** Quarters by their index (year × 4 + quarter − 1), made as they are asked for (a few dozen in any computation). */
const quarters = new Map<number, Quarter>();

/** The quarter a day number falls in: year × 4 + quarter − 1 (civil_from_days, the inverse of daysFromCivil). */
function quarterIndexOf(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 4 + Math.floor((month - 1) / 3);
}

/** The first day of quarter `index` (year × 4 + quarter − 1, counted from year 0). */
function quarterStart(index: number): number {
  return daysFromCivil(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
}

function quarter(index: number): Quarter {
  let q = quarters.get(index);
  if (q === undefined) {
    q = {
      label: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`,
      from: quarterStart(index),
      until: quarterStart(index + 1),
    };
    quarters.set(index, q);
  }
  return q;
}

/** Calls `each` for the part of the days [from, until) in each calendar quarter, in order. */
export function splitByQuarter(
  from: number,
  until: number,
  each: (quarter: string, from: number, until: number) => void,
): void {
  if (from >= until) return;
  let index = quarterIndexOf(from);
  let start = from;
  while (start < until) {
    const q = quarter(index);
    const end = q.until < until ? q.until : until;
    each(q.label, start, end);
    start = end;
    index++;
  }
}

/**
 * The day a person born on `birthDate` turns `years`: the same date that many years on; born on 29 February, the 28th
 * in a common year, as lag (1930:173) om beräkning av lagstadgad tid ends a period of years whose month has no such
 * day. The compensation's 18th and 21st birthdays come from here and nowhere else.
 */
export function compensationBirthday(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDay = birthDate.slice(4);
  return `${String(year).padStart(4, '0')}${monthDay === '-02-29' && !leap ? '-02-28' : monthDay}`;
}
