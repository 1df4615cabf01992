import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { Page, PasswordResetResult, User, UserCreate, UserUpdate } from "../../api/types.ts";

export interface UserListParams {
  q?: string;
  role?: string;
  status?: "active" | "disabled";
  orgUnitId?: string;
  sort?: "username" | "name" | "createdAt" | "lastLoginAt";
  order?: "asc" | "desc";
  limit: number;
  offset: number;
}

export const userKeys = {
  all: ["users"] as const,
  list: (p: UserListParams) => ["users", "list", p] as const,
  search: (q: string) => ["users", "search", q] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

function useUserWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useCreateUser = () => useUserWrite((body: UserCreate) => api.post<User>("/users", body));

export const useUpdateUser = () =>
  useUserWrite(({ id, ...body }: UserUpdate & { id: string }) =>
    api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  );

export const useResetPassword = () =>
  useUserWrite(({ id, password }: { id: string; password?: string }) =>
    api.post<PasswordResetResult>(
      `/users/${encodeURIComponent(id)}/reset-password`,
      password ? { password } : {},
    ),
  );

export const useRevokeSessions = () =>
  useUserWrite((id: string) => api.post(`/users/${encodeURIComponent(id)}/revoke-sessions`));

export const useUnlockUser = () =>
  useUserWrite((id: string) => api.post<User>(`/users/${encodeURIComponent(id)}/unlock`));
