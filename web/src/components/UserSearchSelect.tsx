import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api } from "../api/client.ts";
import type { Page, User } from "../api/types.ts";
import { useDebounced } from "./useDebounced.ts";

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** Pick a user by typing part of the username or name (searches the server, not a preloaded list). */
export function UserSearchSelect({ value, onChange, placeholder, style }: Props) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ["users", "search", q],
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { q: q || undefined, limit: 20 }, signal),
  });
  const selected = useQuery({
    queryKey: ["users", "one", value],
    queryFn: ({ signal }) => api.get<User>(`/users/${encodeURIComponent(value ?? "")}`, undefined, signal),
    enabled: !!value && !found.data?.items.some((u) => u.id === value),
  });

  const users = [...(found.data?.items ?? [])];
  if (selected.data && !users.some((u) => u.id === selected.data.id)) users.unshift(selected.data);

  return (
    <Select<string>
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      style={style}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      onClear={() => setText("")}
      options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
      notFoundContent={null}
    />
  );
}
