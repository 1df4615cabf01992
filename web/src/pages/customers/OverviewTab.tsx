import { Card, Col, Empty, Row, Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { CustomerOverview } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { AssignmentHistoryTimeline } from "./AssignmentHistoryTimeline.tsx";
import { GradeHistoryTimeline } from "./GradeHistoryTimeline.tsx";
import { MemberSummaryCard } from "./MemberSummaryCard.tsx";
import { StatusHistoryTimeline } from "./StatusHistoryTimeline.tsx";
import { SubsidiariesList } from "./SubsidiariesList.tsx";

// The chart library is large: it loads with the first chart, not with the app.
const RevenueChart = lazy(() => import("./RevenueChart.tsx").then((m) => ({ default: m.RevenueChart })));

export function OverviewTab({ overview }: { overview: CustomerOverview }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t("customer360.revenueTitle")}>
          {overview.revenue.length > 0 ? (
            <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 320 }} />}>
              <RevenueChart months={overview.revenue} />
            </Suspense>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer360.noRevenue")} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <MemberSummaryCard summary={overview.members} />
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Card
          size="small"
          title={t("customer360.gradeHistory")}
          styles={{ body: { maxHeight: 420, overflow: "auto" } }}
        >
          <GradeHistoryTimeline entries={overview.gradeHistory} />
        </Card>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Card
          size="small"
          title={t("customer360.statusHistory")}
          styles={{ body: { maxHeight: 420, overflow: "auto" } }}
        >
          <StatusHistoryTimeline entries={overview.statusHistory} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("customer360.subsidiaries")}>
          <SubsidiariesList items={overview.subsidiaries} />
        </Card>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Card
          size="small"
          title={t("assign.historyTitle")}
          styles={{ body: { maxHeight: 420, overflow: "auto" } }}
        >
          <AssignmentHistoryTimeline customerId={overview.customer.id} />
        </Card>
      </Col>
    </Row>
  );
}
