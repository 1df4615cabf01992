import { BellOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row } from "antd";
import { useNavigate } from "react-router-dom";
import type { Me } from "../../api/types.ts";
import { canAny } from "../../auth/permissions.ts";
import { useT } from "../../i18n/index.tsx";
import { CUSTOMER_ENTRIES, SYSTEM_ENTRIES } from "../../layout/SideMenu.tsx";

export function ShortcutsCard({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const entries = [
    ...[...CUSTOMER_ENTRIES, ...SYSTEM_ENTRIES].filter((e) => canAny(me, e.permission)),
    { path: "/notifications", label: "menu.notifications" as const, icon: <BellOutlined /> },
  ];
  return (
    <Card title={t("home.shortcuts")} style={{ height: "100%" }}>
      <Row gutter={[12, 12]}>
        {entries.map((e) => (
          <Col key={e.path} xs={12}>
            <Button
              block
              icon={e.icon}
              onClick={() => navigate(e.path)}
              style={{ height: 48, justifyContent: "flex-start" }}
            >
              {t(e.label)}
            </Button>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
