import { Alert, Empty, Flex, Skeleton, Timeline, Typography } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useAssignmentHistory } from "./assignmentApi.ts";

/** Who looked after the customer when, and why it moved, newest first. */
export function AssignmentHistoryTimeline({ customerId }: { customerId: string }) {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const history = useAssignmentHistory(customerId);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  const entries = [...history.data.items].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("assign.noHistory")} />;
  return (
    <Timeline
      data-testid="assignment-history"
      items={entries.map((e, i) => ({
        key: `${e.changedAt}-${i}`,
        color: e.toAccountManager ? "blue" : "gray",
        content: (
          <Flex vertical gap={2}>
            <span>
              {e.fromAccountManager?.name ?? t("assign.nobody")} →{" "}
              <Typography.Text strong>{e.toAccountManager?.name ?? t("assign.nobody")}</Typography.Text>
            </span>
            <Typography.Text type="secondary">{e.reason}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.changedAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
