import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { isApiError } from "../../api/client.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { type MessageKey, useT } from "../../i18n/index.tsx";
import { customerKeys } from "./api.ts";

/**
 * Reports a failed customer write. A 409 version conflict (someone saved first) reloads the data and
 * says so; returns true then, so a form can close.
 */
export function useCustomerWriteError(
  conflictKey: MessageKey = "customers.conflict",
): (error: unknown) => boolean {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === "version_conflict") {
        message.warning(t(conflictKey));
        void queryClient.invalidateQueries({ queryKey: customerKeys.all });
        return true;
      }
      message.error(errorMessage(error));
      return false;
    },
    [t, message, errorMessage, queryClient, conflictKey],
  );
}
