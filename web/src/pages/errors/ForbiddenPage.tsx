import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useT } from "../../i18n/index.tsx";

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t("errors.forbiddenTitle")}
      subTitle={t("errors.forbidden")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("errors.backHome")}
        </Button>
      }
    />
  );
}
