/** Small, strict CSV reading for reference files: UTF-8, comma-separated, a header row, no quoted commas needed. */

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly CsvProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    this.name = 'CsvError';
  }
}

/**
 * The rows' cells in the order of `expectedHeader`, with their line numbers. `exactCells`: a row with more or fewer
 * cells than the header is an error (a decimal comma or a quoted comma would otherwise shift or drop a value).
 */
export function parseCsv(
  text: string,
  file: string,
  expectedHeader: readonly string[],
  exactCells = false,
): { line: number; cells: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const missing = expectedHeader.filter((h) => !header.includes(h));
  if (missing.length > 0)
    throw new CsvError(file, [{ line: 1, message: `missing columns: ${missing.join(', ')}` }]);
  const index = expectedHeader.map((h) => header.indexOf(h));
  const rows: { line: number; cells: string[] }[] = [];
  const problems: CsvProblem[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells = raw.split(',');
    if (exactCells && cells.length !== header.length)
      problems.push({ line: i + 2, message: `${cells.length} cells, not the header's ${header.length}` });
    rows.push({ line: i + 2, cells: index.map((j) => (cells[j] ?? '').trim()) });
  });
  if (problems.length > 0) throw new CsvError(file, problems);
  return rows;
}

export interface PopulationRow {
  readonly municipalityCode: string;
  readonly year: number;
  readonly population: number;
  readonly source: string;
}

/** Validates a population file against the known municipality codes; every problem is reported with its line. */
export function parsePopulationCsv(
  text: string,
  file: string,
  knownCodes: ReadonlySet<string>,
): PopulationRow[] {
  const rows = parseCsv(text, file, ['kommunkod', 'ar', 'folkmangd', 'kalla']);
  const problems: CsvProblem[] = [];
  const result: PopulationRow[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const [code = '', year = '', population = '', source = ''] = cells;
    if (!/^[0-9]{4}$/.test(code)) problems.push({ line, message: `kommunkod "${code}" is not four digits` });
    else if (!knownCodes.has(code)) problems.push({ line, message: `unknown kommunkod ${code}` });
    if (!/^[0-9]{4}$/.test(year)) problems.push({ line, message: `ar "${year}" is not a year` });
    if (!/^[0-9]+$/.test(population))
      problems.push({ line, message: `folkmangd "${population}" is not a whole number ≥ 0` });
    const key = `${code}/${year}`;
    if (seen.has(key)) problems.push({ line, message: `kommunkod ${code} appears twice for ${year}` });
    seen.add(key);
    result.push({
      municipalityCode: code,
      year: Number(year),
      population: Number(population),
      source: source || 'import',
    });
  }
  if (problems.length > 0) throw new CsvError(file, problems);
  if (result.length === 0) throw new CsvError(file, [{ line: 2, message: 'the file holds no rows' }]);
  return result;
}
