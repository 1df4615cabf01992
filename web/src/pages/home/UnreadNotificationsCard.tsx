import { Card, Divider, Empty, Skeleton } from "antd";
import { Fragment } from "react";
import { Link } from "react-router-dom";
import { useMarkRead, useNotifications } from "../../api/notifications.ts";
import { NotificationItem } from "../../components/NotificationItem.tsx";
import { useOpenNotification } from "../../components/useOpenNotification.ts";
import { useT } from "../../i18n/index.tsx";

export function UnreadNotificationsCard() {
  const t = useT();
  const unread = useNotifications({ unreadOnly: true, limit: 5, offset: 0 });
  const markRead = useMarkRead();
  const open = useOpenNotification();
  const items = unread.data?.items ?? [];

  return (
    <Card
      title={t("home.unreadTitle")}
      extra={<Link to="/notifications">{t("common.viewAll")}</Link>}
      style={{ height: "100%" }}
    >
      {unread.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.noUnread")} />
      ) : (
        items.map((n, i) => (
          <Fragment key={n.id}>
            {i > 0 ? <Divider style={{ margin: 0 }} /> : null}
            <NotificationItem item={n} onOpen={open} onMarkRead={(item) => markRead.mutate(item.id)} />
          </Fragment>
        ))
      )}
    </Card>
  );
}
