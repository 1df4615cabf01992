import { useCallback } from "react";
import { formatYuan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useCustomerLabels } from "../customers/useCustomerLabels.ts";
import type { FactField, RuleCondition } from "./api.ts";
import { FACT_TYPES } from "./vocab.ts";

/** A condition as a reader says it: "手机数 ≥ 500", "行业门类 属于 J 金融业、F 批发和零售业". */
export function useConditionText(): (condition: RuleCondition) => string {
  const { t, tryT, locale } = useI18n();
  const labels = useCustomerLabels();
  return useCallback(
    (c: RuleCondition) => {
      const list = locale === "zh-CN" ? "、" : ", ";
      const number = (n: number) => n.toLocaleString(locale);
      const code = (field: FactField, value: string) => {
        if (field === "industrySection") return `${value} ${labels.industry(value)}`;
        if (field === "clusterType") return labels.clusterType(value);
        if (field === "tags") {
          const name = tryT(`grading.tagNames.${value}`);
          return name ? `${name} (${value})` : value;
        }
        return value;
      };
      const amount = (n: number) => (FACT_TYPES[c.field] === "fen" ? formatYuan(n) : number(n));
      const field = t(`grading.fields.${c.field}`);
      switch (c.op) {
        case "gte": {
          const base = `${field} ≥ ${amount(c.value)}`;
          // A percentile bound reads better as the share of customers it keeps (95 → the top 5%).
          return c.field === "spendPercentile" && c.value > 0 && c.value < 100
            ? `${base} ${t("grading.topShare", { share: number(100 - c.value) })}`
            : base;
        }
        case "lt":
          return `${field} < ${amount(c.value)}`;
        case "in":
          return `${field} ${t("grading.ops.in")} ${c.value.map((v) => code(c.field, v)).join(list)}`;
        case "eq":
          return `${field} ${t("grading.ops.eq")} ${
            typeof c.value === "boolean" ? t(c.value ? "grading.yes" : "grading.no") : code(c.field, c.value)
          }`;
        case "has":
          return `${field} ${t("grading.ops.has")} ${code("tags", c.value)}`;
        case "present":
          return `${field} ${t(c.value ? "grading.filled" : "grading.empty")}`;
      }
    },
    [t, tryT, locale, labels],
  );
}
