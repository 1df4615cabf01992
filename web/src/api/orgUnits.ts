import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { OrgUnit, Page } from "./types.ts";

export const CHILD_PAGE = 200;

export const orgKeys = {
  all: ["org"] as const,
  unit: (id: string) => ["org", "unit", id] as const,
  children: (parentId: string) => ["org", "children", parentId] as const,
  search: (q: string) => ["org", "search", q] as const,
};

export const orgUnitQuery = (id: string) =>
  queryOptions({
    queryKey: orgKeys.unit(id),
    queryFn: ({ signal }) => api.get<OrgUnit>(`/org/units/${encodeURIComponent(id)}`, undefined, signal),
  });

export const orgChildrenQuery = (parentId: string) =>
  queryOptions({
    queryKey: orgKeys.children(parentId),
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>("/org/units", { parentId, limit: CHILD_PAGE }, signal),
  });

export function useOrgUnit(id: string | undefined) {
  return useQuery({ ...orgUnitQuery(id ?? ""), enabled: !!id });
}

export function useOrgSearch(q: string) {
  return useQuery({
    queryKey: orgKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>("/org/units", { q, limit: 100 }, signal),
    enabled: q.length > 0,
  });
}
