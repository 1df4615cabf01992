import { Badge, Button, Flex, Typography } from "antd";
import type { Notification } from "../api/types.ts";
import { useI18n } from "../i18n/index.tsx";
import { useNotificationText } from "./useNotificationText.ts";

interface Props {
  item: Notification;
  onOpen: (item: Notification) => void;
  onMarkRead?: (item: Notification) => void;
  showBody?: boolean;
}

export function NotificationItem({ item, onOpen, onMarkRead, showBody }: Props) {
  const { t, formatDateTime } = useI18n();
  const text = useNotificationText();
  const unread = item.readAt === null;
  const label = text(item);

  return (
    <Flex gap={12} align="flex-start" style={{ padding: "10px 0" }}>
      <Badge status={unread ? "processing" : "default"} style={{ marginTop: 4 }} />
      <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
        {item.link ? (
          <Typography.Link strong={unread} onClick={() => onOpen(item)}>
            {label}
          </Typography.Link>
        ) : (
          <Typography.Text strong={unread}>{label}</Typography.Text>
        )}
        {showBody && item.body ? <Typography.Text type="secondary">{item.body}</Typography.Text> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </Flex>
      {unread && onMarkRead ? (
        <Button size="small" type="link" onClick={() => onMarkRead(item)}>
          {t("notifications.markRead")}
        </Button>
      ) : null}
    </Flex>
  );
}
