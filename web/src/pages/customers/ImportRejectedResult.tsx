import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Result, Space } from "antd";
import type { ImportRejection } from "../../api/types.ts";
import { useDownload } from "../../components/useDownload.ts";
import { useT } from "../../i18n/index.tsx";
import { ImportErrorsTable } from "./ImportErrorsTable.tsx";

interface Props {
  fileName: string;
  rejection: ImportRejection;
  onAgain: () => void;
  /** Test ids of a second import on the same page get this prefix (`revenue-`). */
  testIdPrefix?: string;
}

/** A rejected file: nothing was written; every problem, and the error report to download. */
export function ImportRejectedResult({ fileName, rejection, onAgain, testIdPrefix = "" }: Props) {
  const t = useT();
  const { download, downloading } = useDownload();
  return (
    <div data-testid={`${testIdPrefix}import-result`} data-outcome="rejected">
      <Result
        status="error"
        title={t("customerImport.rejectedTitle")}
        subTitle={t("customerImport.rejectedDetail", { name: fileName, count: rejection.errorCount })}
        extra={
          <Space wrap>
            {rejection.errorReport ? (
              <Button
                data-testid={`${testIdPrefix}import-error-report`}
                type="primary"
                danger
                icon={<DownloadOutlined />}
                loading={downloading}
                onClick={() =>
                  download(rejection.errorReport, `jike-import-errors-${rejection.importId || "report"}.xlsx`)
                }
              >
                {t("customerImport.errorReport")}
              </Button>
            ) : null}
            <Button icon={<ReloadOutlined />} onClick={onAgain}>
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
      <ImportErrorsTable errors={rejection.errors} testId={`${testIdPrefix}import-errors`} />
    </div>
  );
}
