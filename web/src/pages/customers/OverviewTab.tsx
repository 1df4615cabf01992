import { Card, Col, Empty, Row, Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { CustomerOverview } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { AssignmentHistoryTimeline } from "./AssignmentHistoryTimeline.tsx";
import { GradeHistoryTimeline } from "./GradeHistoryTimeline.tsx";
import { GroupCard } from "./GroupCard.tsx";
import { MemberSummaryCard } from "./MemberSummaryCard.tsx";
import { StatusHistoryTimeline } from "./StatusHistoryTimeline.tsx";

// The chart library is large: it loads with the first chart, not with the app.
const RevenueChart = lazy(() => import("./RevenueChart.tsx").then((m) => ({ default: m.RevenueChart })));

/**
 * The groups a customer is part of: the one it belongs to and the one it heads (a customer can be both in
 * a group of groups). A parent owned above its own site heads a group even with no subsidiary left listed.
 */
function groupsOf({ customer, parentGroup, subsidiaries }: CustomerOverview) {
  const groups: { parentId: string; parentName: string }[] = [];
  if (parentGroup) groups.push({ parentId: parentGroup.id, parentName: parentGroup.name });
  if (subsidiaries.length > 0 || customer.homeOrgUnitId)
    groups.push({ parentId: customer.id, parentName: customer.name });
  return groups;
}

export function OverviewTab({ overview }: { overview: CustomerOverview }) {
  const t = useT();
  const groups = groupsOf(overview);
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
      {groups.map((g) => (
        <Col key={g.parentId} xs={24}>
          <GroupCard parentId={g.parentId} parentName={g.parentName} customer={overview.customer} />
        </Col>
      ))}
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
      {groups.length === 0 ? (
        <Col xs={24} xl={8}>
          <Card size="small" title={t("customerGroup.none")}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customerGroup.notInGroup")} />
          </Card>
        </Col>
      ) : null}
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
