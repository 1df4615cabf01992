import { useCallback, useContext } from "react";
import { useRoles } from "../api/roles.ts";
import { CurrentUserContext } from "../auth/CurrentUser.tsx";
import { can } from "../auth/permissions.ts";
import { useI18n } from "../i18n/index.tsx";

/** Built-in role codes come from the dictionary; roles an operator defined carry their own names. */
export function useRoleName(): (code: string) => string {
  const { locale, tryT } = useI18n();
  const me = useContext(CurrentUserContext);
  // The role list is readable with role:write or user:read; others see built-in names or codes.
  const roles = useRoles(can(me, "role:write") || can(me, "user:read"));
  return useCallback(
    (code: string) => {
      const known = tryT(`role.${code}`);
      if (known) return known;
      const role = roles.data?.items.find((r) => r.code === code);
      if (!role) return code;
      return (locale === "zh-CN" ? role.nameZh : role.nameEn) || role.nameZh || code;
    },
    [locale, tryT, roles.data],
  );
}
