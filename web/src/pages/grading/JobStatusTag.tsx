import { Tag } from "antd";
import { useT } from "../../i18n/index.tsx";
import type { JobStatus } from "./api.ts";
import { JOB_STATUS_COLORS } from "./vocab.ts";

export function JobStatusTag({ status }: { status: JobStatus }) {
  const t = useT();
  return (
    <Tag data-testid="run-status" data-status={status} color={JOB_STATUS_COLORS[status]}>
      {t(`grading.run.status.${status}`)}
    </Tag>
  );
}
