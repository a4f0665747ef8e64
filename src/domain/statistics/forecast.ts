/**
 * The forecast of arrivals per month (ensamkommande barn who seek asylum), nationally and as a municipality's share.
 * Pure: the history comes in, the forecast goes out; no clock, no I/O.
 *
 * Method (for the ADR)
 * --------------------
 * The counts are modelled on the log1p scale, z = ln(1 + count): on that scale a season that multiplies the level
 * (more arrivals in the autumn, in proportion to the year's level) is additive, a level that triples or falls to a
 * tenth is a step of the same size whether the counts are 5 or 5 000, and zeros need no special care.
 *
 * 1. Model: additive Holt-Winters with a damped trend on z (level, trend damped by φ, 12 monthly seasonal terms),
 *    started from the first 24 months (the level and trend from the two yearly means, the seasonal terms from each
 *    month's average distance to its year's line). The smoothing parameters α (level), β (trend), γ (season) and φ
 *    are picked from a small fixed grid (GRID below) by the least sum of squared one-step-ahead errors on z over the
 *    months after the first 24. A high α lets the level follow a shift (2015 → 2016) within months; β = 0 is in the
 *    grid, so a series without a trend does not get one, and β stays small (≤ 0.02): a larger one takes a level
 *    shift for a trend and carries it on (in the back-tests a tripling was extrapolated to ten times).
 * 2. Band and median: rolling-origin back-test on the history itself. From every origin after the first 24 months
 *    the chosen model forecasts the later months of the history (up to 12 months beyond the horizon asked for); the
 *    errors on z (outcome − forecast) are collected per horizon h (months ahead). For horizon h the median and the
 *    10th and 90th percentiles of those errors are added to the forecast for h and turned back with e^x − 1:
 *    `expected` is thus the median (a monotone transform keeps medians), p10..p90 an 80 % band from the model's own
 *    out-of-sample errors (split-conformal style: the percentiles are the ⌊(m+1)·0.1⌋-th and ⌈(m+1)·0.9⌉-th of the
 *    m sorted errors, so the band does not pretend to be narrower than m errors can show). When a horizon has fewer than MIN_ERRORS errors the
 *    neighbouring horizons' errors are pooled with it; a horizon beyond what the history can test uses the longest
 *    tested horizon's errors widened by √(h / longest). Everything is clamped at 0.
 *    Simplification: the parameters are picked once on the whole history and then used at every origin, so the
 *    errors are out-of-sample in the data but not in the choice of four parameters from a grid of 189.
 * 3. The Agency's official forecast for a calendar year (a total), when given, sets the level of that year's forecast
 *    months; the model keeps their seasonal shape. The factor is the official total over the model's own total for
 *    the twelve months after the history (each calendar month once, so a model year), and the forecast months of
 *    that year, the band with them, are multiplied by it; other years are untouched. The official figure is thus a
 *    yearly pace, not a sum the rest of the year must make up: an official forecast from January that the year has
 *    fallen far behind by November does not pile its whole gap onto December (ADR 0039). A model year of nothing
 *    spreads the official total evenly, a twelfth a month.
 * 4. A municipality's forecast is its share (per mille) of the national one: expected, p10 and p90 alike.
 *
 * Measured by the back-tests in test/domain/statistics/forecast.test.ts (synthetic series with negative-binomial
 * noise): the 80 % band covers 65–95 % of held-out months and the median's mean absolute error is no worse than the
 * seasonal naive forecast's (the same month a year earlier).
 */

export interface MonthCount {
  /** YYYY-MM */
  readonly month: string;
  readonly count: number;
}

export interface ForecastMonth {
  /** YYYY-MM */
  readonly month: string;
  /** The median. */
  readonly expected: number;
  readonly p10: number;
  readonly p90: number;
}

/** Three years: two to start the model from, at least one to test it on. */
export const MIN_HISTORY_MONTHS = 36;
const MAX_HORIZON = 120;
const SEASON = 12;
const START = 2 * SEASON;
const MIN_ERRORS = 30;

/** The history or the call is not one a forecast can be made from; `index` is the history row (0-based) if any. */
export class ForecastInputError extends Error {
  override name = 'ForecastInputError';
  constructor(
    message: string,
    readonly index: number | null = null,
  ) {
    super(message);
  }
}

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

function monthIndex(month: string): number | null {
  const m = MONTH.exec(month);
  return m === null ? null : Number(m[1]) * 12 + Number(m[2]) - 1;
}

function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Checks the history: at least 36 consecutive months in order, counts whole numbers ≥ 0. Its first month's index. */
function checkHistory(history: readonly MonthCount[]): number {
  let first = 0;
  history.forEach((row, i) => {
    const index = monthIndex(row.month);
    if (index === null) throw new ForecastInputError(`month "${row.month}" is not written YYYY-MM`, i);
    if (!Number.isInteger(row.count) || row.count < 0)
      throw new ForecastInputError(`count ${row.count} for ${row.month} is not a whole number ≥ 0`, i);
    if (i === 0) first = index;
    else if (index !== first + i)
      throw new ForecastInputError(
        `${row.month} does not follow ${history[i - 1]?.month ?? ''}: the months must be consecutive`,
        i,
      );
  });
  if (history.length < MIN_HISTORY_MONTHS)
    throw new ForecastInputError(
      `${history.length} months of history; a forecast needs at least ${MIN_HISTORY_MONTHS}`,
    );
  return first;
}

function checkHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON)
    throw new ForecastInputError(
      `horizon ${horizon} is not a whole number of months from 1 to ${MAX_HORIZON}`,
    );
}

interface Parameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

const GRID: readonly Parameters[] = (() => {
  const grid: Parameters[] = [];
  for (const alpha of [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9])
    for (const beta of [0, 0.01, 0.02])
      for (const gamma of [0.05, 0.15, 0.3])
        for (const phi of [0.8, 0.9, 0.98]) grid.push({ alpha, beta, gamma, phi });
  return grid;
})();

/** The model's state after each month t: level[t], trend[t], and seasonal[t + 12] the term last set for t's month. */
interface Fit {
  readonly phi: number;
  readonly level: Float64Array;
  readonly trend: Float64Array;
  readonly seasonal: Float64Array;
  /** Sum of squared one-step-ahead errors over the months after the first 24. */
  readonly sse: number;
}

function fit(z: readonly number[], p: Parameters): Fit {
  const n = z.length;
  const mean = (from: number) => z.slice(from, from + SEASON).reduce((s, v) => s + v, 0) / SEASON;
  const mean1 = mean(0);
  const mean2 = mean(SEASON);
  const slope = (mean2 - mean1) / SEASON;
  const seasonal = new Float64Array(n + SEASON);
  for (let j = 0; j < SEASON; j++) {
    const line = (year: number) => (year === 0 ? mean1 : mean2) + (j - (SEASON - 1) / 2) * slope;
    seasonal[j] = ((z[j] ?? 0) - line(0) + (z[SEASON + j] ?? 0) - line(1)) / 2;
  }
  const average = seasonal.slice(0, SEASON).reduce((s, v) => s + v, 0) / SEASON;
  for (let j = 0; j < SEASON; j++) seasonal[j] = (seasonal[j] ?? 0) - average;
  const level = new Float64Array(n);
  const trend = new Float64Array(n);
  let l = mean1 - ((SEASON + 1) / 2) * slope;
  let b = slope;
  let sse = 0;
  const { alpha, beta, gamma, phi } = p;
  for (let t = 0; t < n; t++) {
    const s = seasonal[t] ?? 0; // the term of t's month, set a year before
    const predicted = l + phi * b + s;
    const value = z[t] ?? 0;
    if (t >= START) sse += (value - predicted) ** 2;
    const nextLevel = alpha * (value - s) + (1 - alpha) * (l + phi * b);
    b = beta * (nextLevel - l) + (1 - beta) * phi * b;
    seasonal[t + SEASON] = gamma * (value - l - phi * b) + (1 - gamma) * s;
    l = nextLevel;
    level[t] = l;
    trend[t] = b;
  }
  return { phi, level, trend, seasonal, sse };
}

/** The forecast on z from the state after month `origin`, `h` months ahead. */
function pointForecast(f: Fit, origin: number, h: number): number {
  let damping = 0;
  let power = 1;
  for (let i = 1; i <= h; i++) {
    power *= f.phi;
    damping += power;
  }
  const seasonIndex = origin + h - SEASON * Math.ceil(h / SEASON);
  return (f.level[origin] ?? 0) + damping * (f.trend[origin] ?? 0) + (f.seasonal[seasonIndex + SEASON] ?? 0);
}

function bestFit(z: readonly number[]): Fit {
  let best: Fit | null = null;
  for (const p of GRID) {
    const candidate = fit(z, p);
    if (best === null || candidate.sse < best.sse) best = candidate;
  }
  if (best === null) throw new Error('empty parameter grid');
  return best;
}

interface ErrorQuantiles {
  readonly low: number;
  readonly median: number;
  readonly high: number;
}

function quantiles(errors: readonly number[], scale: number): ErrorQuantiles {
  const sorted = [...errors].sort((a, b) => a - b);
  const m = sorted.length;
  const at = (k: number) => (sorted[Math.min(m, Math.max(1, k)) - 1] ?? 0) * scale;
  const median =
    m % 2 === 1 ? (sorted[(m - 1) / 2] ?? 0) : ((sorted[m / 2 - 1] ?? 0) + (sorted[m / 2] ?? 0)) / 2;
  return { low: at(Math.floor((m + 1) * 0.1)), median: median * scale, high: at(Math.ceil((m + 1) * 0.9)) };
}

