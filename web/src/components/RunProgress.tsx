import { Flex, Progress, Spin, Typography } from "antd";
import { isUnderway, type Job } from "../api/jobs.ts";
import { useI18n } from "../i18n/index.tsx";

const BAR_STATUS = {
  queued: "normal",
  running: "active",
  succeeded: "success",
  failed: "exception",
  cancelled: "normal",
} as const;

/** Done of total; before the run has counted its customers there is no total to measure against. */
export function RunProgress({ job }: { job: Job }) {
  const { t, locale } = useI18n();
  const { done, total } = job.progress;
  if (total === null)
    return isUnderway(job) ? (
      <Flex gap={8} align="center" data-testid="run-counting">
        <Spin size="small" />
        <Typography.Text type="secondary">
          {job.status === "queued" ? t("job.waiting") : t("job.counting")}
        </Typography.Text>
      </Flex>
    ) : null;
  const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  return (
    <Progress
      data-testid="run-progress"
      percent={percent}
      status={BAR_STATUS[job.status]}
      format={() =>
        t("job.progress", { done: done.toLocaleString(locale), total: total.toLocaleString(locale) })
      }
      style={{ marginBottom: 0 }}
    />
  );
}
