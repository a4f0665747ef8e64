import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NAME_SEPARATOR,
  nameSearchConditions,
  sanitiseSearch,
  type NameCondition,
} from '../../../src/domain/search/name-pattern.ts';
import { nameKeys, nameSearchMatches } from '../../../src/domain/search/names.ts';

/** ILIKE as the database does it (ASCII case folding is all a prefilter relies on). */
function ilike(pattern: string, text: string): boolean {
  const source = pattern.replace(
    /\\(.)|([%_])|([^%_\\])/g,
    (_, escaped: string | undefined, wild: string | undefined, plain: string | undefined) =>
      escaped !== undefined
        ? escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        : wild === '%'
          ? '[\\s\\S]*'
          : wild === '_'
            ? '[\\s\\S]'
            : (plain ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${source}$`, 'i').test(text);
}

/** What the database does with the conditions over `first|last` and `name_keys` (src/children/search.ts `nameMatches`). */
function patternMatches(term: string, first: string, last: string): boolean {
  const conditions = nameSearchConditions(term);
  if (conditions === null) return false;
  const text = `${first}${NAME_SEPARATOR}${last}`;
  const keys = nameKeys([first, last]);
  const word = (c: NameCondition) => ilike(c.literal, text) || c.keys.some((k) => keys.has(k));
  return conditions.words.every(word) || conditions.whole.some((k) => keys.has(k));
}

const FIXTURE_PAIRS = [
  ['Mohammad', 'Muhammed'],
  ['Mohammad', 'Mohamed'],
  ['Muhammed', 'Mohamed'],
  ['Ahmad', 'Ahmed'],
  ['Hussein', 'Husain'],
  ['Abdulrahman', 'Abdul Rahman'],
] as const;

describe('the name search as the database runs it', () => {
  it.each(FIXTURE_PAIRS)('a search for %s finds %s and the other way round', (a, b) => {
    expect(patternMatches(a, b, 'Karimi')).toBe(true);
    expect(patternMatches(b, a, 'Karimi')).toBe(true);
    expect(nameSearchMatches(a, b, 'Karimi')).toBe(true);
    expect(nameSearchMatches(b, a, 'Karimi')).toBe(true);
  });

  it.each([
    ['Hassan', 'Hussein'],
    ['Mahmoud', 'Mohammad'],
    ['Ali', 'Ahmad'],
  ])('a search for %s does not find %s', (a, b) => {
    expect(patternMatches(a, b, 'Osman')).toBe(false);
    expect(nameSearchMatches(a, b, 'Osman')).toBe(false);
  });

  it('finds given and family name word by word, in any transliteration, and plain parts of a name', () => {
    expect(patternMatches('Muhammed Rezai', 'Mohammad', 'Rezaei')).toBe(true);
    expect(patternMatches('moh', 'Mohammad', 'Rezaei')).toBe(true);
    expect(patternMatches('Rezaei', 'Mohammad', 'Rezaei')).toBe(true);
    expect(patternMatches('Abdul Rahman', 'Abdulrahman', 'Osman')).toBe(true);
    expect(patternMatches('Al-Hassan', 'Omar', 'Al Hassan')).toBe(true);
    expect(patternMatches('Fatima', 'Mohammad', 'Rezaei')).toBe(false);
  });

  it('a number is found only as written, never as a name without letters', () => {
    expect(patternMatches('67000011', 'Test', 'Barn 67000010')).toBe(false);
    expect(nameSearchMatches('67000011', 'Test', 'Barn 67000010')).toBe(false);
    expect(patternMatches('6700001', 'Test', 'Barn 67000010')).toBe(true);
  });

  it('punctuation alone finds nothing, and a LIKE wildcard is a plain character', () => {
    expect(nameSearchConditions('- % _')).toBeNull();
    expect(nameSearchMatches('- % _', 'Ahmad', 'Rezaei')).toBe(false);
    expect(nameSearchConditions('Ali -')?.words.map((w) => w.literal)).toEqual(['%Ali%']);
    expect(nameSearchConditions('a_b%c\\')?.words.map((w) => w.literal)).toEqual(['%a\\_b\\%c\\\\%']);
    expect(patternMatches('_hmad', 'Xhmad', 'Rezaei')).toBe(false);
    expect(patternMatches('100%', 'Noor', '100%')).toBe(true);
    expect(patternMatches('100%', 'Noor', '1000')).toBe(false);
  });

  it('a separator typed in the search cannot reach across from the given to the family name', () => {
    expect(sanitiseSearch('ad|Re')).toBe('ad Re');
    expect(patternMatches('d|R', 'Ahmad', 'Rezaei')).toBe(
      nameSearchMatches(sanitiseSearch('d|R'), 'Ahmad', 'Rezaei'),
    );
  });

  // Names built from syllables as they are written in Latin letters, with accents, hyphens and spaces, and in other scripts.
  const syllable = fc.constantFrom(
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
    'sa',
    'in',
    'ali',
    'fa',
    'ti',
    'ma',
    'ou',
    'ee',
    'y',
    'é',
    'Å',
    'ö',
    'kh',
    'ph',
    'q',
    'w',
    'ss',
    'nn',
    'z',
    'ç',
    'ñ',
    'ø',
    '-',
    "'",
    'x',
    'Ü',
    // The same names in other scripts: Arabic (with و and the Persian letters), Ge'ez, Cyrillic (г), Chinese.
    'مح',
    'مد',
    'و',
    'ذ',
    'ال',
    'حس',
    'ن',
    'سا',
    'ም',
    'ሶን',
    'ተ',
    'ስፋ',
    'ይ',
    'Ма',
    'ри',
    'я',
    'г',
    'Ол',
    '王',
    '明',
  );
  const word = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const term = fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' '));

  it('finds exactly the names the pure rule finds', () => {
    fc.assert(
      fc.property(term, name, name, (t, first, last) => {
        expect(patternMatches(t, first, last)).toBe(nameSearchMatches(t, first, last));
      }),
      { numRuns: 2000 },
    );
  });
});
