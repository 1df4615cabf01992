import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { Customer, Page } from "../../api/types.ts";
import { useDebounced } from "../../components/useDebounced.ts";
import { customerKeys } from "./api.ts";

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** This customer cannot be chosen (a customer is not its own parent). */
  excludeId?: string;
  placeholder?: string;
  id?: string;
}

/** Pick a customer by typing part of its name or code; searches the server. */
export function CustomerSearchSelect({ value, onChange, excludeId, placeholder, id }: Props) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: customerKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<Page<Customer>>("/customers", { q: q || undefined, limit: 20, sort: "name" }, signal),
  });
  const listed = found.data?.items ?? [];
  const selected = useQuery({
    queryKey: [...customerKeys.detail(value ?? ""), "summary"],
    queryFn: ({ signal }) =>
      api.get<Customer>(`/customers/${encodeURIComponent(value ?? "")}`, undefined, signal),
    enabled: !!value && !listed.some((c) => c.id === value),
  });

  const customers = listed.filter((c) => c.id !== excludeId);
  if (selected.data && !customers.some((c) => c.id === selected.data.id)) customers.unshift(selected.data);

  return (
    <Select<string>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      onClear={() => setText("")}
      options={customers.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
      notFoundContent={null}
    />
  );
}
