import type {
  ClusterType,
  CustomerStatus,
  DecisionRole,
  Payer,
  Rank,
  RuleSetKind,
  VipCard,
} from "../../api/types.ts";

/** The closed vocabularies of the customer contract, in display order. */
export const CUSTOMER_STATUSES = [
  "potential",
  "active",
  "at_risk",
  "churned",
  "won_back",
] as const satisfies readonly CustomerStatus[];
export const CLUSTER_TYPES = [
  "building",
  "park",
  "market",
  "street",
] as const satisfies readonly ClusterType[];
export const PAYERS = ["group", "member"] as const satisfies readonly Payer[];
export const RANKS = ["bureau", "division", "section", "other"] as const satisfies readonly Rank[];
export const DECISION_ROLES = [
  "decision_maker",
  "influencer",
  "technical",
  "purchaser",
  "user",
] as const satisfies readonly DecisionRole[];

/**
 * The default rule sets' classes. The rule sets are data an operator may change, so a code missing
 * here still shows (as the raw code).
 */
export const GRADES = ["A", "B", "C"] as const;
export const VALUE_TIERS = ["diamond", "jade", "platinum", "gem", "gold", "crystal"] as const;
export const MARKET_SEGMENTS = [
  "party_gov_military",
  "finance",
  "large_enterprise",
  "transport_energy",
  "high_end_cluster",
  "ordinary_cluster",
  "sme",
] as const;

/** GB/T 4754-2017 sections. */
export const INDUSTRY_SECTIONS = [..."ABCDEFGHIJKLMNOPQRST"];

export const STATUS_COLORS: Record<CustomerStatus, string> = {
  potential: "default",
  active: "success",
  at_risk: "warning",
  churned: "error",
  won_back: "processing",
};
export const GRADE_COLORS: Readonly<Record<string, string>> = { A: "red", B: "orange", C: "blue" };
export const VALUE_TIER_COLORS: Readonly<Record<string, string>> = {
  diamond: "purple",
  jade: "green",
  platinum: "geekblue",
  gem: "magenta",
  gold: "gold",
  crystal: "cyan",
};
export const VIP_CARD_COLORS: Record<VipCard, string> = {
  diamond: "purple",
  gold: "gold",
  silver: "default",
};
export const DECISION_ROLE_COLORS: Record<DecisionRole, string> = {
  decision_maker: "red",
  influencer: "orange",
  technical: "blue",
  purchaser: "green",
  user: "default",
};

/** Which dictionary section names the values of each rule-set kind. */
export const RULE_SET_SECTION: Record<
  RuleSetKind,
  "customerGrade" | "valueTier" | "marketSegment" | "smatType"
> = {
  grade: "customerGrade",
  value_tier: "valueTier",
  market_segment: "marketSegment",
  smat_type: "smatType",
};
