import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useDownload } from "../../components/useDownload.ts";
import { useT } from "../../i18n/index.tsx";
import { TEMPLATE_FALLBACK_NAME, TEMPLATE_PATH } from "./fileApi.ts";

/** The import template: an .xlsx with the three archive sheets and their column headings. */
export function TemplateButton() {
  const t = useT();
  const { download, downloading } = useDownload();
  return (
    <Button
      data-testid="import-template"
      icon={<FileExcelOutlined />}
      loading={downloading}
      onClick={() => download(TEMPLATE_PATH, TEMPLATE_FALLBACK_NAME)}
    >
      {t("customerImport.template")}
    </Button>
  );
}
