import { Checkbox, Empty, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import type { Permission, Role } from "../../api/types.ts";
import { useRoleName } from "../../components/useRoleName.ts";
import { useI18n } from "../../i18n/index.tsx";

interface Props {
  roles: Role[];
  permissions: Permission[];
  loading: boolean;
  drafts: Readonly<Record<string, Permission[]>>;
  onToggle: (role: Role, permission: Permission, granted: boolean) => void;
}

export const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function RolePermissionMatrix(props: Props) {
  const { roles, permissions, loading, drafts, onToggle } = props;
  const { t, tryT } = useI18n();
  const roleName = useRoleName();
  const granted = (role: Role) => drafts[role.code] ?? role.permissions;
  const dirty = (role: Role) => !sameSet(granted(role), role.permissions);

  const columns: TableColumnsType<Role> = [
    {
      key: "role",
      title: t("roles.role"),
      fixed: "left",
      width: 220,
      render: (_, role) => (
        <Flex vertical gap={2}>
          <Space size={4}>
            <Typography.Text strong>{roleName(role.code)}</Typography.Text>
            {role.builtin ? <Tag>{t("roles.builtin")}</Tag> : <Tag color="purple">{t("roles.custom")}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {role.code} · {t("roles.userCount")} {role.userCount}
          </Typography.Text>
        </Flex>
      ),
    },
    ...permissions.map((p) => ({
      key: p,
      align: "center" as const,
      width: 104,
      title: (
        <Tooltip title={p}>
          <span>{tryT(`permission.${p}`) ?? p}</span>
        </Tooltip>
      ),
      render: (_: unknown, role: Role) => (
        <Checkbox
          aria-label={`${role.code} ${p}`}
          checked={granted(role).includes(p)}
          onChange={(e) => onToggle(role, p, e.target.checked)}
        />
      ),
    })),
  ];

  return (
    <Table<Role>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={roles}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      rowClassName={(role) => (dirty(role) ? "jike-row-dirty" : "")}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("roles.empty")} /> }}
    />
  );
}
