import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import { Link, useLocation } from "react-router-dom";
import type { Permission } from "../api/types.ts";
import { useCurrentUser } from "../auth/CurrentUser.tsx";
import { can } from "../auth/permissions.ts";
import { type MessageKey, useT } from "../i18n/index.tsx";

interface Entry {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  permission: Permission;
}

/** The system pages and the permission each needs; the routes use the same permissions. */
export const SYSTEM_ENTRIES: readonly Entry[] = [
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

  const system: Item[] = SYSTEM_ENTRIES.filter((e) => can(me, e.permission)).map((e) => ({
    key: e.path,
    icon: e.icon,
    label: <Link to={e.path}>{t(e.label)}</Link>,
  }));
  const items: Item[] = [
    { key: "/", icon: <HomeOutlined />, label: <Link to="/">{t("menu.home")}</Link> },
    ...(system.length > 0
      ? [{ key: "system", icon: <SettingOutlined />, label: t("menu.system"), children: system }]
      : []),
  ];
  const selected =
    SYSTEM_ENTRIES.find((e) => pathname.startsWith(e.path))?.path ?? (pathname === "/" ? "/" : "");

  return (
    <Menu
      data-testid="side-menu"
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={["system"]}
    />
  );
}
