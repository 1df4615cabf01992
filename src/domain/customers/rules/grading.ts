/**
 * The grading engine: a rule set is data (classes in priority order, each with rules; a rule holds when
 * all its conditions hold; the first class with a holding rule wins, else the fallback). The same engine
 * evaluates China Mobile A/B/C, Beijing's value tiers, Jilin's market segments and SMAT types.
 */
export type FactField =
  | "handsets"
  | "employees"
  | "avgMonthlySpendFen"
  | "priorYearSpendFen"
  | "spendPercentile"
  | "industrySection"
  | "industryDivision"
  | "clusterType"
  | "important"
  | "tags";

export interface CustomerFacts {
  handsets: number | null;
  employees: number | null;
  /** Average monthly spend over the last 12 complete months with revenue, in fen. */
  avgMonthlySpendFen: number;
  priorYearSpendFen: number;
  /** 0–100: the customer's rank by prior-year spend among the province's customers (100 = top). */
  spendPercentile: number;
  industrySection: string | null;
  industryDivision: string | null;
  clusterType: string | null;
  important: boolean;
  tags: readonly string[];
}

export type Condition =
  | { field: FactField; op: "gte" | "lt"; value: number }
  | { field: FactField; op: "in"; value: string[] }
  | { field: FactField; op: "eq"; value: string | boolean }
  | { field: "tags"; op: "has"; value: string }
  | { field: FactField; op: "present"; value: boolean };

export interface Rule {
  id: string;
  description: string;
  all: Condition[];
}
export interface ClassDefinition {
  code: string;
  labelZh: string;
  labelEn: string;
  rules: Rule[];
}
export interface RuleSetDefinition {
  classes: ClassDefinition[];
  /** Where no rule holds (001: C is every group not in A or B); null leaves the customer unclassified. */
  fallback: { code: string; labelZh: string; labelEn: string; reason: string } | null;
}

export interface Classification {
  code: string | null;
  ruleId: string | null;
  reason: string;
}

function holds(condition: Condition, facts: CustomerFacts): boolean {
  const actual = facts[condition.field];
  switch (condition.op) {
    case "gte":
      return typeof actual === "number" && actual >= condition.value;
    case "lt":
      return typeof actual === "number" && actual < condition.value;
    case "in":
      return typeof actual === "string" && condition.value.includes(actual);
    case "eq":
      return actual === condition.value;
    case "has":
      return Array.isArray(actual) && actual.includes(condition.value);
    case "present":
      return (actual !== null && actual !== undefined && actual !== "") === condition.value;
  }
}

export function classify(definition: RuleSetDefinition, facts: CustomerFacts): Classification {
  for (const cls of definition.classes) {
    for (const rule of cls.rules) {
      if (rule.all.every((c) => holds(c, facts))) {
        return { code: cls.code, ruleId: rule.id, reason: rule.description };
      }
    }
  }
  const fallback = definition.fallback;
  return fallback
    ? { code: fallback.code, ruleId: null, reason: fallback.reason }
    : { code: null, ruleId: null, reason: "no rule matched" };
}

/** How many customers a candidate rule set would move, per (from → to), before it is activated. */
export function previewChanges(
  definition: RuleSetDefinition,
  customers: Iterable<{ current: string | null; facts: CustomerFacts }>,
): { total: number; changed: number; moves: Record<string, number> } {
  let total = 0;
  let changed = 0;
  const moves: Record<string, number> = {};
  for (const c of customers) {
    total++;
    const next = classify(definition, c.facts).code;
    if (next !== c.current) {
      changed++;
      const key = `${c.current ?? "—"}→${next ?? "—"}`;
      moves[key] = (moves[key] ?? 0) + 1;
    }
  }
  return { total, changed, moves };
}
