import { z } from "zod";
import { creditCodeProblem, divisionFitsSection, INDUSTRY_SECTIONS, isMsisdn } from "../../rules/archive.ts";
import type { Problem } from "./messages.ts";
import type { Cell } from "./types.ts";
import { type Choices, choiceLookup, NO, normaliseChoice, YES } from "./vocabulary.ts";

/**
 * Pure parsers from one spreadsheet cell to a typed value, or the problem with it. An empty cell is
 * `null` (the caller decides whether the column is required); no parser throws.
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: Problem };
const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const fail = (code: Problem["code"], params?: Problem["params"]): Parsed<never> => ({
  ok: false,
  problem: { code, params },
});

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The cell as the user sees it, for messages and the error report. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoDate(cell);
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

export const isBlank = (cell: Cell): boolean => cellText(cell) === "";

export function parseText(cell: Cell, limits: { max: number; min?: number }): Parsed<string> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  // A string has at least half as many characters as UTF-16 units and at most as many: most values
  // need no counting.
  const { max, min = 0 } = limits;
  if (text.length <= max && text.length >= min * 2) return ok(text);
  const length = [...text].length;
  if (length > max) return fail("too_long", { length, max });
  if (length < min) return fail("too_short", { min });
  return ok(text);
}

/** Business codes: letters, digits, `-` and `_` (the API's rule for `code`). */
export function parseCode(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  return /^[A-Za-z0-9_-]{1,32}$/.test(text) ? ok(text) : fail("bad_code");
}

/** Whole numbers; "1,200" is read as 1200, since that is how spreadsheets display thousands. */
export function parseInteger(cell: Cell, range: { min: number; max: number }): Parsed<number> {
  let value: number;
  if (typeof cell === "number") value = cell;
  else {
    const text = cellText(cell).replace(/[,，\s]/g, "");
    if (text === "") return ok(null);
    if (!/^[+-]?\d+(\.0+)?$/.test(text)) return fail("not_integer");
    value = Number(text);
  }
  if (!Number.isInteger(value)) return fail("not_integer");
  if (value < range.min || value > range.max) return fail("out_of_range", range);
  return ok(value);
}

export function parseYesNo(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const text = normaliseChoice(cellText(cell));
  if (text === "") return ok(null);
  if ((YES as readonly string[]).includes(text)) return ok(true);
  if ((NO as readonly string[]).includes(text)) return ok(false);
  return fail("bad_yes_no");
}

const lookups = new WeakMap<object, Map<string, string>>();
export function parseChoice<T extends string>(cell: Cell, choices: Choices<T>): Parsed<T> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  let lookup = lookups.get(choices);
  if (!lookup) {
    lookup = choiceLookup(choices);
    lookups.set(choices, lookup);
  }
  const value = lookup.get(normaliseChoice(text)) as T | undefined;
  if (value) return ok(value);
  const labels = Object.values<{ zh: string; en: string }>(choices);
  return fail("bad_choice", {
    value: text,
    allowedZh: labels.map((l) => l.zh).join("、"),
    allowedEn: labels.map((l) => l.en).join(", "),
  });
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** Excel's day 25569 is 1970-01-01 (the 1900 date system); day 2958465 is 9999-12-31. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * Dates as YYYY-MM-DD; also the forms spreadsheets produce: 2024/3/1, 2024年3月1日, 20240301, a date
 * cell, or a date cell's serial number when the file carries no styles.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail("bad_date") : ok(isoDate(cell));
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2958465) return fail("bad_date");
    return ok(isoDate(new Date((cell - EXCEL_EPOCH_DAYS) * 86_400_000)));
  }
  const text = cellText(cell);
  if (text === "") return ok(null);
  const parts = DATE_TEXT.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return fail("bad_date");
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900)
    return fail("bad_date");
  return ok(isoDate(date));
}

/** Mainland mobile numbers; +86 and separators are dropped, scientific notation is named as such. */
export function parseMsisdn(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return fail("msisdn_scientific");
  const digits = text.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return isMsisdn(digits) ? ok(digits) : fail("bad_msisdn");
}

const Email = z.email();
export function parseEmail(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  if (text.length > 120) return fail("too_long", { length: text.length, max: 120 });
  return Email.safeParse(text).success ? ok(text) : fail("bad_email");
}

export function parseCreditCode(cell: Cell): Parsed<string> {
  const text = cellText(cell).toUpperCase();
  if (text === "") return ok(null);
  const problem = creditCodeProblem(text);
  if (!problem) return ok(text);
  return fail(
    problem === "length"
      ? "credit_length"
      : problem === "characters"
        ? "credit_characters"
        : "credit_check_digit",
  );
}

export function parseSection(cell: Cell): Parsed<string> {
  const text = cellText(cell).toUpperCase();
  if (text === "") return ok(null);
  return INDUSTRY_SECTIONS[text] ? ok(text) : fail("bad_section");
}

/** Two digits; a number cell 6 (Excel drops the leading zero) is read as "06". */
export function parseDivision(cell: Cell): Parsed<string> {
  const text =
    typeof cell === "number" && Number.isInteger(cell) ? String(cell).padStart(2, "0") : cellText(cell);
  if (text === "") return ok(null);
  return /^\d{2}$/.test(text) ? ok(text) : fail("bad_division");
}

/** The division must fall inside its section's range (GB/T 4754-2017). */
export function divisionProblem(section: string | null, division: string | null): Problem | null {
  if (!division) return null;
  if (!section) return { code: "division_without_section" };
  if (divisionFitsSection(section, division)) return null;
  const info = INDUSTRY_SECTIONS[section]!;
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    code: "division_outside_section",
    params: {
      division,
      section,
      sectionName: info.zh,
      sectionNameEn: info.en,
      from: two(info.divisions[0]),
      to: two(info.divisions[1]),
    },
  };
}

export const MAX_TAGS = 30;
/** Tags separated by ; or , (half- or full-width), each at most 40 characters, duplicates dropped. */
export function parseTags(cell: Cell): Parsed<string[]> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  const tags = [
    ...new Set(
      text
        .split(/[;；,，]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const long = tags.find((t) => [...t].length > 40);
  if (long) return fail("too_long", { length: [...long].length, max: 40 });
  if (tags.length > MAX_TAGS) return fail("too_many_tags", { max: MAX_TAGS });
  return ok(tags);
}
