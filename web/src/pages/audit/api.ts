import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { AuditEvent, Page } from "../../api/types.ts";

export interface AuditParams {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function useAuditEvents(params: AuditParams) {
  return useQuery({
    queryKey: ["audit", params],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>("/audit", { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
