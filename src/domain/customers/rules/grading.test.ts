import { describe, expect, it } from "vitest";
import {
  BEIJING_VALUE_TIERS,
  CHINA_MOBILE_ABC,
  DEFAULT_RULE_SETS,
  JILIN_MARKET_SEGMENTS,
  SMAT_TYPES,
} from "./default-rule-sets.ts";
import {
  type Condition,
  type CustomerFacts,
  classify,
  previewChanges,
  type RuleSetDefinition,
} from "./grading.ts";

const YUAN = 100;

/** A small shop that matches no A or B rule: every test changes only what it is about. */
const facts = (overrides: Partial<CustomerFacts> = {}): CustomerFacts => ({
  handsets: 20,
  employees: 25,
  avgMonthlySpendFen: 2_000 * YUAN,
  priorYearSpendFen: 24_000 * YUAN,
  spendPercentile: 30,
  industrySection: "F",
  industryDivision: "52",
  clusterType: null,
  important: false,
  tags: [],
  ...overrides,
});

const grade = (overrides: Partial<CustomerFacts>) => classify(CHINA_MOBILE_ABC, facts(overrides));
const tier = (avgMonthlySpendFen: number) =>
  classify(BEIJING_VALUE_TIERS, facts({ avgMonthlySpendFen })).code;
const segment = (overrides: Partial<CustomerFacts>) => classify(JILIN_MARKET_SEGMENTS, facts(overrides));

describe("China Mobile A/B/C (001)", () => {
  it("A by 500 handsets; 499 is B", () => {
    expect(grade({ handsets: 500 })).toMatchObject({ code: "A", ruleId: "a_handsets" });
    expect(grade({ handsets: 2500 })).toMatchObject({ code: "A", ruleId: "a_handsets" });
    expect(grade({ handsets: 499 })).toMatchObject({ code: "B", ruleId: "b_handsets" });
  });

  it("A for the top 5% by prior-year spend: percentile 95 is in, 94.9 is not", () => {
    expect(grade({ spendPercentile: 95 })).toMatchObject({ code: "A", ruleId: "a_top_spender" });
    expect(grade({ spendPercentile: 100 })).toMatchObject({ code: "A", ruleId: "a_top_spender" });
    expect(grade({ spendPercentile: 94.9 })).toMatchObject({ code: "B", ruleId: "b_high_spend" });
  });

  it("A for a top-500 taxpayer or a body of major social influence, by tag", () => {
    expect(grade({ tags: ["top500_taxpayer"] })).toMatchObject({ code: "A", ruleId: "a_top_taxpayer" });
    expect(grade({ tags: ["other", "major_social_influence"] })).toMatchObject({
      code: "A",
      ruleId: "a_major_influence",
    });
    expect(grade({ tags: ["top500"] }).code).toBe("C");
  });

  it.each([
    ["63", "telecom"],
    ["60", "postal"],
    ["66", "banking"],
    ["44", "power"],
    ["45", "gas"],
    ["46", "water"],
    ["53", "railways"],
    ["54", "highways"],
    ["56", "airports"],
  ])("A for the key industry division %s (%s)", (industryDivision) => {
    expect(grade({ industryDivision })).toMatchObject({ code: "A", ruleId: "a_key_industry" });
  });

  it("neighbouring divisions of the key industries are not A", () => {
    for (const industryDivision of ["64", "65", "59", "55", "57", "47", "43"]) {
      expect(grade({ industryDivision }).code, industryDivision).toBe("C");
    }
  });

  it("B by 100 handsets; 99 is C", () => {
    expect(grade({ handsets: 100 })).toMatchObject({ code: "B", ruleId: "b_handsets" });
    expect(grade({ handsets: 99 }).code).toBe("C");
  });

  it("B for the top 30% by spend: percentile 70 is in, 69.9 is not", () => {
    expect(grade({ spendPercentile: 70 })).toMatchObject({ code: "B", ruleId: "b_high_spend" });
    expect(grade({ spendPercentile: 69.9 }).code).toBe("C");
  });

  it("B for securities (67) and insurance (68), but other finance (69) is C", () => {
    expect(grade({ industrySection: "J", industryDivision: "67" })).toMatchObject({
      code: "B",
      ruleId: "b_securities_insurance",
    });
    expect(grade({ industrySection: "J", industryDivision: "68" }).code).toBe("B");
    expect(grade({ industrySection: "J", industryDivision: "69" }).code).toBe("C");
  });

  it("C is the fallback, with its reason and no rule id", () => {
    expect(grade({})).toEqual({ code: "C", ruleId: null, reason: "every group not in A or B (001)" });
  });

  it("unknown size and no spend still give C, never an error", () => {
    expect(grade({ handsets: null, employees: null, spendPercentile: 0, industryDivision: null }).code).toBe(
      "C",
    );
  });

  it("the first matching rule wins: A rules before B, and in their order within A", () => {
    const both = grade({ handsets: 600, industryDivision: "67", spendPercentile: 99 });
    expect(both).toMatchObject({ code: "A", ruleId: "a_handsets", reason: "500 or more handsets (001)" });
    expect(grade({ handsets: 150, tags: ["top500_taxpayer"] })).toMatchObject({
      code: "A",
      ruleId: "a_top_taxpayer",
    });
    expect(grade({ handsets: 150, industryDivision: "67" }).ruleId).toBe("b_handsets");
  });

  it("the reason is the rule's description, so the history says why", () => {
    const a = grade({ spendPercentile: 97 });
    expect(a.reason).toBe(CHINA_MOBILE_ABC.classes[0]?.rules.find((r) => r.id === a.ruleId)?.description);
  });
});

