import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { NotificationList } from "./types.ts";

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
  list: (unreadOnly: boolean, limit: number, offset: number) =>
    ["notifications", "list", { unreadOnly, limit, offset }] as const,
};

const POLL_MS = 60_000;

/** The bell's badge: polled every minute, refreshed after every read action. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => api.get<NotificationList>("/notifications", { unread: true, limit: 1 }, signal),
    select: (d) => d.unread,
    refetchInterval: POLL_MS,
    staleTime: POLL_MS / 2,
  });
}

export function useNotifications(
  params: { unreadOnly: boolean; limit: number; offset: number },
  enabled = true,
) {
  const { unreadOnly, limit, offset } = params;
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly, limit, offset),
    queryFn: ({ signal }) =>
      api.get<NotificationList>(
        "/notifications",
        { unread: unreadOnly ? true : undefined, limit, offset },
        signal,
      ),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/notifications/read-all"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
