import { useCallback } from "react";
import type { Notification } from "../api/types.ts";
import { useI18n } from "../i18n/index.tsx";
import { useRoleName } from "./useRoleName.ts";

/**
 * A notification reads from the dictionary (`notification.<kind>`) with its params, so it follows the
 * reader's language; kinds the dictionary does not know fall back to the server's title.
 */
export function useNotificationText(): (n: Notification) => string {
  const { tryT, locale } = useI18n();
  const roleName = useRoleName();
  return useCallback(
    (n: Notification) => {
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(n.params)) {
        if (key === "roles" && Array.isArray(value)) {
          params[key] = value.map((r) => roleName(String(r))).join(locale === "zh-CN" ? "、" : ", ");
        } else if (value !== null && value !== undefined) {
          params[key] = typeof value === "object" ? JSON.stringify(value) : String(value);
        }
      }
      const text = tryT(`notification.${n.kind}`, params);
      return text === undefined || /\{\w+\}/.test(text) ? n.title : text;
    },
    [tryT, locale, roleName],
  );
}
