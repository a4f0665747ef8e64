/**
 * The compensation for the education of asylum-seeking children (3–4 §§ förordning 2017:193; issue 14 points 3–4):
 * an annual amount per pupil by school form, paid, for a pupil not in education a whole year, as a tenth of it for each
 * started four-week period (4 § second paragraph). How the periods are counted follows the Migration Agency's
 * regulations MIGRFS 2020:13 (in force 1 January 2021): a period's first day lies in the spring or autumn term, at
 * most ten periods a year, and a period never overlaps one already counted. Pure.
 *
 * Interpretations (ADR 0038): a child is in education from the enrolment's first school day to the day it ended
 * (excluded), while asylum-seeking — before the residence permit — and before the 18th birthday (3 § speaks of
 * children; education after 18 under 3 a § is another, discretionary grant). Anvisa does not hold the municipality's
 * own term dates, so a period may begin on any day but in July (the school year begins in August and ends in June).
 * The periods are one chain per child from its first day in education, so a window or a claim's quarters never change
 * which periods there are; a period belongs to the quarter and the year of its first day.
 */
import type { SchoolProgramme } from '../placement/vocabulary.ts';
import { dayNumber, FIRST_DAY, isoDay } from './days.ts';
import type { RateCode } from './rates.ts';

/** The school forms 4 § pays for, as far as an unaccompanied child's enrolments go (förskola is not among them). */
export const SCHOOL_FORMS = ['forskoleklass', 'grundskola', 'gymnasieskola'] as const;
export type SchoolForm = (typeof SCHOOL_FORMS)[number];

/** Each form's annual amount in the rate table. */
export const SCHOOL_RATE_CODES: Readonly<Record<SchoolForm, RateCode>> = {
  forskoleklass: 'SKOLA_FORSKOLEKLASS_AR',
  grundskola: 'SKOLA_GRUNDSKOLA_AR',
  gymnasieskola: 'SKOLA_GYMNASIESKOLA_AR',
};

/**
 * The form of a programme: grundskola and anpassad grundskola (formerly grundsärskola) are paid as grundskola; the
 * introduction and national programmes and anpassad gymnasieskola are in the gymnasieskola.
 */
export const SCHOOL_FORM_OF: Readonly<Record<SchoolProgramme, SchoolForm>> = {
  forskoleklass: 'forskoleklass',
  grundskola: 'grundskola',
  anpassad_grundskola: 'grundskola',
  sprakintroduktion: 'gymnasieskola',
  yrkesintroduktion: 'gymnasieskola',
  individuellt_alternativ: 'gymnasieskola',
  programinriktat_val: 'gymnasieskola',
  nationellt_program: 'gymnasieskola',
  anpassad_gymnasieskola: 'gymnasieskola',
};

/** Days in a period (four weeks) and periods paid a year at most (a tenth each: the annual amount). */
export const SCHOOL_PERIOD_DAYS = 28;
export const SCHOOL_PERIODS_PER_YEAR = 10;

export interface SchoolingFact {
  /** The municipality that educates the child (the enrolment's). */
  readonly municipalityCode: string;
  readonly form: SchoolForm;
  /** The first school day. */
  readonly from: string;
  /** The day the schooling ended, excluded; null while it lasts. */
  readonly to: string | null;
}

/** One four-week period: its days [from, until) as day numbers, the schooling its first day belongs to. */
export interface SchoolPeriod {
  readonly from: number;
  readonly until: number;
  readonly schooling: SchoolingFact;
}

const yearOf = (day: number) => Number(isoDay(day).slice(0, 4));
const inJuly = (day: number) => isoDay(day).slice(5, 7) === '07';
const FIRST = dayNumber(FIRST_DAY);

/**
 * The child's four-week periods in education, in order: each begins on the first day in education not covered by an
 * earlier period and not in July, at most ten begin in a calendar year. `permitDate` and `birthday18` end the days in
 * education (null: none).
 */
export function schoolPeriods(
  schooling: readonly SchoolingFact[],
  permitDate: string | null,
  birthday18: string,
): SchoolPeriod[] {
  const end = Math.min(dayNumber(birthday18), permitDate === null ? Infinity : dayNumber(permitDate));
  const spans = schooling
    .map((s) => ({
      s,
      from: Math.max(FIRST, dayNumber(s.from)),
      until: Math.min(end, s.to === null ? Infinity : dayNumber(s.to)),
    }))
    .filter((span) => span.from < span.until)
    .sort((a, b) => a.from - b.from);
  const periods: SchoolPeriod[] = [];
  const perYear = new Map<number, number>();
  let covered = -Infinity;
  for (const span of spans) {
    let day = Math.max(span.from, covered);
    while (day < span.until) {
      const year = yearOf(day);
      if (inJuly(day)) {
        day = dayNumber(`${String(year)}-08-01`);
        continue;
      }
      const counted = perYear.get(year) ?? 0;
      if (counted >= SCHOOL_PERIODS_PER_YEAR) {
        day = dayNumber(`${String(year + 1)}-01-01`);
        continue;
      }
      periods.push({ from: day, until: day + SCHOOL_PERIOD_DAYS, schooling: span.s });
      perYear.set(year, counted + 1);
      covered = day + SCHOOL_PERIOD_DAYS;
      day = covered;
    }
  }
  return periods;
}
