/**
 * The UI's texts: Swedish first, English as a toggle. Both dictionaries have exactly the same keys (en.ts is typed
 * against sv.ts). `{name}` placeholders are filled from params. A text about a number of things is a pair of keys,
 * `….one` and `….other`, and `translateCount` picks the form the language's plural rules ask for ("1 dag", "2 dagar").
 */
import { en } from './i18n/en.ts';
import { sv } from './i18n/sv.ts';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof sv;
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { sv, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(sv, key);
}

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const LOCALES: Readonly<Record<Lang, string>> = { sv: 'sv-SE', en: 'en-GB' };

/** The keys with a plural pair: `${base}.one` and `${base}.other` are both in the dictionary. */
type PluralBase<K extends string> = K extends `${infer B}.other`
  ? `${B}.one` extends MessageKey
    ? B
    : never
  : never;
export type CountKey = PluralBase<MessageKey>;
export type TranslateCount = (key: CountKey, count: number, params?: Params) => string;

const PLURAL_RULES: Readonly<Record<Lang, Intl.PluralRules>> = {
  sv: new Intl.PluralRules(LOCALES.sv),
  en: new Intl.PluralRules(LOCALES.en),
};

/**
 * A text about `count` things in the form the language needs (Intl.PluralRules: Swedish and English know "one" and
 * "other"); `{count}` is the number written the language's way. A form the dictionary lacks falls back to "other".
 */
export function translateCount(lang: Lang, key: CountKey, count: number, params: Params = {}): string {
  const form = `${key}.${PLURAL_RULES[lang].select(count)}`;
  const chosen: MessageKey = isMessageKey(form) ? form : `${key}.other`;
  return translate(lang, chosen, { ...params, count: formatNumber(lang, count) });
}

/** Date and time in Swedish time, e.g. "2026-11-23 12:31" (sv) or "23/11/2026, 12:31" (en). */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/**
 * A decimal with a fixed number of digits in the language's style ("1,080" in Swedish, "1.080" in English). The
 * API sends exact quotas as strings with three decimals; they are well inside the range a double holds exactly.
 */
export function formatDecimal(
  lang: Lang,
  value: number | string,
  { digits = 3, sign = false }: { readonly digits?: number; readonly sign?: boolean } = {},
): string {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: sign ? 'exceptZero' : 'auto',
  }).format(number);
}
