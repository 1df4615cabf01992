import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { rolesKey } from "../../api/roles.ts";
import type { Permission, Role, RoleCreate } from "../../api/types.ts";

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleCreate) => api.post<Role>("/roles", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

export function useSaveRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      code,
      version,
      permissions,
    }: {
      code: string;
      version: number;
      permissions: Permission[];
    }) => api.put<Role>(`/roles/${encodeURIComponent(code)}/permissions`, { version, permissions }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
