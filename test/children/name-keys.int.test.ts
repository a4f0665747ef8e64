/**
 * The database keeps the transliteration keys of a child's names (`children.name_keys`, migration 0012) with SQL
 * functions that mirror `nameKeys` (src/domain/search/names.ts). The name search is only right if the two agree on
 * every name, on both engines: every letter of the transliterated scripts (migration 0014's table), random names with
 * accents, ligatures, other scripts and odd spaces, and random strings of any Unicode.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKeys } from '../../src/domain/search/names.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

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

/** Every code point of the blocks of the transliterated scripts (letters, marks, digits, punctuation, unassigned). */
const BLOCKS = [
  [0x0370, 0x052f],
  [0x0530, 0x058f],
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0x10a0, 0x10ff],
  [0x1200, 0x139f],
  [0x1c90, 0x1cbf],
  [0x1f00, 0x1fff],
  [0x2d80, 0x2ddf],
  [0xab00, 0xab2f],
  [0x1e7e0, 0x1e7ff],
] as const;
const blockCodePoints = BLOCKS.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i),
);

const syllable = fc.oneof(
  fc.constantFrom(
    'mo',
    'mu',
    'ha',
    'ham',
    'mad',
    'med',
    'ah',
    'ab',
    'dul',
    'rah',
    'man',
    'hus',
    'sein',
    'ali',
    'ou',
    'ee',
    'y',
    'ph',
    'kh',
    'q',
    'w',
    'ss',
    'é',
    'Å',
    'ä',
    'Ö',
    'ç',
    'ñ',
    'ø',
    'Ü',
    'İ',
    'ı',
    'ß',
    'Ǆ',
    'ﬁ',
    '\u212A',
    '\u212B',
    'محمد',
    'Мария',
    '-',
    "'",
    '7',
    ' ',
    '\u00a0',
    '\u2003',
    '\t',
    'Ａ',
    // Arabic script with the letters of its other readings, Ge'ez, Cyrillic with г, Greek, Armenian, Georgian, Chinese.
    'عبد',
    'ال',
    'رحمن',
    'و',
    'ث',
    'ذ',
    'ض',
    'ظ',
    'ة',
    'أ',
    'ؤ',
    'ئ',
    'آ',
    'ی',
    'ک',
    'َ',
    'ّ',
    'ሳ',
    'ም',
    'ሶን',
    'ተስፋይ',
    'ቐ',
    'ኧ',
    'Ольга',
    'г',
    'Г',
    'Й',
    'ё',
    'Χρήστος',
    'ΐ',
    'ς',
    'Արամ',
    'გიორგი',
    'Ა',
    '王',
    '小明',
    '\u200c',
    '\u200f',
  ),
  fc.constantFrom(...blockCodePoints).map((c) => String.fromCodePoint(c)),
);
const name = fc.array(syllable, { minLength: 0, maxLength: 8 }).map((s) => s.join(''));
/** Any code point but U+0000 (which the database refuses), in any plane, combining marks and RTL included. */
const anyName = fc
  .string({
    unit: fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  })
  .map((s) => s.replaceAll('\u0000', ''));

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

  it('are the keys of the pure rule for every code point of the transliterated scripts, alone and in a name', async () => {
    const pairs = blockCodePoints.flatMap((c) => {
      const ch = String.fromCodePoint(c);
      return [
        [ch, `Al${ch}i`],
        [`${ch}${ch.toUpperCase()}`, `mo ${ch}d`],
      ] as const;
    });
    expect(await sqlKeys(pairs)).toEqual(pairs.map(([f, l]) => jsKeys(f, l)));
  });

  it('are the keys of the pure rule for any string of Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(anyName, anyName), { minLength: 1, maxLength: 50 }),
        async (pairs) => {
          expect(await sqlKeys(pairs)).toEqual(pairs.map(([f, l]) => jsKeys(f, l)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('are written with a new child and follow a change of its name', async () => {
    const raw = handle.database.raw;
    const { rows: orgs } = await raw.query<{ id: string }>(
      `insert into organisations (type, name) values ('migration_agency', 'Nyckeltest') returning id`,
    );
    const { rows } = await raw.query<{ id: string; keys: string[] }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
       values ('99887766', 'Abdul Rahman', 'Karimi', '2010-01-01', 'male', $1) returning id, name_keys as keys`,
      [orgs[0]?.id],
    );
    expect([...(rows[0]?.keys ?? [])].sort()).toEqual(jsKeys('Abdul Rahman', 'Karimi'));
    await raw.query(`update children set first_name = 'Muhammed', last_name = 'Husain' where id = $1`, [
      rows[0]?.id,
    ]);
    const after = await raw.query<{ keys: string[] }>(
      `select name_keys as keys from children where id = $1`,
      [rows[0]?.id],
    );
    expect([...(after.rows[0]?.keys ?? [])].sort()).toEqual(jsKeys('Muhammed', 'Husain'));
  });
});
