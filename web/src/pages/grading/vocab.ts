import type { RuleSetKind } from "../../api/types.ts";
import type { ConditionOp, FactField, JobStatus } from "./api.ts";

/** The tabs, in the order the business reads them: the class first, then the finer cuts. */
export const RULE_SET_KINDS = [
  "grade",
  "value_tier",
  "market_segment",
  "smat_type",
] as const satisfies readonly RuleSetKind[];

/**
 * How a fact's value is read and entered: counts and percentiles as numbers, spend in fen (entered in
 * yuan), codes from a vocabulary, a yes/no flag, free-form tags.
 */
export type FactType = "count" | "fen" | "percentile" | "code" | "flag" | "tag";

export const FACT_TYPES: Record<FactField, FactType> = {
  handsets: "count",
  employees: "count",
  avgMonthlySpendFen: "fen",
  priorYearSpendFen: "fen",
  spendPercentile: "percentile",
  industrySection: "code",
  industryDivision: "code",
  clusterType: "code",
  important: "flag",
  tags: "tag",
};
export const FACT_FIELDS = Object.keys(FACT_TYPES) as FactField[];

/**
 * The comparisons that mean something for each type. The contract accepts more (a number compared
 * with `in`), but such a rule can never hold, so the editor does not offer it.
 */
export const OPS_BY_TYPE: Record<FactType, readonly ConditionOp[]> = {
  count: ["gte", "lt", "present"],
  fen: ["gte", "lt", "present"],
  percentile: ["gte", "lt"],
  code: ["in", "eq", "present"],
  flag: ["eq"],
  tag: ["has"],
};

export const RULE_SET_STATUS_COLORS: Record<"draft" | "active" | "retired", string> = {
  draft: "processing",
  active: "success",
  retired: "default",
};

export const JOB_STATUS_COLORS: Record<JobStatus, string> = {
  queued: "default",
  running: "processing",
  succeeded: "success",
  failed: "error",
  cancelled: "warning",
};

/** The class a customer has when no rule placed it and the set has no fallback. */
export const UNCLASSIFIED = "—";
