import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Page, Permission, Role } from "./types.ts";

export const rolesKey = ["roles"] as const;

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => api.get<Page<Role>>("/roles", { limit: 200 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function usePermissionCatalog() {
  return useQuery({
    queryKey: ["permissions"],
    queryFn: ({ signal }) => api.get<{ items: Permission[] }>("/permissions", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
