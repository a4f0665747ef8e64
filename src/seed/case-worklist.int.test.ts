/**
 * The child-record demo data, on a demo grown through every capability's seeder and then this one: personnummer for
 * permit holders, samordningsnummer, further dossier numbers, corrected basic data with field history, and merged
 * duplicate records (one merge undone) — all through the use cases, so every row is consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '../domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../test-support/app.ts';
import { seedActors } from './actors.ts';
import { seedChildFacts } from './case-run.ts';
import { seedWorklist } from './case-worklist.ts';
import { DEMO_DOSSIER_BASE, growDemoBatch } from './grow.ts';
import { seededRandom } from '../domain/random.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);
const count = async (query: string) => Number((await t.database.raw.query<{ n: number | string }>(query)).rows[0]?.n ?? 0);

beforeAll(async () => {
  t = await startTestApp();
  for (let done = false; !done; ) ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, 24 + 200, 40));
  const { rows } = await t.database.raw.query<{ id: string; dossier: string }>(
    `select id, dossier_number as dossier from children where dossier_number between '${DEMO_DOSSIER_BASE}' and '${DEMO_DOSSIER_BASE + 899_999}' order by dossier_number`,
  );
  await t.database.db.transaction(async (tx) => {
    const actors = seedActors(tx, PINNED_NOW, today);
    for (const row of rows) {
      const index = Number(row.dossier) - DEMO_DOSSIER_BASE;
      await seedWorklist(actors, await seedChildFacts(tx, row.id, index), seededRandom(77 + index), today);
    }
  });
}, 900_000);
afterAll(async () => t.close());

describe('the child-record demo data', () => {
  it('gives permit holders a personnummer, others samordningsnummer and further dossier numbers, all valid', async () => {
    expect(await count(`select count(*) as n from child_identifiers where kind = 'personnummer'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_identifiers where kind = 'samordningsnummer'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_identifiers where kind = 'dossier'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_identifiers where kind <> 'dossier' and value !~ '^[0-9]{12}$'`)).toBe(0);
  });

  it('records corrections field by field, and merges a duplicate record (one merge undone)', async () => {
    expect(await count(`select count(*) as n from field_changes where entity = 'child'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_merges where reverted_at is null`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_merges where reverted_at is not null`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from children c join child_merges m on m.merged_id = c.id and m.reverted_at is null where c.merged_into_id = m.surviving_id`)).toBeGreaterThan(0);
  });
});
