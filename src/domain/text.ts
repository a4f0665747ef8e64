/**
 * Text a person may type: which characters a field refuses. A NUL byte cannot be stored in PostgreSQL text (it was a
 * 500 on both engines), other control characters hide text or break a line in a log or an export, and a lone
 * surrogate is silently replaced by U+FFFD on the way to the database. So every string a request carries refuses:
 * C0 controls (U+0000–U+001F) except tab, line feed and carriage return, DEL (U+007F), C1 controls
 * (U+0080–U+009F), lone surrogates and the non-characters U+FFFE and U+FFFF. A single-line field (a name, a
 * title) refuses tab, line feed and carriage return too.
 */
import { z } from 'zod';

/** The message code a refused character gets, in a field error and in the UI's texts (error.control_character). */
export const CONTROL_CHARACTER = 'control_character';

export interface ForbiddenCharacter {
  /** Index (UTF-16) of the first refused character. */
  readonly index: number;
  readonly codePoint: number;
}

// Without the u flag a regular expression sees UTF-16 code units, so a lone surrogate is found as such.
const SURROGATES = String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const MULTI_LINE = new RegExp(
  String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|` + SURROGATES,
);
const SINGLE_LINE = new RegExp(String.raw`[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|` + SURROGATES);

/** The first character the field refuses, or null. `multiLine` lets tab, line feed and carriage return through. */
export function forbiddenCharacter(value: string, multiLine: boolean): ForbiddenCharacter | null {
  const index = value.search(multiLine ? MULTI_LINE : SINGLE_LINE);
  return index < 0 ? null : { index, codePoint: value.charCodeAt(index) };
}

/** U+0000 style, for a field error's message (the character itself would not show). */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A single-line field (names, titles, codes typed by hand): no control characters at all. `tooBig` is the message when
 * it is longer than `max` (the code `too_big` by default; a sentence where the field's error says it in words).
 */
export const line = (max: number, tooBig = 'too_big') =>
  z
    .string()
    .max(max, tooBig)
    .refine((value) => forbiddenCharacter(value, false) === null, CONTROL_CHARACTER);

/** Free text over several lines (notes, reasons): tab and line breaks allowed, other control characters not. */
export const text = (max: number, tooBig = 'too_big') =>
  z
    .string()
    .max(max, tooBig)
    .refine((value) => forbiddenCharacter(value, true) === null, CONTROL_CHARACTER);
