/**
 * The name search as the database runs it (src/children/search.ts): per search word, a LIKE pattern for the word as
 * written and the transliteration keys it is looked for by; for a search of several words, those of the whole term. A
 * child's names are matched against them as "first|last" (ILIKE) and as the set of keys the database keeps of the names
 * (`children.name_keys`, the SQL twin of `nameKeys`). Together they are exactly `nameSearchMatches` (names.ts); the
 * pure rule still decides for every returned child.
 */
import { searchKeys } from './names.ts';
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
  /** The keys the name must have one of (`searchKeys`); none for a word without letters (a number is found only as written). */
  readonly keys: readonly string[];
}

/**
 * A name matches when every word matches (as written, or by its keys), or the whole term does by its keys (Abdul
 * Rahman finds Abdulrahman). Null for a search without words (punctuation alone): it finds nothing.
 */
export function nameSearchConditions(
  term: string,
): { readonly words: readonly NameCondition[]; readonly whole: readonly string[] } | null {
  const clean = sanitiseSearch(term);
  const words = searchWords(clean);
  if (words.length === 0) return null;
  return {
    words: words.map((w) => ({ literal: likeContaining(w), keys: searchKeys(w) })),
    // One word: the whole term is that word, whose keys are already tested.
    whole: words.length > 1 ? searchKeys(clean) : [],
  };
}
