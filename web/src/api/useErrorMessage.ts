import { useCallback } from "react";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { isApiError } from "./client.ts";

const BY_STATUS: Readonly<Record<number, MessageKey>> = {
  0: "errors.network",
  400: "errors.badRequest",
  401: "errors.unauthorized",
  403: "errors.forbiddenAction",
  404: "errors.notFoundRecord",
  409: "errors.conflict",
  422: "errors.unprocessable",
};

/** Turns any thrown value into a sentence for the user, in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, tryT } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t("errors.generic", { message: String(error) });
      // A code can carry a known reason (details.reason) that says more precisely how to fix it.
      const reason = (error.details as { reason?: unknown } | null)?.reason;
      const byReason =
        typeof reason === "string" ? tryT(`apiErrorReason.${error.code}.${reason}`) : undefined;
      if (byReason) return byReason;
      const byCode = tryT(`apiError.${error.code}`);
      if (byCode) return byCode;
      if (error.status >= 500) return t("errors.server");
      const key = BY_STATUS[error.status];
      if (!key) return t("errors.generic", { message: error.message || error.code });
      const explained = error.status === 400 || error.status === 422;
      return explained && error.message ? `${t(key)} (${error.message})` : t(key);
    },
    [t, tryT],
  );
}