/** Per horizon 1..`horizon`, the quantiles of the back-test errors on z (pooled or widened as the header says). */
function errorQuantiles(z: readonly number[], f: Fit, horizon: number): ErrorQuantiles[] {
  const n = z.length;
  const longest = n - START; // origin START-1 to the last month
  const tested = Math.min(longest, horizon + SEASON);
  const byHorizon: number[][] = Array.from({ length: tested + 1 }, () => []);
  for (let origin = START - 1; origin < n - 1; origin++)
    for (let h = 1; h <= tested && origin + h < n; h++)
      byHorizon[h]?.push((z[origin + h] ?? 0) - pointForecast(f, origin, h));
  const pooled = (h: number): number[] => {
    const errors = [...(byHorizon[h] ?? [])];
    for (let w = 1; errors.length < MIN_ERRORS && (h - w >= 1 || h + w <= tested); w++) {
      if (h - w >= 1) errors.push(...(byHorizon[h - w] ?? []));
      if (h + w <= tested) errors.push(...(byHorizon[h + w] ?? []));
    }
    return errors;
  };
  const result: ErrorQuantiles[] = [];
  for (let h = 1; h <= horizon; h++)
    result.push(h <= tested ? quantiles(pooled(h), 1) : quantiles(pooled(tested), Math.sqrt(h / tested)));
  return result;
}

function modelForecast(history: readonly MonthCount[], first: number, horizon: number): ForecastMonth[] {
  const z = history.map((r) => Math.log1p(r.count));
  const f = bestFit(z);
  const origin = z.length - 1;
  const errors = errorQuantiles(z, f, horizon);
  return errors.map((q, i) => {
    const point = pointForecast(f, origin, i + 1);
    const back = (x: number) => Math.max(0, Math.expm1(point + x));
    return {
      month: monthOf(first + origin + i + 1),
      expected: back(q.median),
      p10: back(q.low),
      p90: back(q.high),
    };
  });
}

/**
 * The `horizon` months after the history's last month: the median and an 80 % band. With `official`, that year's
 * forecast months are scaled to the official total (see the header).
 */
export function forecastArrivals(
  history: readonly MonthCount[],
  horizon: number,
  official?: { readonly year: number; readonly total: number },
): ForecastMonth[] {
  const first = checkHistory(history);
  checkHorizon(horizon);
  if (official === undefined) return modelForecast(history, first, horizon);
  if (!Number.isInteger(official.year) || !Number.isFinite(official.total) || official.total < 0)
    throw new ForecastInputError(
      `the official forecast ${official.total} for ${official.year} is not a total ≥ 0 for a year`,
    );
  const next = first + history.length; // the first forecast month's index
  const yearStart = official.year * 12;
  const yearEnd = yearStart + 11;
  if (yearEnd < next || yearStart >= next + horizon) return modelForecast(history, first, horizon);
  const forecast = modelForecast(history, first, Math.max(horizon, SEASON));
  const modelYear = forecast.slice(0, SEASON).reduce((sum, m) => sum + m.expected, 0);
  const inYear = (i: number) => next + i >= yearStart && next + i <= yearEnd;
  return forecast.slice(0, horizon).map((m, i) => {
    if (!inYear(i)) return m;
    if (modelYear === 0) {
      // A model year of nothing: the official total a twelfth a month, the band a point.
      const even = official.total / SEASON;
      return { month: m.month, expected: even, p10: even, p90: even };
    }
    const factor = official.total / modelYear;
    return { month: m.month, expected: m.expected * factor, p10: m.p10 * factor, p90: m.p90 * factor };
  });
}

/** A municipality's share (per mille) of the national forecast: the median and the band alike. */
export function municipalForecast(
  national: readonly ForecastMonth[],
  sharePromille: number,
): ForecastMonth[] {
  if (!Number.isFinite(sharePromille) || sharePromille < 0 || sharePromille > 1000)
    throw new ForecastInputError(`share ${sharePromille} ‰ is not from 0 to 1000`);
  const f = sharePromille / 1000;
  return national.map((m) => ({ month: m.month, expected: m.expected * f, p10: m.p10 * f, p90: m.p90 * f }));
}

/** The baseline: each forecast month the same month of the last year in the history. */
export function seasonalNaive(history: readonly MonthCount[], horizon: number): number[] {
  checkHistory(history);
  checkHorizon(horizon);
  const n = history.length;
  return Array.from(
    { length: horizon },
    (_, i) => history[n - 1 + (i + 1) - SEASON * Math.ceil((i + 1) / SEASON)]?.count ?? 0,
  );
}

export interface OfficialForecast {
  readonly year: number;
  /** YYYY-MM-DD */
  readonly publishedOn: string;
  readonly forecast: number;
}

export interface ForecastOutcome extends OfficialForecast {
  /** The year's arrivals, null while unknown. */
  readonly outcome: number | null;
  /** forecast − outcome: above 0 the forecast was too high. */
  readonly error: number | null;
  /** error / outcome (null when the outcome is unknown or 0). */
  readonly relativeError: number | null;
}

/** How far each official forecast was from the year's outcome. */
export function forecastAccuracy(
  entries: readonly OfficialForecast[],
  outcomes: ReadonlyMap<number, number>,
): ForecastOutcome[] {
  return entries.map((e) => {
    const outcome = outcomes.get(e.year) ?? null;
    const error = outcome === null ? null : e.forecast - outcome;
    return {
      ...e,
      outcome,
      error,
      relativeError: outcome === null || outcome === 0 || error === null ? null : error / outcome,
    };
  });
}
