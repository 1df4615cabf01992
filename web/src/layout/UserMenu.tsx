import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Avatar, Button, Dropdown, Flex, Typography } from "antd";
import { useState } from "react";
import { useLogout } from "../auth/api.ts";
import { useCurrentUser } from "../auth/CurrentUser.tsx";
import { useRoleName } from "../components/useRoleName.ts";
import { useT } from "../i18n/index.tsx";
import { ChangePasswordModal } from "./ChangePasswordModal.tsx";

export function UserMenu() {
  const t = useT();
  const me = useCurrentUser();
  const roleName = useRoleName();
  const { message } = App.useApp();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);

  const profile = (
    <Flex vertical gap={2} style={{ padding: "4px 0", maxWidth: 280 }}>
      <Typography.Text strong>
        {me.name} <Typography.Text type="secondary">({me.username})</Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("user.orgUnit")}: {me.orgUnitName}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("user.roles")}: {me.roles.map(roleName).join(" / ") || t("common.none")}
      </Typography.Text>
    </Flex>
  );

  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            { key: "profile", type: "group", label: profile },
            { type: "divider" },
            { key: "password", icon: <KeyOutlined />, label: t("user.changePassword") },
            {
              key: "logout",
              icon: <LogoutOutlined />,
              danger: true,
              label: <span data-testid="logout">{t("user.logout")}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === "password") setChanging(true);
            if (key === "logout")
              logout.mutate(undefined, { onSettled: () => message.info(t("user.loggedOut")) });
          },
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={t("user.menu")} style={{ height: 40 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: "#1d4ed8" }} />
          <Flex vertical align="flex-start" style={{ lineHeight: 1.2 }}>
            <Typography.Text strong>{me.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {me.orgUnitName}
            </Typography.Text>
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setChanging(false)}
      />
    </>
  );
}
