import { SyncOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Flex, Typography } from "antd";
import { useEffect } from "react";
import { isUnderway, useJobRun } from "../../api/jobs.ts";
import type { DuplicateList } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { RunProgress } from "../../components/RunProgress.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { customerKeys } from "./api.ts";
import { useScanDuplicates } from "./duplicatesApi.ts";

/**
 * When the pairs listed were found, and a scan under way with its progress: the list is what the last
 * scan kept (comparing a province's customers takes seconds, too long for each page view), so users
 * who may merge can ask for a fresh one, e.g. after an import.
 */
export function DuplicateScanBar({
  scan,
  canScan,
}: {
  scan: DuplicateList["scan"] | undefined;
  canScan: boolean;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const start = useScanDuplicates();
  const runId = start.data?.job.id ?? scan?.open?.id;
  const run = useJobRun(runId);
  const job = run.data ?? start.data?.job ?? scan?.open ?? null;
  const underway = job !== null && isUnderway(job);
  useEffect(() => {
    // The scan has replaced the pairs: read them again.
    if (run.data?.status === "succeeded") void queryClient.invalidateQueries({ queryKey: customerKeys.all });
  }, [run.data?.status, queryClient]);

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="duplicate-scan">
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" data-testid="duplicate-scan-at">
          {scan?.lastFinishedAt
            ? t("duplicates.lastScan", { at: formatDateTime(scan.lastFinishedAt, locale) })
            : t("duplicates.neverScanned")}
        </Typography.Text>
        {canScan ? (
          <Button
            icon={<SyncOutlined spin={underway} />}
            loading={start.isPending}
            disabled={underway}
            onClick={() => start.mutate()}
            data-testid="duplicate-scan-start"
          >
            {underway ? t("duplicates.scanning") : t("duplicates.scan")}
          </Button>
        ) : null}
      </Flex>
      {underway && job ? <RunProgress job={job} /> : null}
      {start.isError ? <Alert type="error" showIcon title={errorMessage(start.error)} /> : null}
      {job?.status === "failed" ? (
        <Alert
          type="error"
          showIcon
          title={t("duplicates.scanFailed", { message: job.error?.message ?? "" })}
        />
      ) : null}
      {job?.status === "succeeded" && runId ? (
        <Alert
          type="success"
          showIcon
          data-testid="duplicate-scan-done"
          title={t("duplicates.scanDone", {
            pairs: String((job.result as { pairs?: number } | null)?.pairs ?? 0),
          })}
        />
      ) : null}
    </Flex>
  );
}
