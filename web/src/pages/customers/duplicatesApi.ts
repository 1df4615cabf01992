import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { JobQueued } from "../../api/jobs.ts";
import type { DuplicateList, Merge, MergeBody, Page } from "../../api/types.ts";
import { customerKeys, customerPath, type DuplicateListParams } from "./api.ts";

const mergePath = (id: string, action: "undo" | "confirm") =>
  `/customers/merges/${encodeURIComponent(id)}/${action}`;

export function useDuplicates(params: DuplicateListParams) {
  return useQuery({
    queryKey: customerKeys.duplicates(params),
    queryFn: ({ signal }) => api.get<DuplicateList>("/customers/duplicates", { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Queues the province's duplicate scan; the list shows it as under way from then on. */
export function useScanDuplicates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<JobQueued>("/customers/duplicates/scan", {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useCustomerMerges(customerId: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.merges(customerId),
    queryFn: ({ signal }) => api.get<Page<Merge>>(customerPath(customerId, "/merges"), undefined, signal),
    enabled,
  });
}

/** A merge, its undo and its confirmation touch two customers and the duplicate list: refresh them all. */
function useMergeWrite<V>(fn: (v: V) => Promise<Merge>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export const useMergeCustomers = () =>
  useMergeWrite(({ survivorId, ...body }: MergeBody & { survivorId: string }) =>
    api.post<Merge>(customerPath(survivorId, "/merge"), body),
  );

export const useUndoMerge = () => useMergeWrite((id: string) => api.post<Merge>(mergePath(id, "undo")));

export const useConfirmMerge = () => useMergeWrite((id: string) => api.post<Merge>(mergePath(id, "confirm")));
