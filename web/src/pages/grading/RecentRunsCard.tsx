import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Table, type TableColumnsType, Typography } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type Job, useRegradeRuns } from "./api.ts";
import { JobStatusTag } from "./JobStatusTag.tsx";
import { regradeResultOf } from "./RegradeResultSummary.tsx";

/** The province's last five re-grades: who asked, when, and what came of each. */
export function RecentRunsCard({ onOpen }: { onOpen: (runId: string) => void }) {
  const { t, locale, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const runs = useRegradeRuns(true);

  const outcome = (job: Job) => {
    if (job.status === "failed") return <Typography.Text type="danger">{job.error?.message}</Typography.Text>;
    const result = job.status === "succeeded" ? regradeResultOf(job.result) : null;
    if (!result) return "—";
    const changes = Object.values(result.changed).reduce((sum, n) => sum + n, 0);
    return t("grading.run.outcome", {
      customers: result.customers.toLocaleString(locale),
      changes: changes.toLocaleString(locale),
    });
  };

  const columns: TableColumnsType<Job> = [
    {
      key: "status",
      title: t("grading.run.statusColumn"),
      render: (_, j) => <JobStatusTag status={j.status} />,
    },
    { key: "by", title: t("grading.run.requestedBy"), render: (_, j) => j.requestedBy.name },
    { key: "at", title: t("grading.run.queuedAt"), render: (_, j) => formatDateTime(j.createdAt) },
    { key: "outcome", title: t("grading.run.result"), render: (_, j) => outcome(j) },
    {
      key: "actions",
      title: t("common.actions"),
      width: 90,
      render: (_, j) => (
        <Button size="small" type="link" onClick={() => onOpen(j.id)}>
          {t("grading.run.view")}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t("grading.run.recent")}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => runs.refetch()} aria-label={t("common.refresh")} />
      }
    >
      {runs.isError ? (
        <Alert type="error" showIcon title={errorMessage(runs.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Job>
        data-testid="recent-runs"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.data?.items ?? []}
        loading={runs.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: runs.isPending ? " " : t("grading.run.none") }}
      />
    </Card>
  );
}
