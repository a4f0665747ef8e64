/**
 * The compensation summed per municipality, period and code (the lines a claim or a payment list holds), the annual
 * compensation, and one child's amount explained day by day. Pure.
 */
import {
  ACTUAL_COST_CODES,
  childRuns,
  prepareRates,
  type ChildFacts,
  type CompensationCode,
  type CompensationRun,
  type DayWindow,
  type PlacementFact,
  type ResponsibilityFact,
  type SpecialCustodyFact,
} from './calculator.ts';
import type { SchoolingFact } from './schooling.ts';
import { compensationBirthday, isoDay } from './days.ts';
import { rateOn, type RateRow, type RateTable } from './rates.ts';

export interface CompensationLine {
  readonly municipalityCode: string;
  /** YYYY-Qn, or YYYY for the annual compensation. */
  readonly period: string;
  readonly code: CompensationCode;
  /** Days for the daily codes, children for ANVISNING_ENGANG and RORLIG_AR, 1 for FAST_AR. */
  readonly count: number;
  /** Whole kronor. */
  readonly amount: number;
}

export interface ShareFact {
  readonly municipalityCode: string;
  /** Per mille, decimals allowed. */
  readonly promille: number;
}

export interface AnnualFacts {
  readonly year: number;
  /** The Migration Agency's forecast of unaccompanied children for the year. */
  readonly forecast: number;
  /** Every municipality's share after redistribution, 0 ‰ included. */
  readonly shares: readonly ShareFact[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Plain string order of municipality code, period and code. */
function byKey(a: CompensationLine, b: CompensationLine): number {
  return (
    compare(a.municipalityCode, b.municipalityCode) || compare(a.period, b.period) || compare(a.code, b.code)
  );
}

/**
 * The lines for the children's days within the window, and for a year's annual compensation when given; summed per
 * municipality, period and code, lines of 0 kr left out (but for an actual-cost code's days, whose amount the
 * municipality states), sorted.
 */
export function compensationLines(
  children: Iterable<ChildFacts>,
  window: DayWindow,
  rates: RateTable,
  annual: AnnualFacts | null = null,
): CompensationLine[] {
  const prepared = prepareRates(rates);
  const sums = new Map<
    string,
    { municipalityCode: string; period: string; code: CompensationCode; count: number; amount: number }
  >();
  const add = (
    municipalityCode: string,
    period: string,
    code: CompensationCode,
    count: number,
    amount: number,
  ) => {
    const key = `${municipalityCode},${period},${code}`;
    const sum = sums.get(key);
    if (sum === undefined) sums.set(key, { municipalityCode, period, code, count, amount });
    else {
      sum.count += count;
      sum.amount += amount;
    }
  };
  for (const child of children)
    for (const run of childRuns(child, window, prepared))
      add(run.municipalityCode, run.period, run.code, run.count, run.amount);
  if (annual !== null)
    for (const line of annualLines(annual, rates))
      add(line.municipalityCode, line.period, line.code, line.count, line.amount);
  return [...sums.values()]
    .filter((line) => line.amount !== 0 || (ACTUAL_COST_CODES.has(line.code) && line.count > 0))
    .sort(byKey);
}

/**
 * FAST_AR to every municipality in the shares, and RORLIG_AR: the share of the forecast rounded half up to whole
 * children, times the rate. The rates are those in force on the year's last day.
 */
export function annualLines(annual: AnnualFacts, rates: RateTable): CompensationLine[] {
  const period = String(annual.year);
  const lastDay = `${period}-12-31`;
  const fixed = rateOn(rates, 'FAST_AR', lastDay);
  const variable = rateOn(rates, 'RORLIG_AR', lastDay);
  const lines: CompensationLine[] = [];
  for (const { municipalityCode, promille } of annual.shares) {
    if (fixed !== null)
      lines.push({ municipalityCode, period, code: 'FAST_AR', count: 1, amount: fixed.amount });
    const children = shareOfForecast(promille, annual.forecast);
    if (variable !== null)
      lines.push({
        municipalityCode,
        period,
        code: 'RORLIG_AR',
        count: children,
        amount: children * variable.amount,
      });
  }
  return lines;
}

/** promille / 1000 × forecast, rounded half up to whole children, exactly (9.45 ‰ × 1,500 = 14.175 → 14). */
export function shareOfForecast(promille: number, forecast: number): number {
  const [digits, scale] = exactDecimal(promille);
  const numerator = digits * BigInt(forecast);
  const denominator = 1000n * 10n ** BigInt(scale);
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** A non-negative number as the decimal it was written as: digits and the power of ten below them. */
function exactDecimal(value: number): [bigint, number] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`not a non-negative decimal: ${value}`);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? [digits, scale] : [digits * 10n ** BigInt(-scale), 0];
}

/** One run of one child's days, in dates. */
export interface ExplainedRun {
  readonly code: CompensationCode;
  readonly municipalityCode: string;
  readonly period: string;
  /** The first day and the last day of the run (both included; the same day for ANVISNING_ENGANG). */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly count: number;
  readonly rate: number;
  readonly amount: number;
  /**
   * The rate row the rate came from, with its legal source (for LVU_TILLAGG the schablon subtracted, for UTBILDNING
   * the school form's annual amount); null for SFV_KOSTNAD.
   */
  readonly rateRow: RateRow | null;
  /** The facts the run rests on: the responsibility period and the placement, where the rule asks for them. */
  readonly responsibility: ResponsibilityFact | null;
  readonly placement: PlacementFact | null;
  /** For UTBILDNING the schooling the four-week period began in; for SFV_KOSTNAD the custodian's appointment. */
  readonly schooling: SchoolingFact | null;
  readonly specialCustody: SpecialCustodyFact | null;
}

export interface ChildExplanation {
  readonly childId: string;
  readonly birthday18: string;
  readonly birthday21: string;
  readonly runs: readonly ExplainedRun[];
  readonly total: number;
}

/** One child's amount explained: each run of days with its code, municipality, rate and facts, in date order. */
export function explainChild(child: ChildFacts, window: DayWindow, rates: RateTable): ChildExplanation {
  const runs = childRuns(child, window, prepareRates(rates))
    .sort((a: CompensationRun, b: CompensationRun) => a.from - b.from || compare(a.code, b.code))
    .map(({ from, until, ...run }) => ({ ...run, firstDay: isoDay(from), lastDay: isoDay(until - 1) }));
  return {
    childId: child.childId,
    birthday18: compensationBirthday(child.birthDate, 18),
    birthday21: compensationBirthday(child.birthDate, 21),
    runs,
    total: runs.reduce((sum, run) => sum + run.amount, 0),
  };
}
