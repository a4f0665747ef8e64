/**
 * The reference data load is complete or absent: a database a crash left with the municipalities but without the
 * population (before the load was one transaction) is completed on the next load, keeping what is there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counties, municipalities, population } from '../../src/platform/db/schema.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { parseCsv } from '../../src/reference/csv.ts';
import { REFERENCE_DIR, loadReferenceData } from '../../src/reference/load.ts';

let t: OpenTestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.cleanup());

const shipped = (file: string, column: string) =>
  parseCsv(readFileSync(join(REFERENCE_DIR, file), 'utf8'), file, [column]).length;

describe('loadReferenceData', () => {
  it('completes a half-loaded database (municipalities, no population) and keeps figures already there', async () => {
    const db = t.database.db;
    await db.insert(counties).values({ code: '12', name: 'Skåne län', shortName: 'Skåne' });
    await db
      .insert(municipalities)
      .values({ code: '1280', name: 'Malmö', countyCode: '12', officialName: null });
    await db
      .insert(population)
      .values({ municipalityCode: '1280', year: 2025, population: 1, source: 'imported' });

    expect(await loadReferenceData(db)).toBe(true);
    const total = async (table: typeof counties | typeof municipalities | typeof population) =>
      (await db.select({ n: count() }).from(table))[0]?.n;
    expect(await total(counties)).toBe(shipped('sweden_counties.csv', 'lanskod'));
    expect(await total(municipalities)).toBe(shipped('sweden_municipalities.csv', 'kommunkod'));
    expect(await total(population)).toBe(shipped('sweden_municipality_population_long.csv', 'kommunkod'));
    const [malmo] = await db.select().from(municipalities).where(eq(municipalities.code, '1280'));
    expect(malmo?.officialName).toBe('Malmö kommun');
    const [kept] = await db
      .select()
      .from(population)
      .where(and(eq(population.municipalityCode, '1280'), eq(population.year, 2025)));
    expect(kept?.source).toBe('imported');

    expect(await loadReferenceData(db)).toBe(false);
  });
});
