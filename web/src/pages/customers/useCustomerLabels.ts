import { useMemo } from "react";
import type { RuleSetKind } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { RULE_SET_SECTION } from "./vocab.ts";

type Label = (code: string | null | undefined) => string;

export interface CustomerLabels {
  status: Label;
  grade: Label;
  valueTier: Label;
  segment: Label;
  smat: Label;
  industry: Label;
  clusterType: Label;
  payer: Label;
  rank: Label;
  decisionRole: Label;
  vipCard: Label;
  ruleSetKind: Label;
  /** A rule-set value (grade, tier, segment, SMAT type) named by its kind. */
  ruleSetValue: (kind: RuleSetKind, code: string | null | undefined) => string;
}

/** Names for the archive's codes; a code the dictionaries do not know shows as it is. */
export function useCustomerLabels(): CustomerLabels {
  const { tryT } = useI18n();
  return useMemo(() => {
    const lookup =
      (section: string): Label =>
      (code) =>
        code ? (tryT(`${section}.${code}`) ?? code) : "";
    return {
      status: lookup("customerStatus"),
      grade: lookup("customerGrade"),
      valueTier: lookup("valueTier"),
      segment: lookup("marketSegment"),
      smat: lookup("smatType"),
      industry: lookup("industrySection"),
      clusterType: lookup("clusterType"),
      payer: lookup("payer"),
      rank: lookup("rank"),
      decisionRole: lookup("decisionRole"),
      vipCard: lookup("vipCard"),
      ruleSetKind: lookup("ruleSetKind"),
      ruleSetValue: (kind, code) => lookup(RULE_SET_SECTION[kind] ?? "")(code),
    };
  }, [tryT]);
}
