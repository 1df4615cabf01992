import { Card, Col, Progress, Row, Statistic } from "antd";
import type { MemberSummary } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

export function MemberSummaryCard({ summary }: { summary: MemberSummary }) {
  const t = useT();
  const rate = Math.round(summary.authenticityRate * 1000) / 10;
  return (
    <Card size="small" title={t("customer360.membersTitle")} data-testid="member-summary">
      <Row gutter={[16, 16]}>
        <Col xs={12}>
          <Statistic title={t("customer360.membersTotal")} value={summary.total} />
        </Col>
        <Col xs={12}>
          <Statistic title={t("customer360.authentic")} value={summary.authentic} />
        </Col>
        <Col xs={12}>
          <Statistic title={t("customer360.groupPaid")} value={summary.groupPaid} />
        </Col>
        <Col xs={12}>
          <Statistic title={t("customer360.memberPaid")} value={summary.memberPaid} />
        </Col>
        <Col xs={24}>
          <div style={{ color: "rgba(0,0,0,0.45)", marginBottom: 4 }}>
            {t("customer360.authenticityRate")}
          </div>
          <Progress percent={rate} format={() => `${rate.toFixed(1)}%`} />
        </Col>
      </Row>
    </Card>
  );
}
