import { describe, expect, it } from "vitest";
import { parseMonth, parseYuan } from "./values.ts";

describe("parseMonth", () => {
  it.each([
    ["2026-05", "2026-05"],
    ["2026-5", "2026-05"],
    ["2026/05", "2026-05"],
    ["202605", "2026-05"],
    ["2026年5月", "2026-05"],
    ["2026-11", "2026-11"],
  ])("reads %s", (text, month) => {
    expect(parseMonth(text, "2026-11")).toEqual({ ok: true, value: month });
  });

  it.each([
    ["", "required"],
    ["2026-13", "bad_month"],
    ["2026-00", "bad_month"],
    ["1999-12", "bad_month"],
    ["May 2026", "bad_month"],
    ["2026-05-01", "bad_month"],
    ["2026-12", "future_month"],
    ["2027-01", "future_month"],
  ])("refuses %s (%s)", (text, code) => {
    expect(parseMonth(text, "2026-11")).toMatchObject({ ok: false, code });
  });
});

describe("parseYuan", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.3", 1230],
    ["12.34", 1234],
    ["0.01", 1],
    [".5", 50],
    ["12.", 1200],
    ["1,234.50", 123450],
    ["12.500", 1250],
    ["-0", 0],
    ["￥88.80", 8880],
    ["9999999999999.99", 999999999999999],
  ])("reads %s yuan as %i fen", (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ["", "required"],
    ["abc", "bad_amount"],
    [".", "bad_amount"],
    ["1.2.3", "bad_amount"],
    ["12.345", "too_many_decimals"],
    ["0.001", "too_many_decimals"],
    ["-5", "negative_amount"],
    ["-0.01", "negative_amount"],
    ["10000000000000", "amount_too_large"],
  ])("refuses %s (%s)", (text, code) => {
    expect(parseYuan(text)).toMatchObject({ ok: false, code });
  });
});
