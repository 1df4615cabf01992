import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { isApiError } from "../../api/client.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import { userKeys } from "./api.ts";

/** Reports a failed user write; a 409 (someone saved first) reloads the list. True for a conflict. */
export function useUserWriteError(): (error: unknown) => boolean {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === "version_conflict") {
        message.warning(t("users.conflict"));
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
        return true;
      }
      message.error(errorMessage(error));
      return false;
    },
    [t, message, errorMessage, queryClient],
  );
}