describe("Beijing value tiers (003), monthly spend in fen", () => {
  it.each([
    [0, "crystal"],
    [9_999.99, "crystal"],
    [10_000, "gold"],
    [29_999.99, "gold"],
    [30_000, "gem"],
    [79_999.99, "gem"],
    [80_000, "platinum"],
    [199_999.99, "platinum"],
    [200_000, "jade"],
    [499_999.99, "jade"],
    [500_000, "diamond"],
    [5_000_000, "diamond"],
  ])("%s yuan a month → %s", (yuan, expected) => {
    expect(tier(Math.round(yuan * YUAN))).toBe(expected);
  });

  it("crystal is the fallback, with its reason", () => {
    expect(classify(BEIJING_VALUE_TIERS, facts({ avgMonthlySpendFen: 0 }))).toEqual({
      code: "crystal",
      ruleId: null,
      reason: "monthly spend under 10,000 yuan (003)",
    });
  });

  it("each tier names the rule that placed it", () => {
    expect(classify(BEIJING_VALUE_TIERS, facts({ avgMonthlySpendFen: 500_000 * YUAN }))).toMatchObject({
      ruleId: "diamond_spend",
      reason: "average monthly spend of 500,000 yuan or more (003)",
    });
  });
});

describe("Jilin market segments (004)", () => {
  it("public administration is party-government-military, even when it is also a large enterprise", () => {
    expect(segment({ industrySection: "S", employees: 5000, handsets: 900 })).toMatchObject({
      code: "party_gov_military",
      ruleId: "pgm_public_admin",
    });
  });

  it("a military tag places a customer of any industry in party-government-military", () => {
    expect(segment({ industrySection: "C", tags: ["military"] })).toMatchObject({
      code: "party_gov_military",
      ruleId: "pgm_military",
    });
  });

  it("finance before large enterprise; transport and energy sections G, D, B", () => {
    expect(segment({ industrySection: "J", employees: 3000 }).code).toBe("finance");
    for (const industrySection of ["G", "D", "B"]) {
      expect(segment({ industrySection, employees: 3000 }).code, industrySection).toBe("transport_energy");
    }
  });

  it("large enterprise by 1,000 employees or 500 handsets", () => {
    expect(segment({ employees: 1000 })).toMatchObject({ code: "large_enterprise", ruleId: "le_employees" });
    expect(segment({ employees: 999 }).code).toBe("sme");
    expect(segment({ handsets: 500 })).toMatchObject({ code: "large_enterprise", ruleId: "le_handsets" });
    expect(segment({ handsets: 499 }).code).toBe("sme");
  });

  it("a large enterprise in a cluster stays a large enterprise", () => {
    expect(segment({ employees: 1500, clusterType: "park", avgMonthlySpendFen: 50_000 * YUAN }).code).toBe(
      "large_enterprise",
    );
  });

  it("in a cluster with 10,000 yuan a month → high-end cluster; less → ordinary cluster", () => {
    expect(segment({ clusterType: "building", avgMonthlySpendFen: 10_000 * YUAN })).toMatchObject({
      code: "high_end_cluster",
      ruleId: "hc_spend",
    });
    expect(segment({ clusterType: "building", avgMonthlySpendFen: 10_000 * YUAN - 1 })).toMatchObject({
      code: "ordinary_cluster",
      ruleId: "oc_cluster",
    });
    for (const clusterType of ["park", "market", "street"]) {
      expect(segment({ clusterType }).code, clusterType).toBe("ordinary_cluster");
    }
  });

  it("high spend outside any cluster is an SME, the fallback", () => {
    expect(segment({ clusterType: null, avgMonthlySpendFen: 100_000 * YUAN })).toEqual({
      code: "sme",
      ruleId: null,
      reason: "none of the other segments (004)",
    });
    expect(segment({ clusterType: "", avgMonthlySpendFen: 100_000 * YUAN }).code).toBe("sme");
  });
});

