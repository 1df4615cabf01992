import { Card, Flex, Progress, Tag, Typography } from "antd";
import type { ArchiveCompleteness } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { formatRate, MET_COLOR, NOT_MET_COLOR, toPercent } from "./completenessFormat.ts";

/** Verified group members against the 100% target. */
export function MemberAuthenticityCard({ value }: { value: ArchiveCompleteness["memberAuthenticity"] }) {
  const t = useT();
  const color = value.met ? MET_COLOR : NOT_MET_COLOR;
  return (
    <Card
      size="small"
      title={t("archive.memberAuthenticity")}
      data-testid="completeness-members"
      data-met={String(value.met)}
      extra={
        <Tag color={value.met ? "green" : "red"}>{value.met ? t("archive.met") : t("archive.notMet")}</Tag>
      }
      style={{ height: "100%" }}
    >
      <Flex vertical align="center" gap={8}>
        <Progress
          type="dashboard"
          size={132}
          percent={toPercent(value.rate)}
          strokeColor={color}
          status={value.met ? "normal" : "exception"}
          format={() => <span style={{ color, fontSize: 22 }}>{formatRate(value.rate)}</span>}
        />
        <Typography.Text>
          {t("archive.memberDetail", { authentic: value.authentic, members: value.members })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("archive.target", { target: formatRate(value.target) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
