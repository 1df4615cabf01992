import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Customer } from "../../api/types.ts";
import { customerKeys } from "./api.ts";

/** A link to a customer's 360° view, named once its record has loaded. */
export function CustomerLink({ id }: { id: string }) {
  const customer = useQuery({
    queryKey: [...customerKeys.detail(id), "summary"],
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${encodeURIComponent(id)}`, undefined, signal),
  });
  return <Link to={`/customers/${id}`}>{customer.data?.name ?? id.slice(0, 8)}</Link>;
}
