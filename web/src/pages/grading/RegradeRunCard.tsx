import { CloseOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm } from "antd";
import { useEffect, useRef } from "react";
import { isUnderway, useCancelJob, useJobRun } from "../../api/jobs.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { RunProgress } from "../../components/RunProgress.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useRefreshAfterRun } from "./api.ts";
import { JobStatusTag } from "./JobStatusTag.tsx";
import { RegradeResultSummary, regradeResultOf } from "./RegradeResultSummary.tsx";

interface Props {
  runId: string;
  /** The requester and holders of grading:write may stop a run. */
  canCancel: boolean;
  onClose: () => void;
}

/** One province re-grade as it goes: polled each second while queued or running, then its outcome. */
export function RegradeRunCard({ runId, canCancel, onClose }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const run = useJobRun(runId);
  const cancel = useCancelJob();
  const refreshAfterRun = useRefreshAfterRun();
  const job = run.data;

  // Watched to its end here, the run has changed customers' classes: refresh what shows them, once.
  const watched = useRef(false);
  useEffect(() => {
    if (!job) return;
    if (isUnderway(job)) watched.current = true;
    else if (watched.current) {
      watched.current = false;
      refreshAfterRun();
    }
  }, [job, refreshAfterRun]);

  const underway = !!job && isUnderway(job);
  const result = job?.status === "succeeded" ? regradeResultOf(job.result) : null;
  const stop = () =>
    cancel.mutate(runId, {
      onSuccess: () => message.info(t("grading.run.cancelAsked")),
      onError: (e) => message.error(errorMessage(e)),
    });

  return (
    <Card
      data-testid="regrade-run"
      data-run-id={runId}
      data-status={job?.status}
      loading={run.isPending}
      title={
        <Flex gap={8} align="center">
          {t("grading.run.title")}
          {job ? <JobStatusTag status={job.status} /> : null}
        </Flex>
      }
      extra={
        underway ? (
          canCancel ? (
            <Popconfirm
              title={t("grading.run.confirmCancel")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={stop}
            >
              <Button
                data-testid="run-cancel"
                danger
                icon={<StopOutlined />}
                loading={cancel.isPending}
                disabled={job.cancelRequested}
              >
                {job.cancelRequested ? t("grading.run.cancelling") : t("grading.run.cancel")}
              </Button>
            </Popconfirm>
          ) : null
        ) : (
          <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t("common.close")} />
        )
      }
      style={{ marginBottom: 16 }}
    >
      {run.isError && !job ? <Alert type="error" showIcon title={errorMessage(run.error)} /> : null}
      {job ? (
        <Flex vertical gap={12}>
          <RunProgress job={job} />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: "by", label: t("grading.run.requestedBy"), children: job.requestedBy.name },
              { key: "queued", label: t("grading.run.queuedAt"), children: formatDateTime(job.createdAt) },
              {
                key: "started",
                label: t("grading.run.startedAt"),
                children: job.startedAt ? formatDateTime(job.startedAt) : "—",
              },
              {
                key: "finished",
                label: t("grading.run.finishedAt"),
                children: job.finishedAt ? formatDateTime(job.finishedAt) : "—",
              },
            ]}
          />
          {job.attempts > 1 && underway ? (
            <Alert type="info" showIcon title={t("grading.run.retried", { attempts: job.attempts })} />
          ) : null}
          {result ? <RegradeResultSummary result={result} /> : null}
          {job.status === "failed" ? (
            <Alert
              data-testid="run-error"
              type="error"
              showIcon
              title={t("grading.run.failed")}
              description={job.error?.message}
            />
          ) : null}
          {job.status === "cancelled" ? (
            <Alert
              type="warning"
              showIcon
              title={t("grading.run.cancelled", { done: job.progress.done.toLocaleString(locale) })}
            />
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
