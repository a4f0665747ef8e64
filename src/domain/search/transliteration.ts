/**
 * Names written in another script, in Latin letters, for the transliteration keys (names.ts). The table is
 * AnyAscii's (script-letters.ts, generated): Arabic script (Arabic, Persian, Pashto, Urdu, Kurdish), Ge'ez (Tigrinya,
 * Amharic), Cyrillic, Greek, Armenian and Georgian. Other scripts (Chinese, Devanagari, …) have no table: such a
 * name is found as written only. Where one script is read in more than one way, a name has one reading per way.
 */
import { SCRIPT_LETTERS, VOWELLESS_LETTERS } from './script-letters.ts';

const LATIN: ReadonlyMap<string, string> = new Map(
  Object.values(SCRIPT_LETTERS).flatMap((pairs) => {
    const items = pairs.split(' ');
    return items.flatMap((item, i) => (i % 2 === 0 ? [[item, items[i + 1] ?? ''] as const] : []));
  }),
);

/** The text with every letter of a transliterated script in Latin letters; anything else as it was. */
export function inLatin(text: string): string {
  let out = '';
  for (const c of text) out += LATIN.get(c) ?? c;
  return out;
}

/**
 * Whether a (NFD) text holds a letter of a script whose Latin spellings do not tell the first vowel: Arabic script
 * writes no short vowels (محمد: Mohammad, Muhammed, Mahmud?), Ge'ez's first and sixth orders are written e, a, i or
 * nothing (ብርሃነ: Berhane, Birhane, Brhane).
 */
export function leavesVowelOpen(text: string): boolean {
  return VOWELLESS_LETTERS.test(text);
}

/** A letter of another reading, written in the same script (so the same table serves every reading). */
const PERSIAN: Readonly<Record<string, string>> = { ث: 'س', ذ: 'ز', ض: 'ز', ظ: 'ز' };
const swap = (text: string, letters: Readonly<Record<string, string>>) =>
  [...text].map((c) => letters[c] ?? c).join('');

/**
 * The readings of a (NFD) name: itself; for Arabic script also the Persian reading (ث s, ذ ض ظ z: Zabihullah, Reza)
 * and و as a long vowel rather than w (Mahmoud, Yousef), alone and together; for Cyrillic the Ukrainian reading of г
 * as h (Olha, Hryhorii).
 */
export function readings(text: string): string[] {
  if (!/[ثذضظوгГ]/.test(text)) return [text];
  return [
    text,
    swap(text, PERSIAN),
    swap(text, { و: 'ا' }),
    swap(text, { ...PERSIAN, و: 'ا' }),
    swap(text, { г: 'һ', Г: 'Һ' }),
  ];
}
