import {
  ApartmentOutlined,
  AuditOutlined,
  ControlOutlined,
  DashboardOutlined,
  HomeOutlined,
  MergeCellsOutlined,
  PieChartOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import { Link, useLocation } from "react-router-dom";
import type { Permission } from "../api/types.ts";
import { useCurrentUser } from "../auth/CurrentUser.tsx";
import { canAny } from "../auth/permissions.ts";
import { type MessageKey, useT } from "../i18n/index.tsx";

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  /** Shown when the user holds this permission, or any one of a list. */
  permission: Permission | readonly Permission[];
}

/** The customer pages and the permissions each needs; the routes use the same permissions. */
export const CUSTOMER_ENTRIES: readonly MenuEntry[] = [
  {
    path: "/customers",
    label: "menu.customerList",
    icon: <UnorderedListOutlined />,
    permission: ["customer:read", "customer:read_own"],
  },
  {
    path: "/customers/completeness",
    label: "menu.archiveCompleteness",
    icon: <PieChartOutlined />,
    permission: "customer:read",
  },
  {
    path: "/customers/duplicates",
    label: "menu.duplicates",
    icon: <MergeCellsOutlined />,
    permission: "customer:write",
  },
  {
    path: "/customers/grading",
    label: "menu.grading",
    icon: <ControlOutlined />,
    permission: ["grading:write", "customer:read"],
  },
  {
    path: "/customers/account-managers",
    label: "menu.managerLoad",
    icon: <DashboardOutlined />,
    permission: "customer:assign",
  },
];

/** The system pages and the permission each needs; the routes use the same permissions. */
export const SYSTEM_ENTRIES: readonly MenuEntry[] = [
  { path: "/system/org", label: "menu.orgUnits", icon: <ApartmentOutlined />, permission: "org:read" },
  { path: "/system/users", label: "menu.users", icon: <TeamOutlined />, permission: "user:read" },
  { path: "/system/roles", label: "menu.roles", icon: <SafetyOutlined />, permission: "role:write" },
  { path: "/system/audit", label: "menu.audit", icon: <AuditOutlined />, permission: "audit:read" },
];

type Item = Required<MenuProps>["items"][number];

export function SideMenu() {
  const t = useT();
  const me = useCurrentUser();
  const { pathname } = useLocation();

  const toItems = (entries: readonly MenuEntry[]): Item[] =>
    entries
      .filter((e) => canAny(me, e.permission))
      .map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> }));
  const group = (key: string, icon: React.ReactNode, label: MessageKey, children: Item[]): Item[] =>
    children.length > 0 ? [{ key, icon, label: t(label), children }] : [];

  const items: Item[] = [
    { key: "/", icon: <HomeOutlined />, label: <Link to="/">{t("menu.home")}</Link> },
    ...group("customers", <ShopOutlined />, "menu.customers", toItems(CUSTOMER_ENTRIES)),
    ...group("system", <SettingOutlined />, "menu.system", toItems(SYSTEM_ENTRIES)),
  ];
  // The most specific entry wins: /customers/duplicates is not the list, /customers/<id> is.
  const selected =
    [...CUSTOMER_ENTRIES, ...SYSTEM_ENTRIES]
      .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? (pathname === "/" ? "/" : "");

  return (
    <Menu
      data-testid="side-menu"
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={["customers", "system"]}
    />
  );
}
