/**
 * The child-record demo data, on a demo grown through every capability's seeder (this one last for each child):
 * personnummer for permit holders, samordningsnummer, further dossier numbers, corrected basic data with field history,
 * and merged duplicate records (one merge undone) — all through the use cases, so every row is consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '../../src/domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { growDemoBatch } from '../../src/seed/grow.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);
const count = async (query: string) =>
  Number((await t.database.raw.query<{ n: number | string }>(query)).rows[0]?.n ?? 0);

beforeAll(async () => {
  t = await startTestApp();
  // Growth runs every capability's seeder for each new child, this one last.
  for (let done = false; !done;)
    ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, 24 + 200, 40));
}, 900_000);
afterAll(async () => t.close());

describe('the child-record demo data', () => {
  it('gives permit holders a personnummer, others samordningsnummer and further dossier numbers, all valid', async () => {
    expect(
      await count(`select count(*) as n from child_identifiers where kind = 'personnummer'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`select count(*) as n from child_identifiers where kind = 'samordningsnummer'`),
    ).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_identifiers where kind = 'dossier'`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(
        `select count(*) as n from child_identifiers where kind <> 'dossier' and value !~ '^[0-9]{12}$'`,
      ),
    ).toBe(0);
  });

  it('records corrections field by field, and merges a duplicate record (one merge undone)', async () => {
    expect(await count(`select count(*) as n from field_changes where entity = 'child'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from child_merges where reverted_at is null`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(`select count(*) as n from child_merges where reverted_at is not null`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `select count(*) as n from children c join child_merges m on m.merged_id = c.id and m.reverted_at is null where c.merged_into_id = m.surviving_id`,
      ),
    ).toBeGreaterThan(0);
  });
});
