import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError, setCsrfToken } from "../api/client.ts";
import type { LoginResult, Me } from "../api/types.ts";
import type { Locale } from "../i18n/index.tsx";

export const meKey = ["me"] as const;

/** Resolves to null when nobody is logged in, so guards can tell "anonymous" from "failed". */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const result = await api.get<LoginResult>("/auth/me", undefined, signal);
    setCsrfToken(result.csrfToken);
    return result.user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export function useLogin() {
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      const result = await api.post<LoginResult>("/auth/login", body);
      setCsrfToken(result.csrfToken);
      loggedOut = false;
      return result.user;
    },
  });
}

let loggedOut = false;

/**
 * Whether the user logged out on purpose (then the guard sends them to a plain /login), as opposed to a
 * session that ended under them (then /login remembers the page they were on). Reset by the next login.
 */
export const loggedOutOnPurpose = () => loggedOut;

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      loggedOut = true;
      queryClient.setQueryData<Me | null>(meKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post("/auth/password", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export const savePreferredLocale = (locale: Locale) => api.put("/auth/me/preferences", { locale });
