import { searchWords } from './search-term.ts';

/**
 * Matching names across transliterations (Mohammad / Muhammed / Mohamed, Hussein / Husain, Abdul Rahman /
 * Abdulrahman): a key of the first vowel (o≈u, e≈i) and the consonant skeleton with doubled letters collapsed. Keys
 * over-match a little on purpose (a search should rather show one name too many than miss a child), but keep names
 * apart whose first vowel differs (Hassan ≠ Hussein, Mahmoud ≠ Mohammad).
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const VOWEL_CLASS: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

/** The name's letters as the key sees them: lower case, no accents or separators, common spellings unified. */
export function letters(name: string): string {
  return name
    .toLocaleLowerCase('sv')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i');
}

export function nameKey(name: string): string {
  const s = letters(name);
  const firstVowel = [...s].find((c) => VOWELS.has(c));
  const consonants = [...s].filter((c) => !VOWELS.has(c)).filter((c, i, all) => c !== all[i - 1]);
  return `${firstVowel === undefined ? '' : (VOWEL_CLASS[firstVowel] ?? '')}|${consonants.join('')}`;
}

/** True when two names (each possibly several words) are likely the same written differently. */
export function namesMatch(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Whether a search term matches one of the names (given name, family name, variants), word by word. */
export function searchMatchesNames(term: string, names: readonly string[]): boolean {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const keys = new Set(names.flatMap((n) => [nameKey(n), ...n.split(/\s+/).map(nameKey)]));
  return words.every((w) => keys.has(nameKey(w))) || keys.has(nameKey(term));
}

/** The keys of a child's names: each whole name and each of its words. */
export function nameKeys(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((n) => [nameKey(n), ...n.split(/\s+/).filter(Boolean).map(nameKey)]));
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
  // A word without letters (a number) has no key: it is found only as written.
  const sameName = (text: string) => hasLetters(text) && keys.has(nameKey(text));
  return words.every((w) => written.includes(w.toLocaleLowerCase('sv')) || sameName(w)) || sameName(term);
}

/** Whether a name has any letter a key is made of. */
export function hasLetters(name: string): boolean {
  return nameKey(name) !== '|';
}
