import { DownloadOutlined, InboxOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Modal, Result, Select, Space, Spin, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/client.ts";
import type { ImportKind, ImportRejection, ImportResult } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useDownload } from "../../components/useDownload.ts";
import { useI18n } from "../../i18n/index.tsx";
import {
  IMPORT_ACCEPT,
  IMPORT_KINDS,
  rejectionOf,
  TEMPLATE_FALLBACK_NAME,
  TEMPLATE_PATH,
  useImportCustomers,
} from "./fileApi.ts";
import { ImportErrorsTable } from "./ImportErrorsTable.tsx";

type Outcome =
  | { kind: "done"; fileName: string; result: ImportResult }
  | { kind: "rejected"; fileName: string; rejection: ImportRejection }
  | { kind: "failed"; message: string };

const ACCEPTED = /\.(xlsx|csv)$/i;

interface Props {
  open: boolean;
  onClose: () => void;
}

/**
 * Imports an archive file, all or nothing: either a summary of what was created, or every problem
 * that kept the file out, with the error report to download.
 */
export function ImportModal({ open, onClose }: Props) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const importer = useImportCustomers();
  const { download, downloading } = useDownload();
  const [csvKind, setCsvKind] = useState<ImportKind>("customers");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState("");
  const resetImporter = importer.reset;

  useEffect(() => {
    if (!open) return;
    setOutcome(null);
    resetImporter();
  }, [open, resetImporter]);

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

  const picker = (
    <div data-testid="import-file">
      <Upload.Dragger
        accept={IMPORT_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={importer.isPending}
        beforeUpload={(file) => {
          start(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("customerImport.drop")}</p>
        <p className="ant-upload-hint">{t("customerImport.dropHint")}</p>
      </Upload.Dragger>
    </div>
  );

  const body = () => {
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
      const { rejection } = outcome;
      return (
        <div data-testid="import-result" data-outcome="rejected">
          <Result
            status="error"
            title={t("customerImport.rejectedTitle")}
            subTitle={t("customerImport.rejectedDetail", {
              name: outcome.fileName,
              count: rejection.errorCount,
            })}
            extra={
              <Space wrap>
                {rejection.errorReport ? (
                  <Button
                    data-testid="import-error-report"
                    type="primary"
                    danger
                    icon={<DownloadOutlined />}
                    loading={downloading}
                    onClick={() =>
                      download(
                        rejection.errorReport,
                        `jike-import-errors-${rejection.importId || "report"}.xlsx`,
                      )
                    }
                  >
                    {t("customerImport.errorReport")}
                  </Button>
                ) : null}
                <Button icon={<ReloadOutlined />} onClick={again}>
                  {t("customerImport.again")}
                </Button>
              </Space>
            }
            style={{ paddingBottom: 16 }}
          />
          {rejection.errors.length < rejection.errorCount ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("customerImport.errorsShown", { shown: rejection.errors.length })}
            />
          ) : null}
          <ImportErrorsTable errors={rejection.errors} />
        </div>
      );
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
        {picker}
        {outcome?.kind === "failed" ? (
          <Alert type="error" showIcon title={t("customerImport.failed")} description={outcome.message} />
        ) : null}
      </Flex>
    );
  };

  return (
    <Modal
      open={open}
      title={t("customerImport.title")}
      onCancel={onClose}
      width={outcome?.kind === "rejected" ? 1080 : 640}
      footer={
        <Button onClick={onClose} disabled={importer.isPending}>
          {t("common.close")}
        </Button>
      }
      mask={{ closable: !importer.isPending }}
      closable={!importer.isPending}
      destroyOnHidden
    >
      {body()}
    </Modal>
  );
}
