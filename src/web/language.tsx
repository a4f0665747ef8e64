/**
 * The chosen language: Swedish by default, English on request; remembered in localStorage and set on <html lang>.
 * The frame and the login need only the core texts; a page that needs the whole dictionary waits for
 * `loadCurrentMessages` (its route's preload), and a language chosen later is loaded before the switch.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatDateTime,
  formatDecimal,
  formatNumber,
  hasAllMessages,
  LANGS,
  loadMessages,
  onMessagesLoaded,
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

/** The language shown now, for the routes' preload (outside React). */
let current: Lang = storedLang();

/** The whole dictionary of the language shown now: what a route waits for before its page renders. */
export function loadCurrentMessages(): Promise<void> {
  return loadMessages(current);
}

interface LanguageState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  /** Counts the dictionaries loaded, so that what was drawn with the core texts is drawn again. */
  readonly loaded: number;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setShown] = useState<Lang>(() => (current = storedLang()));
  const [loaded, setLoaded] = useState(0);
  useEffect(() => onMessagesLoaded(() => setLoaded((n) => n + 1)), []);
  const setLang = useCallback((next: Lang) => {
    const show = () => {
      current = next;
      setShown(next);
    };
    // Past the login the pages need every text: switch when the other language's whole dictionary is here.
    if (hasAllMessages(current) && !hasAllMessages(next)) void loadMessages(next).then(show, show);
    else show();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, loaded }), [lang, setLang, loaded]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useI18n() {
  const state = useContext(LanguageContext);
  if (state === null) throw new Error('useI18n outside LanguageProvider');
  const { lang, setLang, loaded } = state;
  // `loaded` is a dependency on purpose: a new dictionary makes a new `t`, and what uses it draws again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang, loaded]);
  const tn = useCallback(
    (key: CountKey, count: number, params?: Params) => translateCount(lang, key, count, params),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, loaded],
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
