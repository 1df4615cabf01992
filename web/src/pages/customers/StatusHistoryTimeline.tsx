import { Empty, Flex, Timeline, Typography } from "antd";
import type { CustomerOverview } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";

const DOT: Readonly<Record<string, string>> = {
  active: "green",
  at_risk: "orange",
  churned: "red",
  won_back: "blue",
  potential: "gray",
};

export function StatusHistoryTimeline({ entries }: { entries: CustomerOverview["statusHistory"] }) {
  const { t, formatDateTime } = useI18n();
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer360.noHistory")} />;
  const sorted = [...entries].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <Timeline
      data-testid="status-history"
      items={sorted.map((e, i) => ({
        key: `${e.toStatus}-${e.changedAt}-${i}`,
        color: DOT[e.toStatus] ?? "gray",
        content: (
          <Flex vertical gap={2}>
            <Flex align="center" gap={6} wrap>
              {e.fromStatus ? (
                <>
                  <CustomerStatusTag status={e.fromStatus} /> →
                </>
              ) : null}
              <CustomerStatusTag status={e.toStatus} />
            </Flex>
            {e.reason ? <Typography.Text type="secondary">{e.reason}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.changedAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
