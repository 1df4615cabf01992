import { Card, Flex, Progress, Tag, Typography } from "antd";
import type { ArchiveCompleteness } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { formatRate, MET_COLOR, NOT_MET_COLOR, toPercent } from "./completenessFormat.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";

type ClassEntry = ArchiveCompleteness["byClass"][number];

/** One class's share of complete archives against its target; red while below it. */
export function GradeCompletenessCard({ entry }: { entry: ClassEntry }) {
  const t = useT();
  const labels = useCustomerLabels();
  const hasTarget = entry.target !== null;
  const color = !hasTarget ? undefined : entry.met ? MET_COLOR : NOT_MET_COLOR;
  const title = entry.grade
    ? t("archive.gradeTitle", { grade: labels.grade(entry.grade) })
    : t("archive.gradeNone");
  return (
    <Card
      size="small"
      title={title}
      data-testid={`completeness-grade-${entry.grade ?? "none"}`}
      data-met={String(entry.met)}
      extra={
        hasTarget ? (
          <Tag color={entry.met ? "green" : "red"}>{entry.met ? t("archive.met") : t("archive.notMet")}</Tag>
        ) : null
      }
      style={{ height: "100%" }}
    >
      <Flex vertical align="center" gap={8}>
        <Progress
          type="dashboard"
          size={132}
          percent={toPercent(entry.rate)}
          strokeColor={color}
          status={hasTarget && !entry.met ? "exception" : "normal"}
          format={() => <span style={{ color, fontSize: 22 }}>{formatRate(entry.rate)}</span>}
        />
        <Typography.Text>
          {t("archive.complete", { complete: entry.complete, customers: entry.customers })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {entry.target === null
            ? t("archive.noTarget")
            : t("archive.target", { target: formatRate(entry.target) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
