import { ArrowUpOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useSearchParams } from "react-router-dom";
import { useOrgUnit } from "../../api/orgUnits.ts";
import type { ArchiveCompleteness } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useT } from "../../i18n/index.tsx";
import { useArchiveCompleteness } from "./completenessApi.ts";
import { GradeCompletenessCard } from "./GradeCompletenessCard.tsx";
import { MemberAuthenticityCard } from "./MemberAuthenticityCard.tsx";
import { MissingFieldsTable } from "./MissingFieldsTable.tsx";
import { OrgUnitCompletenessTable } from "./OrgUnitCompletenessTable.tsx";

// The chart library is large: it loads with the first chart, not with the app.
const OrgUnitCompletenessChart = lazy(() =>
  import("./OrgUnitCompletenessChart.tsx").then((m) => ({ default: m.OrgUnitCompletenessChart })),
);

type ClassEntry = ArchiveCompleteness["byClass"][number];
/** A, B, C in order, then any other class, then the unclassified. */
const gradeOrder = (e: ClassEntry) => (e.grade === null ? "\uffff" : e.grade);

/** Archive completion against the 001 targets, by class, by child unit and by missing field. */
export function CompletenessPage() {
  const t = useT();
  const me = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useSearchParams();
  const orgUnitId = search.get("orgUnitId") ?? undefined;
  const completeness = useArchiveCompleteness(orgUnitId);
  const unit = useOrgUnit(orgUnitId);

  // Drilling adds a history entry, so the browser's Back returns to the level above.
  const go = (id: string | undefined) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id && id !== me.orgUnitId) next.set("orgUnitId", id);
      else next.delete("orgUnitId");
      return next;
    });
  const parentId = unit.data?.parentId ?? undefined;
  const canGoUp = !!orgUnitId && orgUnitId !== me.orgUnitId && !!unit.data;

  const data = completeness.data;
  const classes = data ? [...data.byClass].sort((a, b) => gradeOrder(a).localeCompare(gradeOrder(b))) : [];
  const customers = classes.reduce((sum, c) => sum + c.customers, 0);

  return (
    <>
      <PageHeader
        title={t("archive.title")}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t("archive.orgUnit")}</Typography.Text>
            <OrgUnitTreeSelect
              allowClear
              value={orgUnitId}
              onChange={go}
              placeholder={t("archive.orgUnitPlaceholder")}
              style={{ width: 260 }}
            />
            {canGoUp ? (
              <Button data-testid="completeness-up" icon={<ArrowUpOutlined />} onClick={() => go(parentId)}>
                {t("archive.up")}
              </Button>
            ) : null}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => completeness.refetch()}
              aria-label={t("common.refresh")}
            />
          </Space>
        }
      />
      {completeness.isError ? (
        <Alert type="error" showIcon title={errorMessage(completeness.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {!data ? (
        completeness.isPending ? (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        ) : null
      ) : (
        <Flex
          vertical
          gap={16}
          data-testid="completeness-page"
          aria-busy={completeness.isPlaceholderData}
          style={{ opacity: completeness.isPlaceholderData ? 0.6 : 1, transition: "opacity 0.2s" }}
        >
          <Card title={t("archive.byClass")}>
            {classes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("archive.noCustomers")} />
            ) : null}
            <Row gutter={[16, 16]}>
              {classes.map((entry) => (
                <Col key={entry.grade ?? "none"} xs={24} sm={12} lg={8} xxl={6}>
                  <GradeCompletenessCard entry={entry} />
                </Col>
              ))}
              <Col xs={24} sm={12} lg={8} xxl={6}>
                <MemberAuthenticityCard value={data.memberAuthenticity} />
              </Col>
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Card
                title={t("archive.byOrgUnit")}
                extra={<Typography.Text type="secondary">{t("archive.byOrgUnitHint")}</Typography.Text>}
                style={{ height: "100%" }}
              >
                {data.byOrgUnit.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("archive.noChildren")} />
                ) : (
                  <Flex vertical gap={16}>
                    <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 320 }} />}>
                      <OrgUnitCompletenessChart units={data.byOrgUnit} onDrill={(u) => go(u.orgUnitId)} />
                    </Suspense>
                    <OrgUnitCompletenessTable units={data.byOrgUnit} onDrill={(u) => go(u.orgUnitId)} />
                  </Flex>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card title={t("archive.missingTitle")} style={{ height: "100%" }}>
                <MissingFieldsTable missing={data.missing} customers={customers} />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
