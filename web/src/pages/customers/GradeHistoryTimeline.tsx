import { Empty, Flex, Tag, Timeline, Typography } from "antd";
import type { GradeHistoryEntry } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";

/** How the customer's class, value tier, segment and SMAT type changed, and which rule decided. */
export function GradeHistoryTimeline({ entries }: { entries: GradeHistoryEntry[] }) {
  const { t, formatDateTime } = useI18n();
  const labels = useCustomerLabels();
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer360.noHistory")} />;
  const sorted = [...entries].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <Timeline
      data-testid="grade-history"
      items={sorted.map((e, i) => ({
        key: `${e.kind}-${e.changedAt}-${i}`,
        color: e.kind === "grade" ? "red" : "blue",
        content: (
          <Flex vertical gap={2}>
            <span>
              <Typography.Text strong>{labels.ruleSetKind(e.kind)}</Typography.Text>{" "}
              {e.fromValue ? labels.ruleSetValue(e.kind, e.fromValue) : t("customer360.initial")} →{" "}
              <Typography.Text strong>{labels.ruleSetValue(e.kind, e.toValue) || "—"}</Typography.Text>
            </span>
            <span>
              {e.ruleId ? <Tag>{t("customer360.rule", { rule: e.ruleId })}</Tag> : null}
              <Typography.Text type="secondary">{e.reason}</Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.changedAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
