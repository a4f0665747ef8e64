/**
 * The name search as the database runs it (src/children/search.ts): per search word, a LIKE pattern for the word as
 * written and the word's transliteration key; for a search of several words, the key of the whole term. A child's
 * names are matched against them as "first|last" (ILIKE) and as the set of keys the database keeps of the names
 * (`children.name_keys`, the SQL twin of `nameKeys`). Together they are exactly `nameSearchMatches` (names.ts); the
 * pure rule still decides for every returned child.
 */
import { hasLetters, nameKey } from './names.ts';
import { searchWords } from './search-term.ts';

/** The separator between the given and the family name in the searched text. */
export const NAME_SEPARATOR = '|';

/** Characters a search may not contain literally (they would cross the separator). */
export function sanitiseSearch(term: string): string {
  return term.replaceAll(NAME_SEPARATOR, ' ').trim();
}

/**
 * A LIKE pattern matching `text` as written, anywhere (case-insensitively, with ILIKE: the database folds the case of
 * the pattern and the name alike). `%`, `_` and `\` are plain characters in it.
 */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One search word as the database tests it. */
export interface NameCondition {
  /** ILIKE: the word as written, part of the name. */
  readonly literal: string;
  /** The word's key, null for a word without letters (a number is found only as written). */
  readonly key: string | null;
}

/**
 * A name matches when every word matches (as written, or by its key), or the whole term does by its key (Abdul Rahman
 * finds Abdulrahman). Null for a search without words (punctuation alone): it finds nothing.
 */
export function nameSearchConditions(term: string): { readonly words: readonly NameCondition[]; readonly whole: string | null } | null {
  const clean = sanitiseSearch(term);
  const words = searchWords(clean);
  if (words.length === 0) return null;
  return {
    words: words.map((w) => ({ literal: likeContaining(w), key: hasLetters(w) ? nameKey(w) : null })),
    // One word: the whole term is that word, whose key is already tested.
    whole: words.length > 1 && hasLetters(clean) ? nameKey(clean) : null,
  };
}
