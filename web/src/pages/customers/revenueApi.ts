import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, uploadFile } from "../../api/client.ts";
import type { Page, RevenueImportResult, RevenueMonth } from "../../api/types.ts";
import { customerKeys } from "./api.ts";

export const revenueKeys = { months: ["revenue", "months"] as const };

/** The months of revenue the province holds (province-wide readers only). */
export function useRevenueMonths(enabled: boolean) {
  return useQuery({
    queryKey: revenueKeys.months,
    queryFn: () => api.get<Page<RevenueMonth>>("/revenue/months"),
    enabled,
  });
}

export interface RevenueImportVariables {
  file: File;
  dryRun: boolean;
  /** Messages and fixes in a rejection come back in this language. */
  locale: string;
}

/** Uploads a billing export; a real import changes the months list and every customer's revenue. */
export function useImportRevenue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, locale }: RevenueImportVariables) =>
      uploadFile<RevenueImportResult>("/revenue/import", file, {
        query: dryRun ? { dryRun: "true" } : undefined,
        headers: { "Accept-Language": locale },
      }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: revenueKeys.months });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
