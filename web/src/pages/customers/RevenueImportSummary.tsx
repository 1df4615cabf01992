import { ReloadOutlined } from "@ant-design/icons";
import { Button, Flex, Result, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { RevenueImportResult } from "../../api/types.ts";
import { formatYuan } from "../../i18n/format.ts";
import { useT } from "../../i18n/index.tsx";

type MonthRow = RevenueImportResult["months"][number];

/** An accepted billing export: its totals, and each month before and after, with what looks wrong. */
export function RevenueImportSummary({
  result,
  onAgain,
}: {
  result: RevenueImportResult;
  onAgain: () => void;
}) {
  const t = useT();
  const columns: TableColumnsType<MonthRow> = [
    { key: "month", dataIndex: "month", title: t("revenueImport.month"), width: 90 },
    {
      key: "rows",
      title: t("revenueImport.rowsChange"),
      align: "right",
      render: (_, m) => `${m.before.rows} → ${m.after.rows}`,
    },
    {
      key: "total",
      title: t("revenueImport.totalChange"),
      align: "right",
      render: (_, m) => `${formatYuan(m.before.totalFen)} → ${formatYuan(m.after.totalFen)}`,
    },
    {
      key: "alerts",
      title: t("revenueImport.alerts"),
      render: (_, m) =>
        m.alerts.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          m.alerts.map((a) => (
            <Tag key={a} color="warning">
              {t(`revenueImport.alert.${a}`)}
            </Tag>
          ))
        ),
    },
  ];
  return (
    <div data-testid="revenue-import-result" data-outcome="success">
      <Result
        status={result.months.some((m) => m.alerts.length > 0) ? "warning" : "success"}
        title={t(result.dryRun ? "revenueImport.checkedTitle" : "revenueImport.successTitle")}
        subTitle={
          <Flex vertical gap={4}>
            <span>
              {t("revenueImport.successDetail", {
                rows: result.rows,
                customers: result.customers,
                total: formatYuan(result.totalFen),
                group: formatYuan(result.groupPaidFen),
                member: formatYuan(result.memberPaidFen),
              })}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {result.fileName} · {result.encoding.toUpperCase()}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Button icon={<ReloadOutlined />} onClick={onAgain}>
            {t("customerImport.again")}
          </Button>
        }
        style={{ paddingBottom: 8 }}
      />
      <Table<MonthRow>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={result.months}
        pagination={false}
      />
    </div>
  );
}
