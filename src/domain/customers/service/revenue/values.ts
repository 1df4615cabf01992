/**
 * Pure parsers for the cells of a billing export (docs/revenue-import.md): the month and the amounts in
 * yuan. Amounts become integer fen by their digits, never through floating point (DESIGN.md "Money").
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string> };

const fail = (code: string, params?: Record<string, string>): Parsed<never> => ({ ok: false, code, params });

const MONTH_FORMS = [
  /^(\d{4})-(\d{1,2})$/, // 2026-05, the documented form
  /^(\d{4})\/(\d{1,2})$/, // 2026/05, as spreadsheets reformat it
  /^(\d{4})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})$/, // 202605, the billing cycle (账期) as billing systems print it
  /^(\d{4})\s*年\s*(\d{1,2})\s*月$/, // 2026年5月
];

/** 'YYYY-MM' of a month from 2000 on, no later than `latest` (the current month in Shanghai). */
export function parseMonth(text: string, latest: string): Parsed<string> {
  if (text === "") return fail("required");
  const parts = MONTH_FORMS.map((form) => form.exec(text)).find((m) => m !== null);
  if (!parts) return fail("bad_month");
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  if (year < 2000 || month < 1 || month > 12) return fail("bad_month");
  const value = `${year}-${String(month).padStart(2, "0")}`;
  if (value > latest) return fail("future_month", { latest });
  return { ok: true, value };
}

/** Up to 13 digits of yuan keeps every sum of a province's month far inside JavaScript's exact integers. */
const MAX_YUAN_DIGITS = 13;
const AMOUNT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Yuan with at most two decimals → fen. "1,234.50" is read as spreadsheets display it; trailing zeros
 * beyond the second decimal ("12.500") say nothing more and are accepted.
 */
export function parseYuan(text: string): Parsed<number> {
  if (text === "") return fail("required");
  const parts = AMOUNT.exec(text.replace(/[,，\s]/g, "").replace(/^[¥￥]/, ""));
  if (!parts || (parts[2] === "" && (parts[3] ?? "") === "")) return fail("bad_amount");
  const [, sign, whole = "", decimals = ""] = parts;
  const significant = decimals.replace(/0+$/, "");
  if (significant.length > 2) return fail("too_many_decimals");
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_YUAN_DIGITS) return fail("amount_too_large");
  const fen = Number(digits || "0") * 100 + Number(significant.padEnd(2, "0"));
  if (sign === "-" && fen !== 0) return fail("negative_amount");
  return { ok: true, value: fen };
}
