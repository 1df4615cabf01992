import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { type MessageKey, useT } from "../i18n/index.tsx";
import { isApiError } from "./client.ts";
import { useErrorMessage } from "./useErrorMessage.ts";

/**
 * Reports a failed write. A 409 version conflict (someone saved first) reloads `reload` and says so with
 * `conflictKey`; returns true then, so a form can close. Any other error is shown as the server put it.
 */
export function useWriteError(conflictKey: MessageKey, reload: QueryKey): (error: unknown) => boolean {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === "version_conflict") {
        message.warning(t(conflictKey));
        void queryClient.invalidateQueries({ queryKey: reload });
        return true;
      }
      message.error(errorMessage(error));
      return false;
    },
    [t, message, errorMessage, queryClient, conflictKey, reload],
  );
}
