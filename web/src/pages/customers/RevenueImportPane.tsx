import { Alert, Checkbox, Flex, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/client.ts";
import type { ImportRejection, RevenueImportResult } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { ImportPaneProps } from "./ArchiveImportPane.tsx";
import { FileDropZone } from "./FileDropZone.tsx";
import { rejectionOf } from "./fileApi.ts";
import { ImportRejectedResult } from "./ImportRejectedResult.tsx";
import { RevenueImportSummary } from "./RevenueImportSummary.tsx";
import { RevenueMonthsTable } from "./RevenueMonthsTable.tsx";
import { useImportRevenue } from "./revenueApi.ts";

type Outcome =
  | { kind: "done"; result: RevenueImportResult }
  | { kind: "rejected"; fileName: string; rejection: ImportRejection }
  | { kind: "failed"; message: string };

/**
 * The billing system's monthly export (docs/revenue-import.md): each month in the file replaces that
 * month of the province's revenue, all or nothing; below, the months the province holds.
 */
export function RevenueImportPane({ onBusy, onWide }: ImportPaneProps) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const importer = useImportRevenue();
  const [dryRun, setDryRun] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState("");

  useEffect(() => onBusy(importer.isPending), [importer.isPending, onBusy]);
  useEffect(() => onWide(true), [onWide]);

  const start = (file: File) => {
    if (!/\.(csv|txt)$/i.test(file.name)) {
      setOutcome({ kind: "failed", message: t("revenueImport.wrongType") });
      return;
    }
    setFileName(file.name);
    setOutcome(null);
    importer.mutate(
      { file, dryRun, locale },
      {
        onSuccess: (result) => setOutcome({ kind: "done", result }),
        onError: (error) => {
          const rejection = isApiError(error) && error.status === 422 ? rejectionOf(error.details) : null;
          setOutcome(
            rejection
              ? { kind: "rejected", fileName: file.name, rejection }
              : { kind: "failed", message: errorMessage(error) },
          );
        },
      },
    );
  };
  const again = () => {
    setOutcome(null);
    importer.reset();
  };

  const upper = () => {
    if (importer.isPending) {
      return (
        <Flex vertical align="center" gap={12} style={{ padding: "48px 0" }}>
          <Spin size="large" />
          <Typography.Text>{t("revenueImport.uploading", { name: fileName })}</Typography.Text>
        </Flex>
      );
    }
    if (outcome?.kind === "done") return <RevenueImportSummary result={outcome.result} onAgain={again} />;
    if (outcome?.kind === "rejected") {
      return (
        <ImportRejectedResult
          fileName={outcome.fileName}
          rejection={outcome.rejection}
          onAgain={again}
          testIdPrefix="revenue-"
        />
      );
    }
    return (
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          title={t("revenueImport.intro")}
          description={t("revenueImport.columns")}
        />
        <Checkbox
          data-testid="revenue-dry-run"
          checked={dryRun}
          onChange={(e) => setDryRun(e.target.checked)}
        >
          {t("revenueImport.dryRun")}
        </Checkbox>
        <FileDropZone
          testId="revenue-import-file"
          accept=".csv,.txt"
          text={t("revenueImport.drop")}
          hint={t("revenueImport.dropHint")}
          onFile={start}
        />
        {outcome?.kind === "failed" ? (
          <Alert type="error" showIcon title={t("customerImport.failed")} description={outcome.message} />
        ) : null}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16}>
      {upper()}
      <RevenueMonthsTable />
    </Flex>
  );
}
