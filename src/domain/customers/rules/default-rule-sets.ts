import type { RuleSetDefinition } from "./grading.ts";

const YUAN = 100; // fen per yuan

/**
 * China Mobile A/B/C (001): first match wins, A before B before C; C is every group not in A or B. The
 * handset bands are the seed's examples (如); "top spenders" is read as the top 5% by prior-year spend.
 */
export const CHINA_MOBILE_ABC: RuleSetDefinition = {
  classes: [
    {
      code: "A",
      labelZh: "A类",
      labelEn: "Class A",
      rules: [
        {
          id: "a_handsets",
          description: "500 or more handsets (001)",
          all: [{ field: "handsets", op: "gte", value: 500 }],
        },
        {
          id: "a_top_spender",
          description: "top 5% by prior-year spend (001 高消费)",
          all: [{ field: "spendPercentile", op: "gte", value: 95 }],
        },
        {
          id: "a_top_taxpayer",
          description: "one of the province's top-500 taxpayers (001)",
          all: [{ field: "tags", op: "has", value: "top500_taxpayer" }],
        },
        {
          id: "a_major_influence",
          description: "party, government, military or news media with major social influence (001)",
          all: [{ field: "tags", op: "has", value: "major_social_influence" }],
        },
        {
          id: "a_key_industry",
          description:
            "key industry: telecom, postal, banking, power, gas, water, highways, railways, airports (001)",
          all: [
            {
              field: "industryDivision",
              op: "in",
              value: ["63", "60", "66", "44", "45", "46", "53", "54", "56"],
            },
          ],
        },
      ],
    },
    {
      code: "B",
      labelZh: "B类",
      labelEn: "Class B",
      rules: [
        {
          id: "b_handsets",
          description: "100–499 handsets (001)",
          all: [{ field: "handsets", op: "gte", value: 100 }],
        },
        {
          id: "b_high_spend",
          description: "top 30% by prior-year spend (001 较高消费)",
          all: [{ field: "spendPercentile", op: "gte", value: 70 }],
        },
        {
          id: "b_securities_insurance",
          description: "securities or insurance (001)",
          all: [{ field: "industryDivision", op: "in", value: ["67", "68"] }],
        },
      ],
    },
  ],
  fallback: { code: "C", labelZh: "C类", labelEn: "Class C", reason: "every group not in A or B (001)" },
};

const tier = (code: string, zh: string, en: string, minYuan: number) => ({
  code,
  labelZh: zh,
  labelEn: en,
  rules: [
    {
      id: `${code}_spend`,
      description: `average monthly spend of ${minYuan.toLocaleString("en")} yuan or more (003)`,
      all: [{ field: "avgMonthlySpendFen" as const, op: "gte" as const, value: minYuan * YUAN }],
    },
  ],
});

/** Beijing Telecom key-account tiers by monthly spend (003); lower bounds inclusive (configurable). */
export const BEIJING_VALUE_TIERS: RuleSetDefinition = {
  classes: [
    tier("diamond", "钻石", "Diamond", 500_000),
    tier("jade", "翡翠", "Jade", 200_000),
    tier("platinum", "白金", "Platinum", 80_000),
    tier("gem", "宝石", "Gem", 30_000),
    tier("gold", "黄金", "Gold", 10_000),
  ],
  fallback: {
    code: "crystal",
    labelZh: "水晶",
    labelEn: "Crystal",
    reason: "monthly spend under 10,000 yuan (003)",
  },
};

/** Jilin's market segments (004). Which facts place a customer in each is Jike's default, editable. */
export const JILIN_MARKET_SEGMENTS: RuleSetDefinition = {
  classes: [
    {
      code: "party_gov_military",
      labelZh: "党政军",
      labelEn: "Party, government & military",
      rules: [
        {
          id: "pgm_public_admin",
          description: "public administration (GB/T 4754 S)",
          all: [{ field: "industrySection", op: "in", value: ["S"] }],
        },
        {
          id: "pgm_military",
          description: "tagged military",
          all: [{ field: "tags", op: "has", value: "military" }],
        },
      ],
    },
    {
      code: "finance",
      labelZh: "金融",
      labelEn: "Finance",
      rules: [
        {
          id: "fin_section",
          description: "finance (GB/T 4754 J)",
          all: [{ field: "industrySection", op: "in", value: ["J"] }],
        },
      ],
    },
    {
      code: "transport_energy",
      labelZh: "交通能源",
      labelEn: "Transport & energy",
      rules: [
        {
          id: "te_sections",
          description: "transport or energy (GB/T 4754 G, D, B)",
          all: [{ field: "industrySection", op: "in", value: ["G", "D", "B"] }],
        },
      ],
    },
    {
      code: "large_enterprise",
      labelZh: "大企业",
      labelEn: "Large enterprise",
      rules: [
        {
          id: "le_employees",
          description: "1,000 or more employees",
          all: [{ field: "employees", op: "gte", value: 1000 }],
        },
        {
          id: "le_handsets",
          description: "500 or more handsets",
          all: [{ field: "handsets", op: "gte", value: 500 }],
        },
      ],
    },
    {
      code: "high_end_cluster",
      labelZh: "高端聚类",
      labelEn: "High-end cluster",
      rules: [
        {
          id: "hc_spend",
          description:
            "in a cluster (building, park, market, street) with monthly spend of 10,000 yuan or more (004)",
          all: [
            { field: "clusterType", op: "present", value: true },
            { field: "avgMonthlySpendFen", op: "gte", value: 10_000 * YUAN },
          ],
        },
      ],
    },
    {
      code: "ordinary_cluster",
      labelZh: "普通聚类",
      labelEn: "Ordinary cluster",
      rules: [
        {
          id: "oc_cluster",
          description: "in a cluster by installation address (004)",
          all: [{ field: "clusterType", op: "present", value: true }],
        },
      ],
    },
  ],
  fallback: { code: "sme", labelZh: "中小企业", labelEn: "SME", reason: "none of the other segments (004)" },
};

/** SMAT industry-application types (000) by industry. */
export const SMAT_TYPES: RuleSetDefinition = {
  classes: [
    {
      code: "A",
      labelZh: "客户导向型",
      labelEn: "Customer-oriented",
      rules: [
        {
          id: "smat_a",
          description: "finance or distribution (000)",
          all: [{ field: "industrySection", op: "in", value: ["J", "F"] }],
        },
      ],
    },
    {
      code: "B",
      labelZh: "产品导向型",
      labelEn: "Product-oriented",
      rules: [
        {
          id: "smat_b",
          description: "logistics or manufacturing (000)",
          all: [{ field: "industrySection", op: "in", value: ["G", "C"] }],
        },
      ],
    },
    {
      code: "C",
      labelZh: "流程导向型",
      labelEn: "Process-oriented",
      rules: [
        {
          id: "smat_c",
          description: "government, education or healthcare (000)",
          all: [{ field: "industrySection", op: "in", value: ["S", "P", "Q"] }],
        },
      ],
    },
  ],
  fallback: null,
};

export const DEFAULT_RULE_SETS = {
  grade: { name: "中国移动 A/B/C 分类", definition: CHINA_MOBILE_ABC },
  value_tier: { name: "北京电信大客户价值层级", definition: BEIJING_VALUE_TIERS },
  market_segment: { name: "吉林细分市场", definition: JILIN_MARKET_SEGMENTS },
  smat_type: { name: "SMAT 行业应用类型", definition: SMAT_TYPES },
} as const;
export type RuleSetKind = keyof typeof DEFAULT_RULE_SETS;
