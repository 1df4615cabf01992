import { describe, expect, it } from "vitest";
import {
  type CustomerStatus,
  canMoveStatus,
  creditCodeCheckChar,
  creditCodeProblem,
  divisionFitsSection,
  INDUSTRY_SECTIONS,
  isMsisdn,
  STATUS_TRANSITIONS,
  VIP_CARD_BY_RANK,
} from "./archive.ts";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const withCheck = (first17: string): string => {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`no check character for ${first17}`);
  return first17 + check;
};

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts the standard's own example and real-shaped codes", () => {
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeProblem("91440300708461136T")).toBeNull();
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  it.each([
    "91430100MA4L000001",
    "11430000006941048H",
    "12430100444885677Y",
    "9143010032063XYWQ0",
    "00000000000000000",
    "YYYYYYYYYYYYYYYYY",
  ])("a code built from %s with its check character is valid", (body) => {
    const first17 = body.slice(0, 17);
    const code = withCheck(first17);
    expect(code).toHaveLength(18);
    expect(ALPHABET).toContain(code[17]);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it("a zero-sum body has check character 0, not the out-of-range 31st symbol", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("catches every one-character typo of a valid code", () => {
    const valid = "91350100M000100Y43";
    let typos = 0;
    for (let i = 0; i < valid.length; i++) {
      for (const c of ALPHABET) {
        if (c === valid[i]) continue;
        const typo = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(creditCodeProblem(typo), typo).toBe("check_digit");
        typos++;
      }
    }
    expect(typos).toBe(18 * 30);
  });

  it("catches two adjacent characters swapped", () => {
    const valid = "91440300708461136T";
    for (let i = 0; i < 16; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(creditCodeProblem(swapped), swapped).toBe("check_digit");
    }
  });

  it("rejects the wrong length before anything else", () => {
    expect(creditCodeProblem("")).toBe("length");
    expect(creditCodeProblem("91350100M000100Y4")).toBe("length");
    expect(creditCodeProblem("91350100M000100Y430")).toBe("length");
    expect(creditCodeCheckChar("91350100M000100Y")).toBeNull();
    expect(creditCodeCheckChar("91350100M000100Y43")).toBeNull();
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the forbidden letter %s anywhere", (letter) => {
    const valid = "91350100M000100Y43";
    for (const at of [0, 8, 17]) {
      const code = valid.slice(0, at) + letter + valid.slice(at + 1);
      expect(creditCodeProblem(code), code).toBe("characters");
    }
    expect(creditCodeCheckChar(`9135010${letter}M000100Y4`)).toBeNull();
  });

  it("is case-sensitive: lower-case letters are not in the alphabet (the API upper-cases first)", () => {
    expect(creditCodeProblem("91350100m000100y43")).toBe("characters");
    expect(creditCodeProblem("91350100M000100Y4 ")).toBe("characters");
  });
});

describe("isMsisdn", () => {
  it.each(["13812345678", "19912345678", "15000000000", "17712345678"])("accepts %s", (n) => {
    expect(isMsisdn(n)).toBe(true);
  });
  it.each([
    ["12812345678", "second digit below 3"],
    ["10812345678", "second digit 0"],
    ["23812345678", "does not start with 1"],
    ["1381234567", "10 digits"],
    ["138123456789", "12 digits"],
    ["+8613812345678", "country code"],
    ["138 1234 5678", "spaces"],
    ["138-1234-5678", "dashes"],
    ["138****5678", "a masked number"],
    ["", "empty"],
  ])("rejects %s (%s)", (n) => {
    expect(isMsisdn(n)).toBe(false);
  });
});

describe("VIP card by rank (004)", () => {
  it("bureau → diamond, division → gold, section → silver, other → none", () => {
    expect(VIP_CARD_BY_RANK).toEqual({ bureau: "diamond", division: "gold", section: "silver", other: null });
  });
});

describe("divisionFitsSection (GB/T 4754-2017)", () => {
  it.each([
    ["C", "13", true],
    ["C", "43", true],
    ["C", "12", false],
    ["C", "44", false],
    ["J", "66", true],
    ["J", "69", true],
    ["J", "65", false],
    ["J", "70", false],
    ["K", "70", true],
    ["K", "69", false],
    ["K", "71", false],
    ["A", "01", true],
    ["A", "05", true],
    ["A", "00", false],
    ["T", "97", true],
    ["T", "98", false],
  ])("section %s, division %s → %s", (section, division, fits) => {
    expect(divisionFitsSection(section, division)).toBe(fits);
  });

  it("refuses a division that belongs to another section", () => {
    expect(divisionFitsSection("S", "66")).toBe(false);
    expect(divisionFitsSection("J", "92")).toBe(false);
  });

  it.each([
    ["Z", "13", "unknown section"],
    ["c", "13", "lower-case section"],
    ["", "13", "empty section"],
    ["C", "1", "one digit"],
    ["C", "013", "three digits"],
    ["C", "1a", "not digits"],
    ["C", " 13", "padded"],
    ["C", "", "empty division"],
    ["K", "7e1", "exponent"],
  ])("section %s, division %s is refused (%s)", (section, division) => {
    expect(divisionFitsSection(section, division)).toBe(false);
  });

  it("the sections tile 01–97 without gaps or overlaps", () => {
    const ranges = Object.values(INDUSTRY_SECTIONS)
      .map((s) => s.divisions)
      .sort((a, b) => a[0] - b[0]);
    expect(ranges[0]?.[0]).toBe(1);
    expect(ranges.at(-1)?.[1]).toBe(97);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
  });
});

describe("status lifecycle", () => {
  const all: CustomerStatus[] = ["potential", "active", "at_risk", "churned", "won_back"];

  it("a churned customer comes back only as won back", () => {
    for (const to of all) expect(canMoveStatus("churned", to), `churned → ${to}`).toBe(to === "won_back");
  });

  it.each([
    ["potential", "active", true],
    ["potential", "churned", true],
    ["potential", "at_risk", false],
    ["potential", "won_back", false],
    ["active", "at_risk", true],
    ["active", "churned", true],
    ["active", "potential", false],
    ["active", "won_back", false],
    ["at_risk", "active", true],
    ["at_risk", "churned", true],
    ["at_risk", "won_back", false],
    ["won_back", "active", true],
    ["won_back", "at_risk", true],
    ["won_back", "churned", true],
    ["won_back", "potential", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canMoveStatus(from, to)).toBe(allowed);
  });

  it("no status moves to itself, and none goes back to potential", () => {
    for (const s of all) {
      expect(canMoveStatus(s, s)).toBe(false);
      expect(canMoveStatus(s, "potential")).toBe(false);
    }
  });

  it("every status has a way forward", () => {
    for (const s of all) expect(STATUS_TRANSITIONS[s].length).toBeGreaterThan(0);
  });
});
