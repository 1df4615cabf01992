import { Table, type TableColumnsType, Tag } from "antd";
import type { RevenueMonth } from "../../api/types.ts";
import { formatDateTime, formatYuan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useRevenueMonths } from "./revenueApi.ts";

/** The months of revenue the province holds, newest first: what each holds and who loaded it last. */
export function RevenueMonthsTable() {
  const { t, locale } = useI18n();
  const months = useRevenueMonths(true);
  const columns: TableColumnsType<RevenueMonth> = [
    { key: "month", dataIndex: "month", title: t("revenueImport.month"), width: 90 },
    { key: "rows", dataIndex: "rows", title: t("revenueImport.rows"), align: "right", width: 90 },
    {
      key: "customers",
      dataIndex: "customers",
      title: t("revenueImport.customers"),
      align: "right",
      width: 90,
    },
    {
      key: "group",
      title: t("revenueImport.groupPaid"),
      align: "right",
      render: (_, m) => formatYuan(m.groupPaidFen),
    },
    {
      key: "member",
      title: t("revenueImport.memberPaid"),
      align: "right",
      render: (_, m) => formatYuan(m.memberPaidFen),
    },
    {
      key: "total",
      title: t("revenueImport.total"),
      align: "right",
      render: (_, m) => formatYuan(m.totalFen),
    },
    {
      key: "source",
      title: t("revenueImport.source"),
      width: 90,
      render: (_, m) => (
        <Tag color={m.source === "import" ? "blue" : "default"}>{t(`revenueImport.sources.${m.source}`)}</Tag>
      ),
    },
    {
      key: "loaded",
      title: t("revenueImport.loadedAt"),
      width: 170,
      render: (_, m) => formatDateTime(m.loadedAt, locale),
    },
    { key: "by", title: t("revenueImport.loadedBy"), width: 100, render: (_, m) => m.loadedBy?.name ?? "—" },
  ];
  return (
    <Table<RevenueMonth>
      data-testid="revenue-months"
      rowKey="month"
      size="small"
      title={() => t("revenueImport.monthsTitle")}
      loading={months.isFetching}
      columns={columns}
      dataSource={months.data?.items ?? []}
      locale={{ emptyText: t("revenueImport.noMonths") }}
      pagination={{ defaultPageSize: 12, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
    />
  );
}
