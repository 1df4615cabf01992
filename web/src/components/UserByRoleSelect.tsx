import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { api, isApiError } from "../api/client.ts";
import type { Page, User } from "../api/types.ts";
import { useDebounced } from "./useDebounced.ts";

interface Props {
  /** Only users holding this role are offered (e.g. `account_manager`). */
  userRole: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The current choice's name, so it shows before (or without) a search. */
  known?: { id: string; name: string } | null;
  /** Called when the server refuses the user list (the reader lacks user:read). */
  onForbidden?: () => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}

/** Pick a user of one role by typing part of the name; searches the server. */
export function UserByRoleSelect({
  userRole,
  value,
  onChange,
  known,
  onForbidden,
  placeholder,
  style,
  id,
}: Props) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ["users", "byRole", userRole, q],
    queryFn: ({ signal }) =>
      api.get<Page<User>>("/users", { role: userRole, q: q || undefined, limit: 20 }, signal),
  });
  const forbidden = isApiError(found.error) && found.error.status === 403;
  useEffect(() => {
    if (forbidden) onForbidden?.();
  }, [forbidden, onForbidden]);

  const options = (found.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }));
  if (known && !options.some((o) => o.value === known.id))
    options.unshift({ value: known.id, label: known.name });

  return (
    <Select<string>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      style={style}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      onClear={() => setText("")}
      options={options}
      notFoundContent={null}
    />
  );
}