describe("SMAT industry-application types (000)", () => {
  it.each([
    ["J", "A"],
    ["F", "A"],
    ["G", "B"],
    ["C", "B"],
    ["S", "C"],
    ["P", "C"],
    ["Q", "C"],
  ])("section %s → type %s", (industrySection, expected) => {
    expect(classify(SMAT_TYPES, facts({ industrySection })).code).toBe(expected);
  });

  it("other sections, or none, stay unclassified: SMAT has no fallback", () => {
    for (const industrySection of ["K", "E", null]) {
      expect(classify(SMAT_TYPES, facts({ industrySection }))).toEqual({
        code: null,
        ruleId: null,
        reason: "no rule matched",
      });
    }
  });
});

describe("the default rule sets", () => {
  it("are the four kinds, each with at least one class", () => {
    expect(Object.keys(DEFAULT_RULE_SETS).sort()).toEqual(
      ["grade", "market_segment", "smat_type", "value_tier"].sort(),
    );
    for (const set of Object.values(DEFAULT_RULE_SETS)) {
      expect(set.definition.classes.length).toBeGreaterThan(0);
      const ids = set.definition.classes.flatMap((c) => c.rules.map((r) => r.id));
      expect(new Set(ids).size, set.name).toBe(ids.length);
    }
  });

  it("A/B/C has three classes only: a fourth is configuration (DOMAIN.md)", () => {
    expect([...CHINA_MOBILE_ABC.classes.map((c) => c.code), CHINA_MOBILE_ABC.fallback?.code]).toEqual([
      "A",
      "B",
      "C",
    ]);
  });
});

describe("every condition operator", () => {
  const one = (condition: Condition): RuleSetDefinition => ({
    classes: [
      { code: "X", labelZh: "X", labelEn: "X", rules: [{ id: "x", description: "x", all: [condition] }] },
    ],
    fallback: null,
  });
  const holds = (condition: Condition, overrides: Partial<CustomerFacts>) =>
    classify(one(condition), facts(overrides)).code === "X";

  it("gte: at the bound holds, just below does not, null never does", () => {
    const c: Condition = { field: "employees", op: "gte", value: 100 };
    expect(holds(c, { employees: 100 })).toBe(true);
    expect(holds(c, { employees: 99 })).toBe(false);
    expect(holds(c, { employees: null })).toBe(false);
  });

  it("lt: just below holds, at the bound does not, null never does", () => {
    const c: Condition = { field: "handsets", op: "lt", value: 10 };
    expect(holds(c, { handsets: 9 })).toBe(true);
    expect(holds(c, { handsets: 10 })).toBe(false);
    expect(holds(c, { handsets: 0 })).toBe(true);
    expect(holds(c, { handsets: null })).toBe(false);
  });

  it("gte and lt on a string field never hold", () => {
    expect(holds({ field: "industryDivision", op: "gte", value: 0 }, { industryDivision: "66" })).toBe(false);
    expect(holds({ field: "industryDivision", op: "lt", value: 100 }, { industryDivision: "66" })).toBe(
      false,
    );
  });

  it("in: membership of a string; null is never in", () => {
    const c: Condition = { field: "industrySection", op: "in", value: ["J", "S"] };
    expect(holds(c, { industrySection: "S" })).toBe(true);
    expect(holds(c, { industrySection: "C" })).toBe(false);
    expect(holds(c, { industrySection: null })).toBe(false);
    expect(holds({ field: "handsets", op: "in", value: ["20"] }, { handsets: 20 })).toBe(false);
  });

  it("eq: strings and booleans compare exactly", () => {
    expect(holds({ field: "clusterType", op: "eq", value: "park" }, { clusterType: "park" })).toBe(true);
    expect(holds({ field: "clusterType", op: "eq", value: "park" }, { clusterType: "Park" })).toBe(false);
    expect(holds({ field: "clusterType", op: "eq", value: "park" }, { clusterType: null })).toBe(false);
    expect(holds({ field: "important", op: "eq", value: true }, { important: true })).toBe(true);
    expect(holds({ field: "important", op: "eq", value: true }, { important: false })).toBe(false);
    expect(holds({ field: "important", op: "eq", value: false }, { important: false })).toBe(true);
  });

  it("has: the tag list holds the value exactly", () => {
    const c: Condition = { field: "tags", op: "has", value: "vip" };
    expect(holds(c, { tags: ["a", "vip"] })).toBe(true);
    expect(holds(c, { tags: ["vip2"] })).toBe(false);
    expect(holds(c, { tags: [] })).toBe(false);
  });

  it("present true: any value, including 0 and false; not null or an empty string", () => {
    const yes = (field: Condition["field"]): Condition => ({ field, op: "present", value: true });
    expect(holds(yes("clusterType"), { clusterType: "street" })).toBe(true);
    expect(holds(yes("clusterType"), { clusterType: null })).toBe(false);
    expect(holds(yes("clusterType"), { clusterType: "" })).toBe(false);
    expect(holds(yes("handsets"), { handsets: 0 })).toBe(true);
    expect(holds(yes("handsets"), { handsets: null })).toBe(false);
    expect(holds(yes("important"), { important: false })).toBe(true);
  });

  it("present false: the opposite, so a rule can catch a missing fact", () => {
    const no = (field: Condition["field"]): Condition => ({ field, op: "present", value: false });
    expect(holds(no("industryDivision"), { industryDivision: null })).toBe(true);
    expect(holds(no("industryDivision"), { industryDivision: "66" })).toBe(false);
    expect(holds(no("employees"), { employees: null })).toBe(true);
    expect(holds(no("employees"), { employees: 0 })).toBe(false);
  });

  it("a rule holds only when all its conditions hold", () => {
    const definition: RuleSetDefinition = {
      classes: [
        {
          code: "X",
          labelZh: "X",
          labelEn: "X",
          rules: [
            {
              id: "both",
              description: "both",
              all: [
                { field: "handsets", op: "gte", value: 50 },
                { field: "important", op: "eq", value: true },
              ],
            },
          ],
        },
      ],
      fallback: { code: "Y", labelZh: "Y", labelEn: "Y", reason: "else" },
    };
    expect(classify(definition, facts({ handsets: 50, important: true })).code).toBe("X");
    expect(classify(definition, facts({ handsets: 50, important: false })).code).toBe("Y");
    expect(classify(definition, facts({ handsets: 49, important: true })).code).toBe("Y");
  });

  it("with no classes and no fallback, everyone is unclassified", () => {
    expect(classify({ classes: [], fallback: null }, facts())).toEqual({
      code: null,
      ruleId: null,
      reason: "no rule matched",
    });
  });
});

