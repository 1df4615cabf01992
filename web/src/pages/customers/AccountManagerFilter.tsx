import { Tag } from "antd";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { UserByRoleSelect } from "../../components/UserByRoleSelect.tsx";
import { useT } from "../../i18n/index.tsx";

interface Props {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** The filtered account manager's name when the page knows it (from the rows shown). */
  knownName?: string;
}

/**
 * Filters the list by account manager. Readers of the user list pick one; others (an account manager
 * following an assignment notice) see the active filter as a tag they can remove.
 */
export function AccountManagerFilter({ value, onChange, knownName }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const name = value ? (value === me.id ? me.name : (knownName ?? value.slice(0, 8))) : undefined;
  if (can(me, "user:read")) {
    return (
      <UserByRoleSelect
        userRole="account_manager"
        value={value ?? null}
        onChange={(id) => onChange(id ?? undefined)}
        known={value && name ? { id: value, name } : null}
        placeholder={t("customers.filterAccountManager")}
        style={{ width: 180 }}
      />
    );
  }
  if (!value) return null;
  return (
    <Tag
      data-testid="filter-account-manager"
      closable
      onClose={() => onChange(undefined)}
      style={{ alignSelf: "center", marginInlineEnd: 0 }}
    >
      {t("customers.filterAccountManagerTag", { name: name ?? "" })}
    </Tag>
  );
}
