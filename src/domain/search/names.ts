import { inLatin, leavesVowelOpen, readings } from './transliteration.ts';
import { searchWords } from './search-term.ts';

/**
 * Matching names across transliterations (Mohammad / Muhammed / Mohamed, Hussein / Husain, Abdul Rahman /
 * Abdulrahman, محمد / Mohammad, ሳምሶን / Samson): a key of the first vowel (o≈u, e≈i) and the consonant skeleton with
 * doubled letters collapsed. Keys over-match a little on purpose (a search should rather show one name too many than
 * miss a child), but keep names apart whose first vowel differs (Hassan ≠ Hussein, Mahmoud ≠ Mohammad). A name in a
 * script that leaves the first vowel open (Arabic, Ge'ez) has `*` for it, and matches any first vowel.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const VOWEL_CLASS: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };
/** The first vowel of a key whose script leaves it open. */
const OPEN = '*';

/** The name's letters as the key sees them: in Latin, lower case, no accents or separators, common spellings unified. */
export function letters(name: string): string {
  return inLatin(name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i');
}

/** The vowels when y is the only consonant a name has (Yoy, ዮይ): there y is its consonant. */
const VOWELS_BUT_Y = new Set(['a', 'e', 'i', 'o', 'u']);

function keyWith(s: string, vowelOpen: boolean, vowels: ReadonlySet<string>): string {
  const firstVowel = [...s].find((c) => vowels.has(c));
  const consonants = [...s].filter((c) => !vowels.has(c)).filter((c, i, all) => c !== all[i - 1]);
  const vowel = vowelOpen ? OPEN : firstVowel === undefined ? '' : (VOWEL_CLASS[firstVowel] ?? '');
  return `${vowel}|${consonants.join('')}`;
}

/**
 * The key of a name's letters. A name of vowels and y alone (Yoy, ዮይ, Aya) would have no consonant skeleton and so
 * could not be found by any spelling but its own vowel: its y counts as the consonant (the SQL function
 * `anvisa_name_key`, migration 0034, does the same).
 */
function keyOf(s: string, vowelOpen: boolean): string {
  const key = keyWith(s, vowelOpen, VOWELS);
  return key.endsWith('|') && s.includes('y') ? keyWith(s, vowelOpen, VOWELS_BUT_Y) : key;
}

/** The keys of a name (one for each of its readings; most names have one). */
export function nameKey(name: string): string[] {
  const nfd = name.normalize('NFD');
  const open = leavesVowelOpen(nfd);
  return [...new Set(readings(nfd).map((r) => keyOf(letters(r), open)))];
}

/**
 * The keys a name must have one of to match `key`: the key itself and, for a consonant skeleton, the same skeleton
 * with its first vowel open or (for an open key) any first vowel. A key without consonants says something only with
 * its vowel; one without either says nothing.
 */
export function matchingKeys(key: string): string[] {
  const [vowel = '', skeleton = ''] = key.split('|');
  if (skeleton === '') return vowel === '' || vowel === OPEN ? [] : [key];
  return vowel === OPEN
    ? ['', 'a', 'i', 'u', OPEN].map((v) => `${v}|${skeleton}`)
    : [key, `${OPEN}|${skeleton}`];
}

/** The keys a search text is looked for by (empty for a text without letters a key is made of). */
export function searchKeys(text: string): string[] {
  return [...new Set(nameKey(text).flatMap(matchingKeys))];
}

/** The keys of a child's names: each whole name and each of its words. */
export function nameKeys(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((n) => [n, ...n.split(/\s+/).filter(Boolean)].flatMap(nameKey)));
}

/** True when two names (each possibly several words) are likely the same written differently. */
export function namesMatch(a: string, b: string): boolean {
  const keys = new Set(nameKey(b));
  return searchKeys(a).some((k) => keys.has(k));
}

/**
 * The name search of the children list: every word of the search is part of the name as written, or the same name in
 * another transliteration; or the whole search is one name written in parts (Abdul Rahman finds Abdulrahman).
 */
export function nameSearchMatches(term: string, firstName: string, lastName: string): boolean {
  const words = searchWords(term);
  // Nothing to look for (punctuation alone) finds nothing, never everything.
  if (words.length === 0) return false;
  const written = `${firstName} ${lastName}`.toLocaleLowerCase('sv');
  const keys = nameKeys([firstName, lastName]);
  // A word without letters a key is made of (a number, 王) is found only as written.
  const sameName = (text: string) => searchKeys(text).some((k) => keys.has(k));
  return words.every((w) => written.includes(w.toLocaleLowerCase('sv')) || sameName(w)) || sameName(term);
}
