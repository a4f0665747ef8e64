/** Loads the reference data shipped in reference-data/ (see its README for sources and licences). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { counties, municipalities, population } from '../platform/db/schema.ts';
import { CsvError, parseCsv, parsePopulationCsv, type CsvProblem, type PopulationRow } from './csv.ts';

export const REFERENCE_DIR = join(import.meta.dirname, '..', '..', 'reference-data');

const read = (name: string) => readFileSync(join(REFERENCE_DIR, name), 'utf8');

/**
 * Inserts counties, municipalities and population when the tables are empty, and keeps the municipalities' formal
 * names as the reference file has them (a database from before the names gets them on its next start). Idempotent.
 */
export async function loadReferenceData(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(municipalities);
  if ((row?.n ?? 0) > 0) {
    await updateOfficialNames(db);
    return false;
  }
  const countyRows = parseCsv(read('sweden_counties.csv'), 'sweden_counties.csv', ['lanskod', 'lan', 'lan_kort']);
  await db.insert(counties).values(countyRows.map(({ cells: [code = '', name = '', short = ''] }) => ({ code, name, shortName: short })));
  const muniRows = parseCsv(read('sweden_municipalities.csv'), 'sweden_municipalities.csv', ['kommunkod', 'kommun', 'lanskod']);
  const official = officialNames();
  await db
    .insert(municipalities)
    .values(muniRows.map(({ cells: [code = '', name = '', countyCode = ''] }) => ({ code, name, countyCode, officialName: official.get(code) ?? null })));
  const rows = parsePopulationCsv(read('sweden_municipality_population_long.csv'), 'sweden_municipality_population_long.csv', knownMunicipalityCodes());
  await upsertPopulation(db, rows);
  return true;
}

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
    if (!/^\S.* kommun$/u.test(name)) problems.push({ line, message: `"${name}" is not a formal municipality name` });
    names.set(code, name);
  }
  for (const code of known) if (!names.has(code)) problems.push({ line: rows.length + 2, message: `no formal name for kommunkod ${code}` });
  if (problems.length > 0) throw new CsvError(OFFICIAL_NAMES_FILE, problems);
  return names;
}

async function updateOfficialNames(db: DbOrTx): Promise<void> {
  const values = sql.join([...officialNames()].map(([code, name]) => sql`(${code}, ${name})`), sql`, `);
  await db.execute(sql`update ${municipalities} m set official_name = v.name from (values ${values}) as v(code, name)
    where m.code = v.code and m.official_name is distinct from v.name`);
}

/** The 290 municipality codes shipped with the reference data. */
export function knownMunicipalityCodes(): Set<string> {
  const rows = parseCsv(read('sweden_municipalities.csv'), 'sweden_municipalities.csv', ['kommunkod']);
  return new Set(rows.map((r) => r.cells[0] ?? ''));
}

/** Population per municipality in a year, from the shipped reference data. */
export function municipalityPopulations(year: number): { code: string; population: number }[] {
  const rows = parsePopulationCsv(read('sweden_municipality_population_long.csv'), 'sweden_municipality_population_long.csv', knownMunicipalityCodes());
  const result = rows.filter((r) => r.year === year).map((r) => ({ code: r.municipalityCode, population: r.population }));
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
