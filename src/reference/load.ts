/** Loads the reference data shipped in reference-data/ (see its README for sources and licences). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { crashPoint } from '../platform/crash-point.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { counties, municipalities, population } from '../platform/db/schema.ts';
import { supervisionTableProblems, type SupervisionRow } from '../domain/supervision/supervisors.ts';
import { CsvError, parseCsv, parsePopulationCsv, type CsvProblem, type PopulationRow } from './csv.ts';

export const REFERENCE_DIR = join(import.meta.dirname, '..', '..', 'reference-data');

const read = (name: string) => readFileSync(join(REFERENCE_DIR, name), 'utf8');

/**
 * Loads counties, municipalities and population in one transaction, so that a crash leaves all or nothing of them.
 * It checks completeness, not mere existence: a table with fewer rows than the shipped files (a database left half
 * loaded by a crash before this was one transaction) gets the missing rows; rows already there, and population figures
 * imported since (`anvisa reference import-population`), are kept as they are. A complete database only gets the
 * municipalities' formal names as the reference file has them (a database from before the names gets them here).
 * Returns true when it inserted anything. Idempotent.
 */
export async function loadReferenceData(db: DbOrTx): Promise<boolean> {
  const countyRows = parseCsv(read('sweden_counties.csv'), 'sweden_counties.csv', [
    'lanskod',
    'lan',
    'lan_kort',
  ]);
  const muniRows = parseCsv(read('sweden_municipalities.csv'), 'sweden_municipalities.csv', [
    'kommunkod',
    'kommun',
    'lanskod',
  ]);
  // Counted from the lines (parsing all of it is most of a later start's cost); parsed only when loading.
  const populationText = read(POPULATION_FILE);
  const populationLines = populationText.split('\n').filter((line) => line.trim() !== '').length - 1;
  return db.transaction(async (tx) => {
    const count = async (table: typeof counties | typeof municipalities | typeof population) =>
      (await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]?.n ?? 0;
    const complete =
      (await count(counties)) >= countyRows.length &&
      (await count(municipalities)) >= muniRows.length &&
      (await count(population)) >= populationLines;
    if (complete) {
      await updateOfficialNames(tx);
      return false;
    }
    await tx
      .insert(counties)
      .values(
        countyRows.map(({ cells: [code = '', name = '', short = ''] }) => ({ code, name, shortName: short })),
      )
      .onConflictDoNothing();
    const official = officialNames();
    await tx
      .insert(municipalities)
      .values(
        muniRows.map(({ cells: [code = '', name = '', countyCode = ''] }) => ({
          code,
          name,
          countyCode,
          officialName: official.get(code) ?? null,
        })),
      )
      .onConflictDoNothing();
    crashPoint('reference');
    const populationRows = parsePopulationCsv(populationText, POPULATION_FILE, knownMunicipalityCodes());
    for (let i = 0; i < populationRows.length; i += 2000) {
      await tx
        .insert(population)
        .values(populationRows.slice(i, i + 2000).map((r) => ({ ...r })))
        .onConflictDoNothing();
    }
    await updateOfficialNames(tx);
    return true;
  });
}

const POPULATION_FILE = 'sweden_municipality_population_long.csv';
const OFFICIAL_NAMES_FILE = 'sweden_municipality_official_names.csv';

/**
 * kommunkod → formal name ("Falu kommun"), from reference-data (see its README for the source). Every known code must
 * have exactly one name ending in "kommun": a gap or a stray row is an error, never a name made up here.
 */
export function officialNames(): Map<string, string> {
  const known = knownMunicipalityCodes();
  const rows = parseCsv(read(OFFICIAL_NAMES_FILE), OFFICIAL_NAMES_FILE, ['kommunkod', 'officiellt_namn']);
  const problems: CsvProblem[] = [];
  const names = new Map<string, string>();
  for (const { line, cells } of rows) {
    const [code = '', name = ''] = cells;
    if (!known.has(code)) problems.push({ line, message: `unknown kommunkod "${code}"` });
    else if (names.has(code)) problems.push({ line, message: `kommunkod ${code} appears twice` });
    if (!/^\S.* kommun$/u.test(name))
      problems.push({ line, message: `"${name}" is not a formal municipality name` });
    names.set(code, name);
  }
  for (const code of known)
    if (!names.has(code))
      problems.push({ line: rows.length + 2, message: `no formal name for kommunkod ${code}` });
  if (problems.length > 0) throw new CsvError(OFFICIAL_NAMES_FILE, problems);
  return names;
}

async function updateOfficialNames(db: DbOrTx): Promise<void> {
  const values = sql.join(
    [...officialNames()].map(([code, name]) => sql`(${code}, ${name})`),
    sql`, `,
  );
  await db.execute(sql`update ${municipalities} m set official_name = v.name from (values ${values}) as v(code, name)
    where m.code = v.code and m.official_name is distinct from v.name`);
}

/** The 290 municipality codes shipped with the reference data. */
export function knownMunicipalityCodes(): Set<string> {
  const rows = parseCsv(read('sweden_municipalities.csv'), 'sweden_municipalities.csv', ['kommunkod']);
  return new Set(rows.map((r) => r.cells[0] ?? ''));
}

/** The 21 county codes (two digits) shipped with the reference data, in the file's order. */
export function knownCountyCodes(): string[] {
  return parseCsv(read('sweden_counties.csv'), 'sweden_counties.csv', ['lanskod']).map(
    (r) => r.cells[0] ?? '',
  );
}

/** Population per municipality in a year, from the shipped reference data. */
export function municipalityPopulations(year: number): { code: string; population: number }[] {
  const rows = parsePopulationCsv(
    read('sweden_municipality_population_long.csv'),
    'sweden_municipality_population_long.csv',
    knownMunicipalityCodes(),
  );
  const result = rows
    .filter((r) => r.year === year)
    .map((r) => ({ code: r.municipalityCode, population: r.population }));
  if (result.length === 0) throw new Error(`no population figures for ${year} in the reference data`);
  return result;
}

export async function upsertPopulation(db: DbOrTx, rows: readonly PopulationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insert(population)
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: [population.municipalityCode, population.year],
        set: { population: sql`excluded.population`, source: sql`excluded.source` },
      });
  }
}

const SUPERVISION_FILE = 'supervision_county_boards.csv';
let supervisionRows: readonly SupervisionRow[] | undefined;

/**
 * Which county board supervises the guardianship authorities of each county (reference-data, with its sources; rows
 * not verified against a county board's own page say so). Every county must have exactly one supervising board: a gap
 * or a double is an error, never a guess made here. Read once.
 */
export function supervisionTable(): readonly SupervisionRow[] {
  if (supervisionRows !== undefined) return supervisionRows;
  const rows = parseCsv(read(SUPERVISION_FILE), SUPERVISION_FILE, ['lanskod', 'tillsynslan', 'kalla']).map(
    ({ cells: [countyCode = '', boardCountyCode = ''] }) => ({ countyCode, boardCountyCode }),
  );
  const problems = supervisionTableProblems(rows, knownCountyCodes());
  if (problems.length > 0)
    throw new CsvError(
      SUPERVISION_FILE,
      problems.map((message) => ({ line: 0, message })),
    );
  supervisionRows = rows;
  return rows;
}
