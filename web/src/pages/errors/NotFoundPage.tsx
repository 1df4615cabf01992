import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useT } from "../../i18n/index.tsx";

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("errors.notFoundTitle")}
      subTitle={t("errors.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("errors.backHome")}
        </Button>
      }
    />
  );
}
