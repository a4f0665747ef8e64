/**
 * Swedish working days and calendar arithmetic for deadlines. Pure: dates are ISO strings (YYYY-MM-DD).
 *
 * Lag (1930:173) om beräkning av lagstadgad tid: when a statutory period ends on a Saturday, a Sunday, another public
 * holiday (allmän helgdag), midsommarafton, julafton or nyårsafton, the act may be done on the next working day.
 * Public holidays come from a maintained library (`date-holidays`, country SE); the three eves are its "bank" days.
 */
import Holidays from 'date-holidays';

const holidays = new Holidays('SE');
const cache = new Map<number, ReadonlySet<string>>();

/** Public holidays plus midsommarafton, julafton and nyårsafton of a year. */
function nonWorkingDays(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (days === undefined) {
    days = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, days);
  }
  return days;
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function weekday(date: string): number {
  return parse(date).getUTCDay(); // 0 Sunday … 6 Saturday
}

export function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !nonWorkingDays(Number(date.slice(0, 4))).has(date);
}

export function addCalendarDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** The date itself when it is a working day, otherwise the next working day (lag 1930:173). */
export function onOrNextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

export function nextWorkingDay(date: string): string {
  return onOrNextWorkingDay(addCalendarDays(date, 1));
}

export function addWorkingDays(date: string, days: number): string {
  let d = date;
  for (let i = 0; i < days; i++) d = nextWorkingDay(d);
  return d;
}

/**
 * Months, birthdays and ages are plain date arithmetic (time.ts), shared with the browser without the holiday tables:
 * code the web bundles imports them from time.ts, never from here (test/web/bundle-imports.test.ts).
 */
export { addMonths, ageOn, birthday } from '../time.ts';
