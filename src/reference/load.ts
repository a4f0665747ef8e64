/** Loads the reference data shipped in reference-data/ (see its README for sources and licences). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { counties, municipalities, population } from '../platform/db/schema.ts';
import { parseCsv, parsePopulationCsv, type PopulationRow } from './csv.ts';

export const REFERENCE_DIR = join(import.meta.dirname, '..', '..', 'reference-data');

const read = (name: string) => readFileSync(join(REFERENCE_DIR, name), 'utf8');

/** Inserts counties, municipalities and population when the tables are empty. Idempotent. */
export async function loadReferenceData(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(municipalities);
  if ((row?.n ?? 0) > 0) return false;
  const countyRows = parseCsv(read('sweden_counties.csv'), 'sweden_counties.csv', ['lanskod', 'lan', 'lan_kort']);
  await db.insert(counties).values(countyRows.map(({ cells: [code = '', name = '', short = ''] }) => ({ code, name, shortName: short })));
  const muniRows = parseCsv(read('sweden_municipalities.csv'), 'sweden_municipalities.csv', ['kommunkod', 'kommun', 'lanskod']);
  await db
    .insert(municipalities)
    .values(muniRows.map(({ cells: [code = '', name = '', countyCode = ''] }) => ({ code, name, countyCode })));
  const rows = parsePopulationCsv(read('sweden_municipality_population_long.csv'), 'sweden_municipality_population_long.csv', knownMunicipalityCodes());
  await upsertPopulation(db, rows);
  return true;
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
