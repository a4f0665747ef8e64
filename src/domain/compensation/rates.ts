/**
 * The state compensation's rates as data (reference-data/compensation_rates.csv, research F.1): each row a code, an
 * amount in whole kronor, its unit, the days it is valid (both ends inclusive, an empty end open), its legal source and
 * whether a stored source states it. A new rate is a new row; nothing here names an amount. Pure.
 */
import { isIsoDate } from '../time.ts';

/**
 * The codes the calculator asks the table for. LVU_TILLAGG is no rate (it is the daily cost above the schablon), nor is
 * SFV_KOSTNAD (the municipality's actual cost); UTBILDNING is paid at the annual rate of the pupil's school form
 * (4 § förordning 2017:193), one row per form.
 */
export const RATE_CODES = [
  'ANVISNING_ENGANG',
  'ANKOMST_DYGN',
  'SCHABLON_DYGN',
  'UNGA_DYGN',
  'FAST_AR',
  'RORLIG_AR',
  'SKOLA_FORSKOLEKLASS_AR',
  'SKOLA_GRUNDSKOLA_AR',
  'SKOLA_GYMNASIESKOLA_AR',
] as const;
export type RateCode = (typeof RATE_CODES)[number];

/** The unit each code's amount is in: a row in another unit is refused. */
export const RATE_UNITS: Readonly<Record<RateCode, string>> = {
  ANVISNING_ENGANG: 'kr_per_barn',
  ANKOMST_DYGN: 'kr_per_dygn',
  SCHABLON_DYGN: 'kr_per_dygn',
  UNGA_DYGN: 'kr_per_dygn',
  FAST_AR: 'kr_per_ar',
  RORLIG_AR: 'kr_per_prognosbarn',
  SKOLA_FORSKOLEKLASS_AR: 'kr_per_elev_och_ar',
  SKOLA_GRUNDSKOLA_AR: 'kr_per_elev_och_ar',
  SKOLA_GYMNASIESKOLA_AR: 'kr_per_elev_och_ar',
};

export interface RateRow {
  readonly code: RateCode;
  /** Whole kronor. */
  readonly amount: number;
  readonly validFrom: string;
  /** Inclusive; null when open. */
  readonly validTo: string | null;
  readonly verified: boolean;
  readonly source: string;
}

/** The table's rows per code, in order of their validity; a code's periods never overlap. */
export type RateTable = ReadonlyMap<RateCode, readonly RateRow[]>;

export interface RateCells {
  readonly line: number;
  readonly code: string;
  readonly amount: string;
  readonly unit: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly verified: string;
  readonly source: string;
}

const isRateCode = (code: string): code is RateCode => (RATE_CODES as readonly string[]).includes(code);

/** Reads and checks the table's rows; every problem is named with its line, and a table with one is not built. */
export function buildRateTable(rows: readonly RateCells[]): {
  table: RateTable;
  problems: { line: number; message: string }[];
} {
  const problems: { line: number; message: string }[] = [];
  const byCode = new Map<RateCode, (RateRow & { line: number })[]>();
  for (const cells of rows) {
    const { line } = cells;
    const before = problems.length;
    const problem = (message: string) => problems.push({ line, message });
    if (!isRateCode(cells.code)) problem(`unknown compensation code "${cells.code}"`);
    else if (cells.unit !== RATE_UNITS[cells.code])
      problem(`${cells.code} is counted in ${RATE_UNITS[cells.code]}, not "${cells.unit}"`);
    if (!/^[0-9]+$/.test(cells.amount)) problem(`belopp "${cells.amount}" is not whole kronor`);
    if (!isIsoDate(cells.validFrom)) problem(`giltig_fran "${cells.validFrom}" is not a date`);
    if (cells.validTo !== '' && !isIsoDate(cells.validTo))
      problem(`giltig_till "${cells.validTo}" is not a date`);
    else if (cells.validTo !== '' && cells.validTo < cells.validFrom)
      problem(`giltig_till ${cells.validTo} is before giltig_fran ${cells.validFrom}`);
    if (cells.verified !== 'ja' && cells.verified !== 'nej')
      problem(`verifierad "${cells.verified}" is neither ja nor nej`);
    if (cells.source.trim() === '') problem('kalla is empty: every rate names its source');
    if (problems.length > before || !isRateCode(cells.code)) continue;
    const list = byCode.get(cells.code) ?? [];
    list.push({
      line,
      code: cells.code,
      amount: Number(cells.amount),
      validFrom: cells.validFrom,
      validTo: cells.validTo === '' ? null : cells.validTo,
      verified: cells.verified === 'ja',
      source: cells.source,
    });
    byCode.set(cells.code, list);
  }
  const table = new Map<RateCode, readonly RateRow[]>();
  for (const [code, list] of byCode) {
    list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    list.forEach((row, i) => {
      const next = list[i + 1];
      if (next !== undefined && (row.validTo === null || row.validTo >= next.validFrom))
        problems.push({
          line: next.line,
          message: `${code} from ${next.validFrom} overlaps the row of line ${row.line} (${row.validFrom} to ${row.validTo ?? 'open'})`,
        });
    });
    table.set(
      code,
      list.map(({ line: _line, ...row }) => row),
    );
  }
  return { table, problems };
}

/** The row of `code` in force on `day`, or null when the table has none for that day. */
export function rateOn(table: RateTable, code: RateCode, day: string): RateRow | null {
  for (const row of table.get(code) ?? [])
    if (row.validFrom <= day && (row.validTo === null || day <= row.validTo)) return row;
  return null;
}
