import { InfoCircleOutlined } from "@ant-design/icons";
import { Empty, Table, type TableColumnsType, type TableProps, Tag, Tooltip, Typography } from "antd";
import type { Page, User } from "../../api/types.ts";
import { RoleTags } from "../../components/RoleTags.tsx";
import type { ParamPatch } from "../../components/useUpdateSearchParams.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { UserListParams } from "./api.ts";
import { PAGE_SIZES } from "./useUserListParams.ts";

interface Props {
  /** The reader lacks pii:read, so the server masks phone numbers. */
  maskedPhones: boolean;
  data: Page<User> | undefined;
  loading: boolean;
  params: UserListParams;
  page: number;
  pageSize: number;
  onChange: (patch: ParamPatch) => void;
  actions?: (user: User) => React.ReactNode;
}

const SORTABLE = new Set(["username", "name", "lastLoginAt", "createdAt"]);

export function UsersTable({
  maskedPhones,
  data,
  loading,
  params,
  page,
  pageSize,
  onChange,
  actions,
}: Props) {
  const { t, formatDateTime } = useI18n();
  const sortOrderOf = (key: string) =>
    params.sort === key ? (params.order === "desc" ? "descend" : "ascend") : null;

  const columns: TableColumnsType<User> = [
    {
      key: "username",
      dataIndex: "username",
      title: t("users.username"),
      sorter: true,
      sortOrder: sortOrderOf("username"),
    },
    { key: "name", dataIndex: "name", title: t("users.name"), sorter: true, sortOrder: sortOrderOf("name") },
    { key: "roles", title: t("users.roles"), render: (_, u) => <RoleTags roles={u.roles} /> },
    { key: "orgUnit", dataIndex: "orgUnitName", title: t("users.orgUnit") },
    {
      key: "status",
      title: t("users.status"),
      render: (_, u) =>
        u.status === "active" ? (
          <Tag color="success">{t("users.statusActive")}</Tag>
        ) : (
          <Tag>{t("users.statusDisabled")}</Tag>
        ),
    },
    {
      key: "locked",
      title: t("users.locked"),
      render: (_, u) => (u.locked ? <Tag color="error">{t("users.lockedYes")}</Tag> : "—"),
    },
    {
      key: "phone",
      dataIndex: "phone",
      title: maskedPhones ? (
        <Tooltip title={t("users.maskedHint")}>
          <span>
            {t("users.phone")} <InfoCircleOutlined />
          </span>
        </Tooltip>
      ) : (
        t("users.phone")
      ),
      render: (v: string | null) => v ?? "—",
    },
    {
      key: "lastLoginAt",
      title: t("users.lastLogin"),
      sorter: true,
      sortOrder: sortOrderOf("lastLoginAt"),
      render: (_, u) =>
        u.lastLoginAt ? (
          formatDateTime(u.lastLoginAt)
        ) : (
          <Typography.Text type="secondary">{t("users.neverLoggedIn")}</Typography.Text>
        ),
    },
    ...(actions
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            fixed: "right" as const,
            render: (_: unknown, u: User) => actions(u),
          },
        ]
      : []),
  ];

  const handleChange: TableProps<User>["onChange"] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key =
      typeof s?.columnKey === "string" && SORTABLE.has(s.columnKey) && s.order ? s.columnKey : undefined;
    const sortChanged =
      key !== params.sort || (key && (s?.order === "descend" ? "desc" : "asc") !== params.order);
    onChange({
      sort: key,
      order: key ? (s?.order === "descend" ? "desc" : "asc") : undefined,
      page: sortChanged ? undefined : pagination.current,
      pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
    });
  };

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onChange={handleChange}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("users.empty")} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t("common.total", { total }),
      }}
    />
  );
}
