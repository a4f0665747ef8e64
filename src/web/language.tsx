/** The chosen language: Swedish by default, English on request; remembered in localStorage and set on <html lang>. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatDateTime,
  formatDecimal,
  formatNumber,
  LANGS,
  translate,
  translateCount,
  type CountKey,
  type Lang,
  type MessageKey,
  type Params,
} from './i18n.ts';

const STORAGE_KEY = 'anvisa.lang';

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : 'sv';
  } catch {
    return 'sv';
  }
}

interface LanguageState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useI18n() {
  const state = useContext(LanguageContext);
  if (state === null) throw new Error('useI18n outside LanguageProvider');
  const { lang, setLang } = state;
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const tn = useCallback(
    (key: CountKey, count: number, params?: Params) => translateCount(lang, key, count, params),
    [lang],
  );
  const dateTime = useCallback((iso: string) => formatDateTime(lang, iso), [lang]);
  const number = useCallback((value: number) => formatNumber(lang, value), [lang]);
  const decimal = useCallback(
    (value: number | string, options?: Parameters<typeof formatDecimal>[2]) =>
      formatDecimal(lang, value, options),
    [lang],
  );
  return { lang, setLang, t, tn, dateTime, number, decimal };
}
