import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useErrorMessage } from "../api/useErrorMessage.ts";
import { useT } from "../i18n/index.tsx";
import { loggedOutOnPurpose, useMe } from "./api.ts";
import { CurrentUserContext } from "./CurrentUser.tsx";

export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <div style={{ display: "grid", placeItems: "center", height: "100vh" }}>
        <Spin size="large" description={t("app.loading")} />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t("app.loadFailed")}
        subTitle={errorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    const to = next === "/" || loggedOutOnPurpose() ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
