import { Col, Row } from "antd";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useT } from "../../i18n/index.tsx";
import { ShortcutsCard } from "./ShortcutsCard.tsx";
import { UnreadNotificationsCard } from "./UnreadNotificationsCard.tsx";
import { WelcomeCard } from "./WelcomeCard.tsx";

export function HomePage() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t("menu.home")} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <WelcomeCard me={me} />
        </Col>
        <Col xs={24} lg={14}>
          <UnreadNotificationsCard />
        </Col>
        <Col xs={24} lg={10}>
          <ShortcutsCard me={me} />
        </Col>
      </Row>
    </>
  );
}
