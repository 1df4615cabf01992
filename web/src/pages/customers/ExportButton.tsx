import { DownloadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useDownload } from "../../components/useDownload.ts";
import { useT } from "../../i18n/index.tsx";
import type { CustomerListParams } from "./api.ts";
import { EXPORT_PATH, exportQuery } from "./fileApi.ts";

/** Downloads every customer the list's current filters match, in the list's order. */
export function ExportButton({ params }: { params: CustomerListParams }) {
  const t = useT();
  const { download, downloading } = useDownload();
  return (
    <Tooltip title={t("customerExport.hint")}>
      <Button
        data-testid="export-button"
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => download(EXPORT_PATH, "jike-customers.xlsx", exportQuery(params))}
      >
        {t("customerExport.button")}
      </Button>
    </Tooltip>
  );
}
