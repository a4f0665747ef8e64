/**
 * Name search in the database: a regular expression per search word that finds, in `first_name || '|' ||
 * last_name`, every name `nameSearchMatches` (names.ts) accepts — the same transliteration keys, written as a pattern
 * over the stored letters. The pattern is a superset (a few spellings around "ph" and "kh" can match where the key
 * does not); the pure rule decides for every returned child. The syntax is the common part of PostgreSQL's advanced
 * regular expressions and JavaScript's (classes, groups, alternation, lookahead), so the same pattern is tested here.
 */
import { hasLetters, letters, nameKey } from './names.ts';

/** The separator between the given and the family name in the searched text, and between words. */
export const NAME_SEPARATOR = '|';
const SEPARATORS = ' |';

const VOWEL_CLASS: Readonly<Record<string, 'a' | 'i' | 'u'>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

/** Every letter in the Latin blocks, sorted by what `letters` makes of it: a vowel, a consonant, or nothing. */
function alphabet(): { vowels: Record<'a' | 'i' | 'u', string>; consonants: Record<string, string> } {
  const vowels = { a: '', i: '', u: '' };
  const consonants: Record<string, string> = {};
  const ranges: readonly [number, number][] = [
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const mapped = letters(char);
      if (mapped.length !== 1) continue; // removed: a separator-free ignorable character
      const vowel = VOWEL_CLASS[mapped];
      if (vowel !== undefined) vowels[vowel] += char;
      else consonants[mapped] = (consonants[mapped] ?? '') + char;
    }
  }
  return { vowels, consonants };
}

const { vowels: VOWELS, consonants: CONSONANTS } = alphabet();
const ALL_VOWELS = VOWELS.a + VOWELS.i + VOWELS.u;
const ALL_CONSONANTS = Object.values(CONSONANTS).join('');

/** Characters a search may not contain literally (they would cross the separator or break the pattern). */
export function sanitiseSearch(term: string): string {
  return term.replaceAll(NAME_SEPARATOR, ' ').trim();
}

type Mode = 'word' | 'whole';

/** Within a word, or within one whole name (spaces ignored). */
function parts(mode: Mode) {
  const stop = mode === 'word' ? SEPARATORS : NAME_SEPARATOR;
  return {
    /** Removed by `letters`: neither a vowel nor a consonant nor a separator. */
    removed: `[^${ALL_VOWELS}${ALL_CONSONANTS}${stop}]`,
    /** Anything between two consonants of the skeleton: vowels and removed characters. */
    between: `[^${ALL_CONSONANTS}${stop}]`,
    /** Anything before the first vowel. */
    beforeVowel: `[^${ALL_VOWELS}${stop}]`,
    start: mode === 'word' ? `(?:^|[${SEPARATORS}])` : `(?:^|[${NAME_SEPARATOR}])`,
    end: mode === 'word' ? `(?:[${SEPARATORS}]|$)` : `(?:[${NAME_SEPARATOR}]|$)`,
  };
}

function consonant(c: string, removed: string): string {
  const cls = (letter: string) => `[${CONSONANTS[letter] ?? letter}]`;
  // letters(): ph → f, q → k, kh → h (removed characters between them disappear first).
  if (c === 'f') return `(?:${cls('f')}|${cls('p')}${removed}*${cls('h')})`;
  if (c === 'h') return `(?:${cls('h')}|${cls('k')}${removed}*${cls('h')})`;
  return cls(c);
}

/** A pattern for the names whose key (or the key of one of their words) equals `key`. */
function keyPattern(key: string, mode: Mode): string {
  const p = parts(mode);
  const [vowel = '', skeleton = ''] = key.split('|');
  const firstVowel = vowel === '' ? `(?=${p.beforeVowel}*${p.end})` : `(?=${p.beforeVowel}*[${VOWELS[vowel as 'a' | 'i' | 'u']}])`;
  const body = [...skeleton].map((c) => {
    const one = consonant(c, p.removed);
    return `${p.between}*${one}(?:${p.between}*${one})*`;
  });
  return `${p.start}${firstVowel}${body.join('')}${p.between}*${p.end}`;
}

/** A LIKE pattern matching `text` as written (case-insensitively, with ILIKE). */
function likeContaining(text: string): string {
  return `%${text.toLocaleLowerCase('sv').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A cheap LIKE pattern every ASCII-only name with the key passes (the key's consonants in order; f, k and v, which
 * other letters also stand for, are skipped), so the costly key pattern runs on few names. Names with other letters
 * always go on to the key pattern. Null when nothing narrows.
 */
function skeletonLike(key: string): string | null {
  const skeleton = [...(key.split('|')[1] ?? '')].filter((c) => c !== 'f' && c !== 'k' && c !== 'v');
  return skeleton.length === 0 ? null : `%${skeleton.join('%')}%`;
}

/** One search word (or the whole term) as the database tests it. */
export interface NameCondition {
  /** ILIKE: the word as written, part of the name (null for the whole term). */
  readonly literal: string | null;
  /** ILIKE prefilter for the key pattern (null: none). */
  readonly skeleton: string | null;
  /** The key pattern (~*), null for a word without letters (a number is found only as written). */
  readonly key: string | null;
}

function wordCondition(word: string): NameCondition {
  if (!hasLetters(word)) return { literal: likeContaining(word), skeleton: null, key: null };
  const key = nameKey(word);
  return { literal: likeContaining(word), skeleton: skeletonLike(key), key: `${keyPattern(key, 'word')}|${keyPattern(key, 'whole')}` };
}

/**
 * The search as conditions over `first || '|' || last` (case-insensitively): a name matches when every word matches
 * (as written, or by its key), or the whole term does by its key (Abdul Rahman finds Abdulrahman).
 */
export function nameSearchConditions(term: string): { readonly words: readonly NameCondition[]; readonly whole: NameCondition | null } | null {
  const clean = sanitiseSearch(term);
  const words = clean.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const key = nameKey(clean);
  // One word: the whole term is that word (its key is already tested).
  const whole =
    words.length > 1 && hasLetters(clean) ? { literal: null, skeleton: skeletonLike(key), key: `${keyPattern(key, 'word')}|${keyPattern(key, 'whole')}` } : null;
  return { words: words.map(wordCondition), whole };
}

/** The searched text for a child's names, as the database builds it. */
export function searchedText(firstName: string, lastName: string): string {
  return `${firstName}${NAME_SEPARATOR}${lastName}`;
}
