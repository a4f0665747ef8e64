/**
 * What a search term must be before it is searched for. A term of punctuation, symbols or emoji alone (`%`, `_`, `'`,
 * 🙂) finds no child and must not become a pattern: it is refused with a clear message, as is a control character
 * (the database cannot store U+0000, and no name holds one). A term in any script is a name search as long as it holds
 * a letter (ሳምሶን, محمد, Мария, 王小明).
 */

export type SearchTermProblem = 'search_without_letters' | 'search_control_characters';

/** Why a search term cannot be searched for, or null when it can (an empty term is the whole list). */
export function searchTermProblem(term: string): SearchTermProblem | null {
  if (/\p{Cc}/u.test(term)) return 'search_control_characters';
  if (term.trim() !== '' && !/[\p{L}\p{N}]/u.test(term)) return 'search_without_letters';
  return null;
}

/** Whether a text holds a letter of any script: only such a text is searched for as a name. */
export function hasAnyLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** The words of a search: split at white space, each with a letter or a digit (a lone `-` or `%` is no word). */
export function searchWords(term: string): string[] {
  return term
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}
