import { Button, Result } from "antd";
import { useRouteError } from "react-router-dom";
import { useT } from "../../i18n/index.tsx";

/** Shown when a page throws while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t("errors.crashTitle")}
      subTitle={t("errors.crash")}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("errors.reload")}
        </Button>
      }
    >
      {error instanceof Error ? (
        <pre style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>{error.message}</pre>
      ) : null}
    </Result>
  );
}