describe("previewChanges", () => {
  const lowerA: RuleSetDefinition = {
    ...CHINA_MOBILE_ABC,
    classes: CHINA_MOBILE_ABC.classes.map((c) =>
      c.code === "A"
        ? {
            ...c,
            rules: c.rules.map((r) =>
              r.id === "a_handsets" ? { ...r, all: [{ field: "handsets", op: "gte", value: 300 }] } : r,
            ),
          }
        : c,
    ),
  };

  it("counts everyone, and only the customers who would move, by from→to", () => {
    const result = previewChanges(lowerA, [
      { current: "B", facts: facts({ handsets: 300 }) },
      { current: "B", facts: facts({ handsets: 450 }) },
      { current: "B", facts: facts({ handsets: 299 }) },
      { current: "A", facts: facts({ handsets: 900 }) },
      { current: "C", facts: facts({ handsets: 10 }) },
      { current: "A", facts: facts({ handsets: 10 }) },
    ]);
    expect(result).toEqual({ total: 6, changed: 3, moves: { "B→A": 2, "A→C": 1 } });
  });

  it("marks the unclassified side with an em dash", () => {
    const result = previewChanges(SMAT_TYPES, [
      { current: null, facts: facts({ industrySection: "J" }) },
      { current: "A", facts: facts({ industrySection: "K" }) },
      { current: null, facts: facts({ industrySection: "K" }) },
    ]);
    expect(result).toEqual({ total: 3, changed: 2, moves: { "—→A": 1, "A→—": 1 } });
  });

  it("an empty province previews to nothing", () => {
    expect(previewChanges(CHINA_MOBILE_ABC, [])).toEqual({ total: 0, changed: 0, moves: {} });
  });

  it("the same definition changes nobody it already graded", () => {
    const customers = [600, 150, 20].map((handsets) => facts({ handsets }));
    const current = customers.map((f) => ({ current: classify(CHINA_MOBILE_ABC, f).code, facts: f }));
    expect(previewChanges(CHINA_MOBILE_ABC, current)).toEqual({ total: 3, changed: 0, moves: {} });
  });
});
