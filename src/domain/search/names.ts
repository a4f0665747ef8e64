/**
 * Matching names across transliterations (Mohammad / Muhammed / Mohamed, Hussein / Husain, Abdul Rahman /
 * Abdulrahman): a key of the first vowel (o≈u, e≈i) and the consonant skeleton with doubled letters collapsed. Keys
 * over-match a little on purpose (a search should rather show one name too many than miss a child), but keep names
 * apart whose first vowel differs (Hassan ≠ Hussein, Mahmoud ≠ Mohammad).
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const VOWEL_CLASS: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

function letters(name: string): string {
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
