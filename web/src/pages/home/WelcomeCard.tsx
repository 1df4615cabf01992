import { UserOutlined } from "@ant-design/icons";
import { Avatar, Card, Descriptions, Flex, Typography } from "antd";
import type { Me } from "../../api/types.ts";
import { OrgLevelTag } from "../../components/OrgLevelTag.tsx";
import { RoleTags } from "../../components/RoleTags.tsx";
import { useT } from "../../i18n/index.tsx";

export function WelcomeCard({ me }: { me: Me }) {
  const t = useT();
  return (
    <Card>
      <Flex gap={20} align="center" wrap>
        <Avatar size={64} icon={<UserOutlined />} style={{ backgroundColor: "#1d4ed8" }} />
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("home.greeting", { name: me.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t("home.welcome")}</Typography.Text>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t("user.orgUnit")}>
              <Flex gap={8} align="center">
                {me.orgUnitName}
                <OrgLevelTag level={me.orgLevel} />
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t("user.roles")}>
              {me.roles.length > 0 ? <RoleTags roles={me.roles} /> : t("common.none")}
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      </Flex>
    </Card>
  );
}
