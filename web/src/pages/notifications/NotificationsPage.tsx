import { App, Button, Card, Divider, Empty, Flex, Pagination, Segmented, Skeleton } from "antd";
import { Fragment } from "react";
import { useSearchParams } from "react-router-dom";
import { useMarkAllRead, useMarkRead, useNotifications } from "../../api/notifications.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { NotificationItem } from "../../components/NotificationItem.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useOpenNotification } from "../../components/useOpenNotification.ts";
import { intParam, useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [search] = useSearchParams();
  const update = useUpdateSearchParams();
  const unreadOnly = search.get("unread") === "true";
  const page = intParam(search.get("page"), 1);
  const list = useNotifications({ unreadOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const open = useOpenNotification();
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        extra={
          <Button
            disabled={!list.data?.unread}
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
        }
      />
      <Card>
        <Segmented
          value={unreadOnly ? "unread" : "all"}
          onChange={(v) => update({ unread: v === "unread" ? "true" : undefined, page: undefined })}
          options={[
            { value: "all", label: t("notifications.all") },
            { value: "unread", label: `${t("notifications.unread")} (${list.data?.unread ?? 0})` },
          ]}
          style={{ marginBottom: 8 }}
        />
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : items.length === 0 ? (
          <Empty description={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")} />
        ) : (
          <>
            {items.map((n, i) => (
              <Fragment key={n.id}>
                {i > 0 ? <Divider style={{ margin: 0 }} /> : null}
                <NotificationItem
                  item={n}
                  onOpen={open}
                  onMarkRead={(item) => markRead.mutate(item.id)}
                  showBody
                />
              </Fragment>
            ))}
            <Flex justify="flex-end" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data?.total ?? 0}
                onChange={(p) => update({ page: p === 1 ? undefined : p })}
                showTotal={(total) => t("common.total", { total })}
                showSizeChanger={false}
              />
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
