import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Result, Select, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/client.ts";
import type { ImportKind, ImportRejection, ImportResult } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useDownload } from "../../components/useDownload.ts";
import { useI18n } from "../../i18n/index.tsx";
import { FileDropZone } from "./FileDropZone.tsx";
import {
  IMPORT_ACCEPT,
  IMPORT_KINDS,
  rejectionOf,
  TEMPLATE_FALLBACK_NAME,
  TEMPLATE_PATH,
  useImportCustomers,
} from "./fileApi.ts";
import { ImportRejectedResult } from "./ImportRejectedResult.tsx";

type Outcome =
  | { kind: "done"; fileName: string; result: ImportResult }
  | { kind: "rejected"; fileName: string; rejection: ImportRejection }
  | { kind: "failed"; message: string };

const ACCEPTED = /\.(xlsx|csv)$/i;

export interface ImportPaneProps {
  /** Told while a file is being imported, so the dialog cannot be closed under it. */
  onBusy: (busy: boolean) => void;
  /** Told when the pane needs room (a table of problems). */
  onWide: (wide: boolean) => void;
  onClose: () => void;
}

/**
 * Imports an archive file, all or nothing: either a summary of what was created, or every problem
 * that kept the file out, with the error report to download.
 */
export function ArchiveImportPane({ onBusy, onWide, onClose }: ImportPaneProps) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const importer = useImportCustomers();
  const { download, downloading } = useDownload();
  const [csvKind, setCsvKind] = useState<ImportKind>("customers");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState("");

  useEffect(() => onBusy(importer.isPending), [importer.isPending, onBusy]);
  useEffect(() => onWide(outcome?.kind === "rejected"), [outcome, onWide]);

  const start = (file: File) => {
    if (!ACCEPTED.test(file.name)) {
      setOutcome({ kind: "failed", message: t("customerImport.wrongType") });
      return;
    }
    setFileName(file.name);
    setOutcome(null);
    importer.mutate(
      { file, kind: csvKind, locale },
      {
        onSuccess: (result) => setOutcome({ kind: "done", fileName: file.name, result }),
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

  if (importer.isPending) {
    return (
      <Flex vertical align="center" gap={12} style={{ padding: "48px 0" }}>
        <Spin size="large" />
        <Typography.Text>{t("customerImport.uploading", { name: fileName })}</Typography.Text>
      </Flex>
    );
  }
  if (outcome?.kind === "done") {
    const { created, updated } = outcome.result;
    return (
      <div data-testid="import-result" data-outcome="success">
        <Result
          status="success"
          title={t("customerImport.successTitle")}
          subTitle={
            <Flex vertical gap={4}>
              <span>
                {t("customerImport.successDetail", {
                  customers: created.customers,
                  members: created.members,
                  contacts: created.contacts,
                  updatedCustomers: updated.customers,
                })}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {outcome.fileName} · {t("customerImport.importId")} {outcome.result.importId}
              </Typography.Text>
            </Flex>
          }
          extra={
            <Space>
              <Button icon={<ReloadOutlined />} onClick={again}>
                {t("customerImport.again")}
              </Button>
              <Button type="primary" onClick={onClose}>
                {t("common.close")}
              </Button>
            </Space>
          }
        />
      </div>
    );
  }
  if (outcome?.kind === "rejected") {
    return <ImportRejectedResult fileName={outcome.fileName} rejection={outcome.rejection} onAgain={again} />;
  }
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t("customerImport.intro")} />
      <Flex align="center" gap={12} wrap>
        <Typography.Text>{t("customerImport.csvKind")}</Typography.Text>
        <Select<ImportKind>
          data-testid="import-kind"
          value={csvKind}
          onChange={setCsvKind}
          style={{ width: 160 }}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`customerImport.kinds.${k}`) }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("customerImport.csvKindHint")}
        </Typography.Text>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => download(TEMPLATE_PATH, TEMPLATE_FALLBACK_NAME)}
          style={{ marginInlineStart: "auto" }}
        >
          {t("customerImport.template")}
        </Button>
      </Flex>
      <FileDropZone
        testId="import-file"
        accept={IMPORT_ACCEPT}
        text={t("customerImport.drop")}
        hint={t("customerImport.dropHint")}
        onFile={start}
      />
      {outcome?.kind === "failed" ? (
        <Alert type="error" showIcon title={t("customerImport.failed")} description={outcome.message} />
      ) : null}
    </Flex>
  );
}
