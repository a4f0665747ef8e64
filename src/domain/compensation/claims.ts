/**
 * The claim deadline (19 § förordning 2017:193 as amended by SFS 2021:804; research F-R4): a claim covers one quarter
 * or two that follow each other, and must reach the Migration Agency within six months from the end of the first
 * quarter — the last day of the sixth month after it (Q1 + Q2 2025 by 2025-09-30, Q3 2024 by 2025-03-31); `claimLastDay`
 * moves it past a weekend or holiday (lag 1930:173) with the deadline calendar, which the web does not bundle. Pure.
 */
import { addDays, addMonths } from '../time.ts';
import { onOrNextWorkingDay } from '../deadlines/calendar.ts';
import { claimableQuarters } from './claim-rules.ts';

const QUARTER = /^(\d{4})-Q([1-4])$/;

function quarterIndex(quarter: string): number | null {
  const match = QUARTER.exec(quarter);
  return match === null ? null : Number(match[1]) * 4 + Number(match[2]) - 1;
}

/** The last day a claim for the quarters (YYYY-Qn, one or two consecutive) may arrive; null for any other set. */
export function claimDeadline(quarters: readonly string[]): string | null {
  const indexes = quarters.map(quarterIndex);
  const [first, second] = indexes;
  if (first === undefined || first === null || indexes.length > 2) return null;
  if (indexes.length === 2 && second !== first + 1) return null;
  const next = first + 1;
  const nextQuarterStart = `${Math.floor(next / 4)}-${String((next % 4) * 3 + 1).padStart(2, '0')}-01`;
  return addDays(addMonths(nextQuarterStart, 6), -1);
}

/**
 * The last day a claim for the quarters may reach the Agency: six months from the end of the first quarter (19 §
 * förordning 2017:193, SFS 2021:804), moved to the next working day when it is a Saturday, a Sunday, a holiday,
 * midsommarafton, julafton or nyårsafton (lag 1930:173). Null for quarters a claim cannot cover.
 */
export function claimLastDay(quarters: readonly string[]): string | null {
  const deadline = claimDeadline(quarters);
  return deadline === null ? null : onOrNextWorkingDay(deadline);
}

/** The quarters a new claim may be drafted for on `today`, newest first, each with its last day and whether it passed. */
export function claimQuarterChoices(today: string): { quarter: string; lastDay: string; passed: boolean }[] {
  return claimableQuarters(today).flatMap((quarter) => {
    const lastDay = claimLastDay([quarter]);
    return lastDay === null ? [] : [{ quarter, lastDay, passed: today > lastDay }];
  });
}
