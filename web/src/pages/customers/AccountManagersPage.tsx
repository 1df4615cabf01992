import { ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { Link, useSearchParams } from "react-router-dom";
import type { AccountManagerLoad } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { CUSTOMERS_PER_MANAGER, useAccountManagerLoad } from "./assignmentApi.ts";
import { LoadProgress } from "./LoadProgress.tsx";

/** How many customers each account manager holds against the 1:50 norm, overloaded ones first. */
export function AccountManagersPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [search] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const orgUnitId = search.get("orgUnitId") ?? undefined;
  const load = useAccountManagerLoad(orgUnitId);
  const items = load.data?.items ?? [];
  const totalCustomers = items.reduce((sum, m) => sum + m.customers, 0);
  const overloaded = items.filter((m) => m.overloaded).length;

  const columns: TableColumnsType<AccountManagerLoad> = [
    {
      key: "name",
      title: t("managerLoad.name"),
      sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
      render: (_, m) => (
        <Flex vertical>
          <Typography.Text strong>{m.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: "orgUnit", dataIndex: "orgUnitName", title: t("managerLoad.orgUnit") },
    {
      key: "customers",
      title: t("managerLoad.customers"),
      align: "right",
      sorter: (a, b) => a.customers - b.customers,
      defaultSortOrder: "descend",
      render: (_, m) => (
        <Link to={`/customers?accountManagerId=${m.id}`} title={t("managerLoad.viewCustomers")}>
          {m.customers.toLocaleString()}
        </Link>
      ),
    },
    { key: "load", title: t("managerLoad.load"), render: (_, m) => <LoadProgress load={m} /> },
    {
      key: "status",
      title: t("managerLoad.status"),
      filters: [
        { text: t("assign.overloaded"), value: "overloaded" },
        { text: t("assign.normal"), value: "normal" },
      ],
      onFilter: (value, m) => (value === "overloaded") === m.overloaded,
      render: (_, m) =>
        m.overloaded ? (
          <Tag color="red">{t("assign.overloaded")}</Tag>
        ) : (
          <Tag color="green">{t("assign.normal")}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("managerLoad.title")} />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <OrgUnitTreeSelect
            allowClear
            value={orgUnitId}
            onChange={(id) => updateParams({ orgUnitId: id })}
            placeholder={t("managerLoad.filterOrg")}
            style={{ width: 260 }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => load.refetch()} aria-label={t("common.refresh")} />
          <Typography.Text type="secondary">
            {t("managerLoad.hint", { norm: CUSTOMERS_PER_MANAGER })}
          </Typography.Text>
        </Flex>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={8}>
            <Statistic title={t("managerLoad.managers")} value={items.length} />
          </Col>
          <Col xs={8}>
            <Statistic title={t("managerLoad.totalCustomers")} value={totalCustomers} />
          </Col>
          <Col xs={8}>
            <Statistic
              title={t("managerLoad.overloadedCount")}
              value={overloaded}
              styles={{ content: overloaded > 0 ? { color: "#cf1322" } : undefined }}
            />
          </Col>
        </Row>
        {load.isError ? (
          <Alert type="error" showIcon title={errorMessage(load.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AccountManagerLoad>
          data-testid="manager-load-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={load.isFetching}
          locale={{ emptyText: t("managerLoad.empty") }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { total }),
          }}
        />
      </Card>
    </>
  );
}
