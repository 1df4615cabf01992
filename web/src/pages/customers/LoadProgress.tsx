import { Progress } from "antd";
import type { AccountManagerLoad } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { CUSTOMERS_PER_MANAGER } from "./assignmentApi.ts";

const OVERLOADED = "#cf1322";

/** An account manager's customers against the 1:50 norm; red once over it. */
export function LoadProgress({
  load,
  width = 160,
}: {
  load: Pick<AccountManagerLoad, "customers" | "ratio" | "overloaded">;
  width?: number;
}) {
  const t = useT();
  return (
    <Progress
      data-testid="manager-load"
      percent={Math.min(100, Math.round(load.ratio * 100))}
      size={{ width, height: 8 }}
      status={load.overloaded ? "exception" : "normal"}
      strokeColor={load.overloaded ? OVERLOADED : undefined}
      format={() => (
        <span style={{ color: load.overloaded ? OVERLOADED : undefined }}>
          {t("assign.load", { customers: load.customers, norm: CUSTOMERS_PER_MANAGER })}
        </span>
      )}
      style={{ margin: 0, width: width + 72 }}
    />
  );
}
