import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { enUS } from "./en-US.ts";
import { formatDate, formatDateTime } from "./format.ts";
import { flatten, interpolate } from "./translate.ts";
import { isLocale, type Locale, type MessageKey, type MessageParams, type Translate } from "./types.ts";
import { zhCN } from "./zh-CN.ts";

export type { Locale, MessageKey, MessageParams, Translate } from "./types.ts";
export { LOCALES } from "./types.ts";

const STORAGE_KEY = "jike.locale";
export const DEFAULT_LOCALE: Locale = "zh-CN";

const messages: Record<Locale, ReadonlyMap<string, string>> = {
  "zh-CN": flatten(zhCN),
  "en-US": flatten(enUS),
};

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** For keys built at runtime (`role.<code>`, `notification.<kind>`): undefined when the key is unknown. */
  tryT: (key: string, params?: MessageParams) => string | undefined;
  formatDateTime: (value: string | null | undefined) => string;
  formatDate: (value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = messages[locale];
    const tryT = (key: string, params?: MessageParams) => {
      const template = dict.get(key);
      return template === undefined ? undefined : interpolate(template, params);
    };
    return {
      locale,
      setLocale,
      t: (key: MessageKey, params?: MessageParams) => tryT(key, params) ?? key,
      tryT,
      formatDateTime: (v) => formatDateTime(v, locale),
      formatDate: (v) => formatDate(v, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n must be used inside <I18nProvider>");
  return ctx;
}

export function useT(): Translate {
  return useI18n().t;
}
