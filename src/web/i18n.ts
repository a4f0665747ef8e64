/**
 * The UI's texts: Swedish first, English as a toggle. Both dictionaries have exactly the same keys (en.ts is typed
 * against sv.ts). `{name}` placeholders are filled from params. A text about a number of things is a pair of keys,
 * `….one` and `….other`, and `translateCount` picks the form the language's plural rules ask for ("1 dag", "2 dagar").
 *
 * Loaded in two parts (issue 11): the texts of the frame and the login (`sv-core.ts`, `en-core.ts`) are in the entry
 * chunk; the whole dictionary of a language (sv.ts or en.ts, the capabilities' texts) is a chunk of its own, loaded by
 * `loadMessages` before any page that needs it renders (the app's routes await it, see router.tsx and language.tsx).
 */
import { enCore } from './i18n/en-core.ts';
import { svCore } from './i18n/sv-core.ts';
import type { sv } from './i18n/sv.ts';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof sv;
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

type Messages = Readonly<Partial<Record<MessageKey, string>>>;
const MESSAGES: Record<Lang, Messages> = { sv: svCore, en: enCore };
const loading = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();

/** Calls `listener` each time a whole dictionary has loaded; returns the unsubscribe. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads the whole dictionary of `lang` (once); resolves when `translate` knows every key in it. */
export function loadMessages(lang: Lang): Promise<void> {
  let promise = loading.get(lang);
  if (promise === undefined) {
    promise = (
      lang === 'sv'
        ? import('./i18n/sv.ts').then(({ sv: all }) => all)
        : import('./i18n/en.ts').then(({ en: all }) => all)
    ).then(
      (all) => {
        MESSAGES[lang] = all;
        listeners.forEach((listener) => listener());
      },
      (error: unknown) => {
        loading.delete(lang); // a failed fetch (network) may be retried by the next navigation
        throw error;
      },
    );
    loading.set(lang, promise);
  }
  return promise;
}

/** True once `loadMessages(lang)` has finished. */
export function hasAllMessages(lang: Lang): boolean {
  return MESSAGES[lang] !== (lang === 'sv' ? svCore : enCore);
}

/**
 * True when `key` is a text the dictionary has: the part loaded, the core until the rest is (both languages have the
 * same keys; an English user has only the English dictionary loaded).
 */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.sv, key) || Object.hasOwn(MESSAGES.en, key);
}

/** The text of `key`; a key whose part is not loaded yet is empty (the routes that need it wait for it). */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return (MESSAGES[lang][key] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => {
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

/** Whole kronor, e.g. "100 000 kr" (sv) or "SEK 100,000" (en). */
export function formatKronor(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(value);
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
