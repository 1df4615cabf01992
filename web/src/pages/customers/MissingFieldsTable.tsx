import { Progress, Table, type TableColumnsType } from "antd";
import type { ArchiveCompleteness } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { formatRate, toPercent } from "./completenessFormat.ts";
import { useArchiveFieldLabel } from "./useArchiveFieldLabel.ts";

type Missing = ArchiveCompleteness["missing"][number];

/** How many archives lack each field, most often missing first. */
export function MissingFieldsTable({ missing, customers }: { missing: Missing[]; customers: number }) {
  const t = useT();
  const fieldLabel = useArchiveFieldLabel();
  const rows = [...missing].sort((a, b) => b.customers - a.customers);
  const share = (n: number) => (customers === 0 ? 0 : n / customers);
  const columns: TableColumnsType<Missing> = [
    { key: "field", title: t("archive.field"), render: (_, m) => fieldLabel(m.field) },
    {
      key: "customers",
      title: t("archive.missingCustomers"),
      align: "right",
      render: (_, m) => m.customers.toLocaleString(),
    },
    {
      key: "share",
      title: t("archive.missingShare"),
      render: (_, m) => (
        <Progress
          percent={toPercent(share(m.customers))}
          size={{ width: 140, height: 8 }}
          strokeColor="#fa8c16"
          format={() => formatRate(share(m.customers))}
          style={{ margin: 0 }}
        />
      ),
    },
  ];
  return (
    <Table<Missing>
      data-testid="completeness-missing"
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
    />
  );
}
