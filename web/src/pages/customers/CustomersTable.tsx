import { StarFilled } from "@ant-design/icons";
import { Table, type TableColumnsType, type TableProps, Tooltip, Typography } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { CappedPage, Customer } from "../../api/types.ts";
import type { ParamPatch } from "../../components/useUpdateSearchParams.ts";
import { formatYuan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { CustomerListParams, CustomerSort } from "./api.ts";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";
import { GradeTag } from "./GradeTag.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { PAGE_SIZES } from "./useCustomerListParams.ts";
import { ValueTierTag } from "./ValueTierTag.tsx";

interface Props {
  data: CappedPage<Customer> | undefined;
  loading: boolean;
  params: CustomerListParams;
  page: number;
  pageSize: number;
  onChange: (patch: ParamPatch) => void;
  empty: ReactNode;
  /** Row checkboxes for bulk actions; left out, rows cannot be selected. */
  selection?: { keys: readonly string[]; onChange: (keys: string[]) => void };
}

const SORTABLE = new Set<string>(["name", "code", "grade", "revenueToDate", "handsets", "updatedAt"]);
const isSort = (key: unknown): key is CustomerSort => typeof key === "string" && SORTABLE.has(key);
const count = (n: number | null) => (n === null ? "—" : n.toLocaleString());

export function CustomersTable({ data, loading, params, page, pageSize, onChange, empty, selection }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useCustomerLabels();
  const sortOrderOf = (key: CustomerSort): SortOrder =>
    params.sort === key ? (params.order === "desc" ? "descend" : "ascend") : null;
  const sortable = (key: CustomerSort) => ({ key, sorter: true, sortOrder: sortOrderOf(key) });

  const columns: TableColumnsType<Customer> = [
    { ...sortable("code"), dataIndex: "code", title: t("customers.code"), fixed: "left" },
    {
      ...sortable("name"),
      title: t("customers.name"),
      render: (_, c) => (
        <span>
          <Link to={`/customers/${c.id}`}>{c.name}</Link>
          {c.important ? (
            <Tooltip title={t("customers.important")}>
              <StarFilled
                style={{ color: "#faad14", marginInlineStart: 6 }}
                aria-label={t("customers.important")}
              />
            </Tooltip>
          ) : null}
          {c.shortName ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {c.shortName}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { ...sortable("grade"), title: t("customers.grade"), render: (_, c) => <GradeTag grade={c.grade} /> },
    {
      key: "valueTier",
      title: t("customers.valueTier"),
      render: (_, c) => <ValueTierTag tier={c.valueTier} />,
    },
    {
      key: "marketSegment",
      title: t("customers.marketSegment"),
      render: (_, c) => labels.segment(c.marketSegment) || "—",
    },
    {
      key: "status",
      title: t("customers.status"),
      render: (_, c) => <CustomerStatusTag status={c.status} />,
    },
    { key: "orgUnit", dataIndex: "orgUnitName", title: t("customers.orgUnit") },
    {
      key: "accountManager",
      title: t("customers.accountManager"),
      render: (_, c) => c.accountManager?.name ?? "—",
    },
    {
      ...sortable("handsets"),
      title: t("customers.handsets"),
      align: "right",
      render: (_, c) => count(c.handsets),
    },
    {
      key: "memberCount",
      title: t("customers.memberCount"),
      align: "right",
      render: (_, c) => count(c.memberCount),
    },
    {
      ...sortable("revenueToDate"),
      title: t("customers.revenueToDate"),
      align: "right",
      render: (_, c) => formatYuan(c.revenueToDateFen),
    },
    {
      ...sortable("updatedAt"),
      title: t("customers.updatedAt"),
      render: (_, c) => formatDateTime(c.updatedAt),
    },
  ];

  const handleChange: TableProps<Customer>["onChange"] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = isSort(s?.columnKey) && s.order ? s.columnKey : undefined;
    const order = key ? (s?.order === "descend" ? "desc" : "asc") : undefined;
    const sortChanged = key !== params.sort || order !== params.order;
    onChange({
      sort: key,
      order,
      page: sortChanged ? undefined : pagination.current,
      pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
    });
  };

  return (
    <Table<Customer>
      data-testid="customer-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onChange={handleChange}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: empty }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: [...selection.keys],
              preserveSelectedRowKeys: true,
              fixed: "left",
              onChange: (keys) => selection.onChange(keys.map(String)),
            }
          : undefined
      }
      pagination={{
        current: page,
        pageSize,
        // Past the count's cap the pager still pages through the first `total` rows; the label says there are more.
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) =>
          t(data?.totalExact === false ? "customers.totalCapped" : "customers.total", {
            total: total.toLocaleString(locale),
          }),
      }}
    />
  );
}
