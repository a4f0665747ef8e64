/**
 * The UI's texts: Swedish first, English as a toggle. Both dictionaries have exactly the same keys (en.ts is typed
 * against sv.ts). `{name}` placeholders are filled from params.
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
