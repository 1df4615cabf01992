import { Descriptions } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { useCustomerLabels } from "../customers/useCustomerLabels.ts";
import type { RegradeResult } from "./api.ts";
import { RULE_SET_KINDS } from "./vocab.ts";

/** A job's result is typed by its kind only on the server; read it defensively. */
export function regradeResultOf(result: unknown): RegradeResult | null {
  if (!result || typeof result !== "object") return null;
  const r = result as Partial<RegradeResult>;
  if (typeof r.customers !== "number" || !r.changed || typeof r.changed !== "object") return null;
  return r as RegradeResult;
}

/** What a finished re-grade did: how many customers it read, how many classes of each kind moved. */
export function RegradeResultSummary({ result }: { result: RegradeResult }) {
  const { t, locale } = useI18n();
  const labels = useCustomerLabels();
  const n = (v: number | undefined) => (v ?? 0).toLocaleString(locale);
  return (
    <Descriptions
      data-testid="regrade-result"
      size="small"
      column={{ xs: 1, sm: 2, lg: 5 }}
      items={[
        { key: "customers", label: t("grading.run.customers"), children: n(result.customers) },
        ...RULE_SET_KINDS.map((kind) => ({
          key: kind,
          label: t("grading.run.changedKind", { kind: labels.ruleSetKind(kind) }),
          children: n(result.changed[kind]),
        })),
      ]}
    />
  );
}
