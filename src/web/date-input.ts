/**
 * Dates typed by hand. Anvisa's date fields are text fields written ÅÅÅÅ-MM-DD (the Swedish standard, SS-ISO 8601):
 * a browser's own date control gives an empty value for a date that does not exist (Chromium: 02/30/2015 → ""), so
 * the form could only say "Fältet måste fyllas i". A text field keeps what was typed, and the message names the
 * problem: a date that does not exist ("Datumet finns inte: 30 februari 2015") or a date not written ÅÅÅÅ-MM-DD.
 *
 * Messages are codes (form-errors.ts turns them into text); an impossible date carries the date after a colon.
 */
import { isIsoDate } from '../domain/time.ts';

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 02/30/2015 or 30/02/2015, 30.2.2015: readable only when one of the first two parts cannot be a month. */
const DAY_MONTH_YEAR = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** A date the user typed that does not exist, as year, month and day (month 1–12 or not). */
export interface ImpossibleDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateInputProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'format' }
  | { readonly kind: 'impossible'; readonly date: ImpossibleDate };

/** What is wrong with a typed date, or null when it is a real date written ÅÅÅÅ-MM-DD. */
export function dateInputProblem(raw: string): DateInputProblem | null {
  const value = raw.trim();
  if (value === '') return { kind: 'required' };
  if (isIsoDate(value)) return null;
  const iso = ISO_LIKE.exec(value);
  if (iso !== null)
    return { kind: 'impossible', date: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } };
  const other = DAY_MONTH_YEAR.exec(value);
  if (other !== null) {
    const [a, b, year] = [Number(other[1]), Number(other[2]), Number(other[3])];
    // Which part is the month is known only when the other cannot be one (02/30/2015: the 30th of February).
    const date =
      a > 12 && b <= 12 ? { year, month: b, day: a } : b > 12 && a <= 12 ? { year, month: a, day: b } : null;
    if (date !== null && !isIsoDate(isoOf(date))) return { kind: 'impossible', date };
  }
  return { kind: 'format' };
}

function isoOf(date: ImpossibleDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The message code for a typed date: `required`, `date_format` or `impossible_date:YYYY-MM-DD` (as typed). */
export function dateMessage(raw: unknown): string {
  const problem = dateInputProblem(typeof raw === 'string' ? raw : '');
  if (problem === null || problem.kind === 'format') return 'date_format';
  if (problem.kind === 'required') return 'required';
  return `impossible_date:${isoOf(problem.date)}`;
}

/** The impossible date carried by an `impossible_date:…` message. */
export function impossibleDateOf(argument: string): ImpossibleDate | null {
  const match = ISO_LIKE.exec(argument);
  return match === null ? null : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The refinement's message for a typed date that is not a real date ÅÅÅÅ-MM-DD. */
export const DATE_ISSUE = { error: (iss: { readonly input?: unknown }) => dateMessage(iss.input) };
