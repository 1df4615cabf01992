import { describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "../../rules/archive.ts";
import type { Cell } from "./types.ts";
import {
  cellText,
  divisionProblem,
  parseChoice,
  parseCode,
  parseCreditCode,
  parseDate,
  parseDivision,
  parseEmail,
  parseInteger,
  parseMsisdn,
  parseSection,
  parseTags,
  parseText,
  parseYesNo,
} from "./values.ts";
import { DECISION_ROLE_CHOICES, PAYER_CHOICES, RANK_CHOICES, STATUS_CHOICES } from "./vocabulary.ts";

const parsedValue = <T>(parsed: { ok: true; value: T | null } | { ok: false }) =>
  parsed.ok ? parsed.value : "✗";
const problemOf = (parsed: { ok: boolean; problem?: { code: string } }) =>
  parsed.ok ? null : parsed.problem?.code;

describe("cellText", () => {
  it.each<[Cell, string]>([
    [null, ""],
    ["  长沙  ", "长沙"],
    [13912345678, "13912345678"],
    [12.5, "12.5"],
    [true, "true"],
    [new Date(Date.UTC(2024, 2, 1)), "2024-03-01"],
  ])("shows %j as %j", (cell, text) => expect(cellText(cell)).toBe(text));
});

describe("parseYesNo", () => {
  it.each<[Cell, boolean | null]>([
    ["是", true],
    ["否", false],
    ["true", true],
    ["FALSE", false],
    ["1", true],
    [0, false],
    ["Yes", true],
    ["n", false],
    [true, true],
    ["", null],
    [null, null],
  ])("reads %j as %j", (cell, value) => expect(parsedValue(parseYesNo(cell))).toBe(value));

  it.each<Cell>(["对", "maybe", 2])("refuses %j", (cell) =>
    expect(problemOf(parseYesNo(cell))).toBe("bad_yes_no"),
  );
});

describe("parseChoice", () => {
  it.each<[Cell, string]>([
    ["在网", "active"],
    ["active", "active"],
    ["Active", "active"],
    ["at-risk", "at_risk"],
    ["At Risk", "at_risk"],
    ["预警", "at_risk"],
    ["赢回", "won_back"],
    ["流失", "churned"],
    ["潜在客户", "potential"],
  ])("reads the status %j as %j", (cell, value) =>
    expect(parsedValue(parseChoice(cell, STATUS_CHOICES))).toBe(value),
  );

  it("reads payers, ranks and decision roles in Chinese and English", () => {
    expect(parsedValue(parseChoice("集团", PAYER_CHOICES))).toBe("group");
    expect(parsedValue(parseChoice("统一付费", PAYER_CHOICES))).toBe("group");
    expect(parsedValue(parseChoice("个人", PAYER_CHOICES))).toBe("member");
    expect(parsedValue(parseChoice("厅局", RANK_CHOICES))).toBe("bureau");
    expect(parsedValue(parseChoice("处级", RANK_CHOICES))).toBe("division");
    expect(parsedValue(parseChoice("科", RANK_CHOICES))).toBe("section");
    expect(parsedValue(parseChoice("决策者", DECISION_ROLE_CHOICES))).toBe("decision_maker");
    expect(parsedValue(parseChoice("technical", DECISION_ROLE_CHOICES))).toBe("technical");
    expect(parsedValue(parseChoice("技术负责人", DECISION_ROLE_CHOICES))).toBe("technical");
    expect(parsedValue(parseChoice("采购", DECISION_ROLE_CHOICES))).toBe("purchaser");
  });

  it("names the allowed values in both languages when the value is unknown", () => {
    expect(parseChoice("休眠", STATUS_CHOICES)).toEqual({
      ok: false,
      problem: {
        code: "bad_choice",
        params: {
          value: "休眠",
          allowedZh: "潜在、在网、预警、流失、赢回",
          allowedEn: "potential, active, at_risk, churned, won_back",
        },
      },
    });
  });
});

describe("parseDate", () => {
  it.each<[Cell, string]>([
    ["2024-03-01", "2024-03-01"],
    ["2024-3-1", "2024-03-01"],
    ["2024/03/01", "2024-03-01"],
    ["2024.3.1", "2024-03-01"],
    ["2024年3月1日", "2024-03-01"],
    ["20240301", "2024-03-01"],
    ["2024-03-01 08:30:00", "2024-03-01"],
    ["2024-02-29", "2024-02-29"],
    [new Date(Date.UTC(2024, 2, 1)), "2024-03-01"],
    [45352, "2024-03-01"],
  ])("reads %j as %j", (cell, value) => expect(parsedValue(parseDate(cell))).toBe(value));

  it.each<Cell>(["2023-02-29", "2024-13-01", "2024-04-31", "01/03/2024", "tomorrow", 45352.5, "1899-12-31"])(
    "refuses %j",
    (cell) => expect(problemOf(parseDate(cell))).toBe("bad_date"),
  );

  it("leaves an empty cell empty", () => expect(parsedValue(parseDate(""))).toBeNull());
});

describe("parseMsisdn", () => {
  it.each<[Cell, string]>([
    ["13912345678", "13912345678"],
    [13912345678, "13912345678"],
    ["139 1234 5678", "13912345678"],
    ["139-1234-5678", "13912345678"],
    ["+8613912345678", "13912345678"],
  ])("reads %j as %j", (cell, value) => expect(parsedValue(parseMsisdn(cell))).toBe(value));

  it.each<Cell>(["1391234567", "23912345678", "12912345678", "139123456789", "abc"])("refuses %j", (cell) =>
    expect(problemOf(parseMsisdn(cell))).toBe("bad_msisdn"),
  );

  it("says so when Excel turned the number into scientific notation", () => {
    expect(problemOf(parseMsisdn("1.39123E+10"))).toBe("msisdn_scientific");
  });
});

describe("parseInteger", () => {
  const range = { min: 0, max: 1000 };
  it.each<[Cell, number]>([
    ["120", 120],
    [120, 120],
    ["1,000", 1000],
    ["80.0", 80],
  ])("reads %j as %j", (cell, value) => expect(parsedValue(parseInteger(cell, range))).toBe(value));
  it.each<[Cell, string]>([
    ["12.5", "not_integer"],
    [12.5, "not_integer"],
    ["120人", "not_integer"],
    ["-1", "out_of_range"],
    ["1001", "out_of_range"],
  ])("refuses %j (%s)", (cell, code) => expect(problemOf(parseInteger(cell, range))).toBe(code));
});

describe("archive identifiers", () => {
  const good = `91430100MA4L00001${creditCodeCheckChar("91430100MA4L00001")}`;
  it("checks the credit code's check character", () => {
    expect(parsedValue(parseCreditCode(good.toLowerCase()))).toBe(good);
    const typo = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(problemOf(parseCreditCode(typo))).toBe("credit_check_digit");
    expect(problemOf(parseCreditCode("9143"))).toBe("credit_length");
    expect(problemOf(parseCreditCode("91430100MA4L0000IO"))).toBe("credit_characters");
  });

  it("reads sections A–T and two-digit divisions, also a division Excel stored as a number", () => {
    expect(parsedValue(parseSection("c"))).toBe("C");
    expect(problemOf(parseSection("Z"))).toBe("bad_section");
    expect(parsedValue(parseDivision(6))).toBe("06");
    expect(parsedValue(parseDivision("39"))).toBe("39");
    expect(problemOf(parseDivision("395"))).toBe("bad_division");
  });

  it("keeps a division inside its section", () => {
    expect(divisionProblem("I", "65")).toBeNull();
    expect(divisionProblem(null, "65")).toEqual({ code: "division_without_section" });
    expect(divisionProblem("I", "39")).toMatchObject({
      code: "division_outside_section",
      params: { division: "39", section: "I", from: "63", to: "65" },
    });
  });

  it("reads customer codes", () => {
    expect(parsedValue(parseCode("JK-2024_01"))).toBe("JK-2024_01");
    expect(problemOf(parseCode("JK 01"))).toBe("bad_code");
    expect(problemOf(parseCode("客户01"))).toBe("bad_code");
  });
});

describe("text, e-mail and tags", () => {
  it("counts characters, not bytes", () => {
    expect(parsedValue(parseText("长沙示例", { max: 4 }))).toBe("长沙示例");
    expect(parseText("长沙示例科技", { max: 4 })).toEqual({
      ok: false,
      problem: { code: "too_long", params: { length: 6, max: 4 } },
    });
    expect(problemOf(parseText("长", { min: 2, max: 10 }))).toBe("too_short");
  });

  it("checks e-mail addresses", () => {
    expect(parsedValue(parseEmail("li.si@example.com"))).toBe("li.si@example.com");
    expect(problemOf(parseEmail("li.si@"))).toBe("bad_email");
  });

  it("splits tags on ; and ，, trimming and dropping repeats", () => {
    expect(parsedValue(parseTags("重点; 楼宇，重点,top500"))).toEqual(["重点", "楼宇", "top500"]);
    expect(problemOf(parseTags(Array.from({ length: 31 }, (_, i) => `t${i}`).join(";")))).toBe(
      "too_many_tags",
    );
  });
});
