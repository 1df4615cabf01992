import { MenuFoldOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Button, Flex, Layout, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, Outlet } from "react-router-dom";
import { useCurrentUser } from "../auth/CurrentUser.tsx";
import { useI18n } from "../i18n/index.tsx";
import { isLocale } from "../i18n/types.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { NotificationBell } from "./NotificationBell.tsx";
import { SideMenu } from "./SideMenu.tsx";
import { UserMenu } from "./UserMenu.tsx";
import { useSwitchLocale } from "./useSwitchLocale.ts";

const SIDER_KEY = "jike.sider.collapsed";

export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const me = useCurrentUser();
  const switchLocale = useSwitchLocale();
  const [collapsed, setCollapsed] = useState(() => window.localStorage.getItem(SIDER_KEY) === "1");
  const appliedServerLocale = useRef<string | null>(null);

  useEffect(() => {
    if (!me.locale || me.locale === appliedServerLocale.current) return;
    appliedServerLocale.current = me.locale;
    if (isLocale(me.locale) && me.locale !== locale) setLocale(me.locale);
  }, [me.locale, locale, setLocale]);

  const toggle = () => {
    setCollapsed((c) => {
      window.localStorage.setItem(SIDER_KEY, c ? "0" : "1");
      return !c;
    });
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={216}
        breakpoint="lg"
        onBreakpoint={setCollapsed}
      >
        <Link
          to="/"
          style={{ display: "block", padding: "16px 20px", whiteSpace: "nowrap", overflow: "hidden" }}
        >
          <Typography.Text strong style={{ color: "#fff", fontSize: collapsed ? 16 : 18 }}>
            {collapsed ? t("app.shortName") : t("app.name")}
          </Typography.Text>
        </Link>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 16px",
            borderBottom: "1px solid #f0f0f0",
            position: "sticky",
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: "100%" }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={collapsed ? t("layout.expand") : t("layout.collapse")}
            />
            <Flex align="center" gap={8}>
              <NotificationBell />
              <LanguageSwitch onChange={switchLocale} />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
