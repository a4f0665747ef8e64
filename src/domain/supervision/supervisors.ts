/**
 * Which county board supervises the guardianship authorities of which county: since 1 July 2012 seven county boards
 * hold the task, each for its own county and some others (the 2012 concentration of county board tasks). The table is
 * reference data (`reference-data/supervision_county_boards.csv`, with its sources); these are its rules.
 */

export interface SupervisionRow {
  /** The county (länskod) whose authorities are supervised. */
  readonly countyCode: string;
  /** The county of the supervising county board (its seat). */
  readonly boardCountyCode: string;
}

/**
 * What is wrong with the table against the list of counties: a county without a supervisor, a county with two, a row
 * for an unknown county, or a supervising board that does not supervise its own county.
 */
export function supervisionTableProblems(
  rows: readonly SupervisionRow[],
  countyCodes: readonly string[],
): string[] {
  const problems: string[] = [];
  const known = new Set(countyCodes);
  for (const code of countyCodes) {
    const n = rows.filter((r) => r.countyCode === code).length;
    if (n === 0) problems.push(`county ${code} has no supervising county board`);
    if (n > 1) problems.push(`county ${code} has ${n} supervising county boards`);
  }
  for (const r of rows) {
    if (!known.has(r.countyCode)) problems.push(`unknown county ${r.countyCode}`);
    if (!known.has(r.boardCountyCode)) problems.push(`unknown county board ${r.boardCountyCode}`);
  }
  for (const board of new Set(rows.map((r) => r.boardCountyCode)))
    if (!rows.some((r) => r.countyCode === board && r.boardCountyCode === board))
      problems.push(`county board ${board} does not supervise its own county`);
  return problems;
}

/** The counties a county board (by its county code) supervises; none for a board without the task. */
export function countiesSupervisedBy(
  rows: readonly SupervisionRow[],
  boardCountyCode: string | null,
): string[] {
  if (boardCountyCode === null) return [];
  return rows
    .filter((r) => r.boardCountyCode === boardCountyCode)
    .map((r) => r.countyCode)
    .sort();
}

/** The county board that supervises the county, or null for an unknown county. */
export function supervisorOf(rows: readonly SupervisionRow[], countyCode: string): string | null {
  return rows.find((r) => r.countyCode === countyCode)?.boardCountyCode ?? null;
}
