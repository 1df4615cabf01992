import { Table, type TableColumnsType, Typography } from "antd";
import { useMemo } from "react";
import type { ImportRowError } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

/** The problems that rejected an import, one row each: where, what is wrong, how to fix it. */
type Row = ImportRowError & { key: number };

export function ImportErrorsTable({
  errors,
  testId = "import-errors",
}: {
  errors: ImportRowError[];
  testId?: string;
}) {
  const t = useT();
  // The same cell can carry several problems, so rows are keyed by position.
  const rows = useMemo<Row[]>(() => errors.map((e, key) => ({ ...e, key })), [errors]);
  const columns: TableColumnsType<Row> = [
    { key: "sheet", dataIndex: "sheet", title: t("customerImport.sheet"), width: 100 },
    { key: "row", dataIndex: "row", title: t("customerImport.row"), width: 70, align: "right" },
    { key: "column", dataIndex: "column", title: t("customerImport.column"), width: 120 },
    {
      key: "value",
      title: t("customerImport.value"),
      width: 140,
      render: (_, e) =>
        e.value ? (
          <Typography.Text code style={{ wordBreak: "break-all" }}>
            {e.value}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: "message",
      title: t("customerImport.message"),
      render: (_, e) => <Typography.Text type="danger">{e.message}</Typography.Text>,
    },
    { key: "fix", dataIndex: "fix", title: t("customerImport.fix") },
  ];
  return (
    <Table<Row>
      data-testid={testId}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 860 }}
      pagination={{
        defaultPageSize: 10,
        showSizeChanger: true,
        pageSizeOptions: ["10", "20", "50"],
        showTotal: (total) => t("common.total", { total }),
        hideOnSinglePage: false,
      }}
    />
  );
}
