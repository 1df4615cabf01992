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

const GROUPED = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Money arrives as integer fen and is shown in yuan with two decimals: 1234560 → "¥12,345.60".
 * Integer arithmetic only, so no binary rounding creeps into the cents.
 */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return "";
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(GROUPED, ",");
  const cents = (abs % 100).toString().padStart(2, "0");
  return `${whole < 0 ? "-" : ""}¥${yuan}.${cents}`;
}

/** Fen as a number of yuan, for charts and arithmetic (not for display: use formatYuan). */
export const fenToYuan = (fen: number): number => Math.round(fen) / 100;

const BEIJING_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day (YYYY-MM-DD) an instant falls on in Beijing time. */
export function beijingDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : BEIJING_DAY.format(date);
}
