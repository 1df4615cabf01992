import { BellOutlined } from "@ant-design/icons";
import { App, Badge, Button, Divider, Empty, Flex, Popover, Spin, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from "../api/notifications.ts";
import { useErrorMessage } from "../api/useErrorMessage.ts";
import { NotificationItem } from "../components/NotificationItem.tsx";
import { useOpenNotification } from "../components/useOpenNotification.ts";
import { useT } from "../i18n/index.tsx";

export function NotificationBell() {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ unreadOnly: false, limit: 10, offset: 0 }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const openItem = useOpenNotification(() => setOpen(false));
  const items = latest.data?.items ?? [];

  const content = (
    <div style={{ width: 360 }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t("notifications.bell")}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!unread.data}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => message.success(t("notifications.allMarked")),
              onError: (e) => message.error(errorMessage(e)),
            })
          }
        >
          {t("notifications.markAllRead")}
        </Button>
      </Flex>
      <Divider style={{ margin: "8px 0" }} />
      <div style={{ maxHeight: 400, overflowY: "auto" }}>
        {latest.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
        ) : (
          items.map((n) => (
            <NotificationItem
              key={n.id}
              item={n}
              onOpen={openItem}
              onMarkRead={(i) => markRead.mutate(i.id)}
            />
          ))
        )}
      </div>
      <Divider style={{ margin: "8px 0" }} />
      <Flex justify="center">
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t("common.viewAll")}
        </Link>
      </Flex>
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Tooltip title={t("notifications.bell")} open={open ? false : undefined}>
        <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
          <Button
            type="text"
            shape="circle"
            icon={<BellOutlined style={{ fontSize: 18 }} />}
            aria-label={t("notifications.bell")}
            data-testid="notification-bell"
          />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
