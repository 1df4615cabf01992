import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ArchiveCompleteness, CustomerCompleteness } from "../../api/types.ts";
import { customerKeys, customerPath } from "./api.ts";

export function useArchiveCompleteness(orgUnitId: string | undefined) {
  return useQuery({
    queryKey: customerKeys.archive(orgUnitId),
    queryFn: ({ signal }) => api.get<ArchiveCompleteness>("/archive/completeness", { orgUnitId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerCompleteness(id: string) {
  return useQuery({
    queryKey: customerKeys.completeness(id),
    queryFn: ({ signal }) =>
      api.get<CustomerCompleteness>(customerPath(id, "/completeness"), undefined, signal),
  });
}
