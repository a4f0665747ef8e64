/**
 * The database keeps the transliteration keys of a child's names (`children.name_keys`, migration 0012) with SQL
 * functions that mirror `nameKeys` (src/domain/search/names.ts). The name search is only right if the two agree on
 * every name, on both engines: random names with accents, ligatures, other scripts and odd spaces.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKeys } from '../domain/search/names.ts';
import { openTestDatabase, type OpenTestDatabase } from '../test-support/database.ts';

let handle: OpenTestDatabase;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.cleanup());

async function sqlKeys(pairs: readonly (readonly [string, string])[]): Promise<string[][]> {
  const { rows } = await handle.database.raw.query<{ keys: string[] }>(
    `select anvisa_name_keys(x->>0, x->>1) as keys from json_array_elements($1::json) with ordinality as e(x, n) order by n`,
    [JSON.stringify(pairs)],
  );
  return rows.map((r) => [...r.keys].sort());
}
const jsKeys = (first: string, last: string) => [...nameKeys([first, last])].sort();

const syllable = fc.constantFrom(
  'mo', 'mu', 'ha', 'ham', 'mad', 'med', 'ah', 'ab', 'dul', 'rah', 'man', 'hus', 'sein', 'ali', 'ou', 'ee', 'y', 'ph', 'kh',
  'q', 'w', 'ss', 'é', 'Å', 'ä', 'Ö', 'ç', 'ñ', 'ø', 'Ü', 'İ', 'ı', 'ß', 'Ǆ', 'ﬁ', '\u212A', '\u212B', 'محمد', 'Мария',
  '-', "'", '7', ' ', '\u00a0', '\u2003', '\t', 'Ａ',
);
const name = fc.array(syllable, { minLength: 0, maxLength: 8 }).map((s) => s.join(''));

describe('the names’ keys in the database', () => {
  it('are the keys of the pure rule for known names', async () => {
    const pairs = [
      ['Mohammad', 'Rezaei'],
      ['Abdul Rahman', 'Al-Hassan'],
      ['Åsa', 'Öberg'],
      ['Zephyrina', 'Quillfeather'],
      ['', ''],
    ] as const;
    expect(await sqlKeys(pairs)).toEqual(pairs.map(([f, l]) => jsKeys(f, l)));
  });

  it('are the keys of the pure rule for any name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 50 }), async (pairs) => {
        expect(await sqlKeys(pairs)).toEqual(pairs.map(([f, l]) => jsKeys(f, l)));
      }),
      { numRuns: 60 },
    );
  });

  it('are written with a new child and follow a change of its name', async () => {
    const raw = handle.database.raw;
    const { rows: orgs } = await raw.query<{ id: string }>(`insert into organisations (type, name) values ('migration_agency', 'Nyckeltest') returning id`);
    const { rows } = await raw.query<{ id: string; keys: string[] }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
       values ('99887766', 'Abdul Rahman', 'Karimi', '2010-01-01', 'male', $1) returning id, name_keys as keys`,
      [orgs[0]?.id],
    );
    expect([...(rows[0]?.keys ?? [])].sort()).toEqual(jsKeys('Abdul Rahman', 'Karimi'));
    await raw.query(`update children set first_name = 'Muhammed', last_name = 'Husain' where id = $1`, [rows[0]?.id]);
    const after = await raw.query<{ keys: string[] }>(`select name_keys as keys from children where id = $1`, [rows[0]?.id]);
    expect([...(after.rows[0]?.keys ?? [])].sort()).toEqual(jsKeys('Muhammed', 'Husain'));
  });
});
