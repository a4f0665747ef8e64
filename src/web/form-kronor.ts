/**
 * An amount in whole kronor as people type it in Sweden: "2400", "2 400", "2 400 kr", "2400:-", "2 400,00", with the
 * no-break or narrow no-break space Intl's sv-SE puts between thousands (what a copied amount carries). The API takes
 * a number; turning the text into one is the form's job, once, here. Every amount field of the web's forms uses it.
 */
import { z } from 'zod';

/** Why a typed amount is refused: the code is an `error.…` key of the dictionary. */
export type KronorProblem =
  'kronor_digits' | 'kronor_grouping' | 'kronor_ore' | 'kronor_negative' | 'too_big';

export type KronorInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'kronor'; readonly kronor: number }
  | { readonly kind: 'problem'; readonly problem: KronorProblem };

/** Spaces a thousands separator may be typed or pasted as: space, no-break, narrow no-break, thin. */
const SPACE = '[ \\u00a0\\u202f\\u2009]';
/** "kr", "kr.", "kronor", "SEK", or the price tag's ":-" and ",-", after the number. */
const UNIT = new RegExp(`${SPACE}*(?:kr\\.?|kronor|sek|:-|,-)$`, 'i');
/** A minus (hyphen, minus sign or en dash, as word processors turn it) before the number. */
const MINUS = new RegExp(`^[-\\u2212\\u2013]${SPACE}*[0-9]`);
/** Digits, either all together or in groups of three after the first (as Intl writes them). */
const WHOLE = new RegExp(`^(?:[0-9]+|[0-9]{1,3}(?:${SPACE}[0-9]{3})+)$`);
/** Öre after a comma (or a point): one or two digits. */
const ORE = /[,.]([0-9]{1,2})$/;
/** Beyond this, not an amount anyone means (and past what a number holds exactly). */
const MAX_DIGITS = 12;

/** Reads a typed amount: nothing, whole kronor, or why not. Öre are allowed only as zero ("2 400,00"). */
export function parseKronor(text: string): KronorInput {
  let rest = text.trim();
  if (rest === '') return { kind: 'empty' };
  rest = rest.replace(UNIT, '');
  if (MINUS.test(rest)) return { kind: 'problem', problem: 'kronor_negative' };
  const ore = ORE.exec(rest);
  if (ore !== null) {
    if (!/^0+$/.test(ore[1] ?? '')) return { kind: 'problem', problem: 'kronor_ore' };
    rest = rest.slice(0, ore.index);
  }
  if (!WHOLE.test(rest))
    return {
      kind: 'problem',
      problem: /^[0-9 \u00a0\u202f\u2009]+$/.test(rest) ? 'kronor_grouping' : 'kronor_digits',
    };
  const digits = rest.replace(/[^0-9]/g, '');
  if (digits.replace(/^0+/, '').length > MAX_DIGITS) return { kind: 'problem', problem: 'too_big' };
  return { kind: 'kronor', kronor: Number(digits) };
}

/** An amount field that may be left empty (null); a typed amount the parser refuses is the field's error. */
export const formKronorOrNothing = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const parsed = parseKronor(text ?? '');
    if (parsed.kind === 'problem') {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.kind === 'empty' ? null : parsed.kronor;
  });

/** An amount field that must be filled in. */
export const formKronor = formKronorOrNothing.refine((n) => n !== null, 'required').transform((n) => n ?? 0);
