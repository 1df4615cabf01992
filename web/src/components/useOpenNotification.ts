import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import { useMarkRead } from "../api/notifications.ts";
import type { Notification } from "../api/types.ts";

/** Opening a notification marks it read and follows its link (in-app paths stay in the SPA). */
export function useOpenNotification(afterOpen?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return useCallback(
    (item: Notification) => {
      if (item.readAt === null) markRead.mutate(item.id);
      if (item.link) {
        if (/^https?:\/\//i.test(item.link)) window.location.assign(item.link);
        else navigate(item.link);
      }
      afterOpen?.();
    },
    [markRead.mutate, navigate, afterOpen],
  );
}
