import type { Locale } from "./types.ts";

/** Business time is shown in Beijing time whatever the browser's zone (DESIGN.md, data conventions). */
export const TIME_ZONE = "Asia/Shanghai";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatter(locale, true).format(date);
}

export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatter(locale, false).format(date);
}

/** The start of a calendar day in Beijing time as an ISO instant (China has no daylight saving). */
export function beijingDayStart(isoDate: string): string {
  return `${isoDate}T00:00:00+08:00`;
}
