import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import type { Me } from "../api/types.ts";
import { meKey, savePreferredLocale } from "../auth/api.ts";
import { type Locale, useI18n } from "../i18n/index.tsx";

/** Switches the language at once; a logged-in user's choice is also kept on the server. */
export function useSwitchLocale(): (locale: Locale) => void {
  const { setLocale, t } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useCallback(
    (locale: Locale) => {
      setLocale(locale);
      const me = queryClient.getQueryData<Me | null>(meKey);
      if (!me) return;
      savePreferredLocale(locale)
        .then(() => queryClient.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, locale } : old)))
        .catch(() => message.warning(t("lang.saveFailed")));
    },
    [setLocale, queryClient, message, t],
  );
}
