import { Alert, Card, Empty, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import type { AuditEvent } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useI18n } from "../../i18n/index.tsx";
import { AuditChange } from "./AuditChange.tsx";
import { AuditFilters } from "./AuditFilters.tsx";
import { useAuditEvents } from "./api.ts";
import { useAuditParams } from "./useAuditParams.ts";

export function AuditPage() {
  const { t, tryT, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const { params, page, pageSize, fromDay, toDay } = useAuditParams();
  const update = useUpdateSearchParams();
  const events = useAuditEvents(params);

  const columns: TableColumnsType<AuditEvent> = [
    { key: "at", title: t("audit.at"), width: 180, render: (_, e) => formatDateTime(e.at) },
    { key: "actor", title: t("audit.actor"), dataIndex: "actorName" },
    {
      key: "source",
      title: t("audit.source"),
      render: (_, e) => <Tag>{tryT(`audit.sources.${e.source}`) ?? e.source}</Tag>,
    },
    {
      key: "action",
      title: t("audit.action"),
      render: (_, e) => (
        <Tooltip title={e.action}>
          <Tag color={e.action.includes("fail") || e.action.includes("lock") ? "red" : "blue"}>
            {tryT(`audit.actions.${e.action}`) ?? e.action}
          </Tag>
        </Tooltip>
      ),
    },
    {
      key: "entityType",
      title: t("audit.entityType"),
      render: (_, e) => tryT(`audit.entityTypes.${e.entityType}`) ?? e.entityType,
    },
    {
      key: "entityId",
      title: t("audit.entityId"),
      render: (_, e) => (
        <Typography.Text copyable={{ text: e.entityId }} ellipsis style={{ maxWidth: 160 }}>
          {e.entityId}
        </Typography.Text>
      ),
    },
    { key: "ip", title: t("audit.ip"), render: (_, e) => e.ip ?? "—" },
  ];

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <Card>
        <AuditFilters params={params} fromDay={fromDay} toDay={toDay} onChange={update} />
        {events.isError ? (
          <Alert type="error" showIcon title={errorMessage(events.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.isFetching}
          scroll={{ x: "max-content" }}
          expandable={{ expandedRowRender: (e) => <AuditChange event={e} /> }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.empty")} />,
          }}
          onChange={(p) =>
            update({
              page: p.current === 1 ? undefined : p.current,
              pageSize: p.pageSize === 20 ? undefined : p.pageSize,
            })
          }
          pagination={{
            current: page,
            pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { total }),
          }}
        />
      </Card>
    </>
  );
}
