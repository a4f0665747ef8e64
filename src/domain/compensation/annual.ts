/**
 * One municipality's annual compensation for a year, spelled out (issue 14 point 6, ADR 0035; research F-R6): the
 * fixed amount, and the variable one — the share (after redistribution) times the Agency's forecast, exactly, rounded
 * half up to whole children, times the rate. The sums are `annualLines`' own; this adds the steps a person checks. Pure.
 */
import { annualLines, shareOfForecast } from './lines.ts';
import type { PayoutLine } from './payouts.ts';
import { rateOn, type RateRow, type RateTable } from './rates.ts';

export interface AnnualBreakdown {
  readonly year: number;
  readonly promille: number;
  readonly forecast: number;
  /** promille / 1000 × forecast as the exact decimal, written with a point ("14.175"). */
  readonly exactChildren: string;
  /** Rounded half up to whole children. */
  readonly children: number;
  /** The rate rows in force on the year's last day (null when the table has none). */
  readonly fixedRate: RateRow | null;
  readonly variableRate: RateRow | null;
  /** FAST_AR and RORLIG_AR, lines of 0 kr left out. */
  readonly lines: readonly PayoutLine[];
  readonly total: number;
}

/** promille / 1000 × forecast written exactly ("9.45" and 1500 → "14.175"); trailing zeros dropped. */
export function exactShareOfForecast(promille: number, forecast: number): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(promille));
  if (match === null) throw new RangeError(`not a plain non-negative decimal: ${promille}`);
  const [, whole = '', fraction = ''] = match;
  const scale = fraction.length + 3;
  const digits = (BigInt(whole + fraction) * BigInt(forecast)).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const decimals = digits.slice(digits.length - scale).replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

export function annualBreakdown(
  year: number,
  promille: number,
  forecast: number,
  rates: RateTable,
): AnnualBreakdown {
  const lastDay = `${year}-12-31`;
  const lines = annualLines({ year, forecast, shares: [{ municipalityCode: '', promille }] }, rates)
    .filter((line) => line.amount !== 0)
    .map(({ code, count, amount }) => ({ childId: null, code, count, amount }));
  return {
    year,
    promille,
    forecast,
    exactChildren: exactShareOfForecast(promille, forecast),
    children: shareOfForecast(promille, forecast),
    fixedRate: rateOn(rates, 'FAST_AR', lastDay),
    variableRate: rateOn(rates, 'RORLIG_AR', lastDay),
    lines,
    total: lines.reduce((sum, line) => sum + line.amount, 0),
  };
}
