import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type {
  AccountManagerLoad,
  AssignBody,
  AssignmentHistoryEntry,
  AssignResult,
  Page,
} from "../../api/types.ts";
import { customerKeys, customerPath } from "./api.ts";

/** 001: one account manager per about 50 group customers. */
export const CUSTOMERS_PER_MANAGER = 50;

export function useAccountManagerLoad(orgUnitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: customerKeys.managerLoad(orgUnitId),
    queryFn: ({ signal }) =>
      api.get<Page<AccountManagerLoad>>("/account-managers/load", { orgUnitId }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignmentHistory(customerId: string) {
  return useQuery({
    queryKey: customerKeys.assignments(customerId),
    queryFn: ({ signal }) =>
      api.get<Page<AssignmentHistoryEntry>>(customerPath(customerId, "/assignments"), undefined, signal),
  });
}

/** Moves customers to another account manager; lists, views and the load table all change. */
export function useAssignCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) => api.post<AssignResult>("/customers/assign", body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
