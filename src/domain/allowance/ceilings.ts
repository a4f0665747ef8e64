/**
 * The special grant's needs and their ceilings as data (reference-data/special_grant_needs.csv, ADR 0033): each kind
 * of need with the highest amount a stored source states, or none. The research found no amount, so every row is
 * unverified and has no ceiling; the officer decides each application on its merits. Pure.
 */
import { SPECIAL_GRANT_NEEDS, type SpecialGrantNeed } from './rules.ts';

export interface NeedCeiling {
  /** Whole kronor; null when no stored source states one. */
  readonly ceiling: number | null;
  readonly verified: boolean;
  readonly source: string;
}

export type NeedCeilings = ReadonlyMap<SpecialGrantNeed, NeedCeiling>;

export interface NeedCells {
  readonly line: number;
  readonly need: string;
  readonly ceiling: string;
  readonly verified: string;
  readonly source: string;
}

const isNeed = (need: string): need is SpecialGrantNeed =>
  (SPECIAL_GRANT_NEEDS as readonly string[]).includes(need);

/**
 * Reads and checks the rows: a known need once each, every need present, a ceiling empty or whole kronor above zero,
 * `verifierad` ja|nej, a source named; a ceiling marked verified must state an amount.
 */
export function buildNeedCeilings(rows: readonly NeedCells[]): {
  table: NeedCeilings;
  problems: { line: number; message: string }[];
} {
  const table = new Map<SpecialGrantNeed, NeedCeiling>();
  const problems: { line: number; message: string }[] = [];
  for (const row of rows) {
    const bad = (message: string) => problems.push({ line: row.line, message });
    if (!isNeed(row.need)) {
      bad(`unknown need "${row.need}"`);
      continue;
    }
    if (table.has(row.need)) bad(`need "${row.need}" twice`);
    const ceiling = row.ceiling === '' ? null : Number(row.ceiling);
    if (ceiling !== null && (!/^\d+$/.test(row.ceiling) || ceiling <= 0))
      bad(`hogsta_belopp "${row.ceiling}" is not whole kronor above zero`);
    if (row.verified !== 'ja' && row.verified !== 'nej') bad(`verifierad "${row.verified}" is not ja or nej`);
    if (row.verified === 'ja' && ceiling === null) bad('a verified row states an amount');
    if (row.source.trim() === '') bad('kalla is empty');
    table.set(row.need, { ceiling, verified: row.verified === 'ja', source: row.source });
  }
  for (const need of SPECIAL_GRANT_NEEDS)
    if (!table.has(need)) problems.push({ line: 0, message: `need "${need}" has no row` });
  return { table, problems };
}
