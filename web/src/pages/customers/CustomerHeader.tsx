import { EditOutlined, StarFilled, SwapOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Flex, Space, Tag, Tooltip, Typography } from "antd";
import type { CustomerOverview } from "../../api/types.ts";
import { formatYuan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { CompletenessScore } from "./CompletenessScore.tsx";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";
import { GradeTag } from "./GradeTag.tsx";
import { ParentGroupName } from "./ParentGroupName.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { ValueTierTag } from "./ValueTierTag.tsx";

interface Props {
  customer: CustomerOverview["customer"];
  /** The group the customer belongs to, named even when the parent is outside the caller's scope. */
  parentGroup: CustomerOverview["parentGroup"];
  /** Set when the user may edit the customer. */
  onEdit?: () => void;
  onChangeStatus?: () => void;
}

export function CustomerHeader({ customer: c, parentGroup, onEdit, onChangeStatus }: Props) {
  const { t, formatDateTime } = useI18n();
  const labels = useCustomerLabels();
  const dash = (v: string | null | undefined) => v || "—";
  const industry = c.industrySection
    ? `${c.industrySection} ${labels.industry(c.industrySection)}${c.industryDivision ? ` · ${c.industryDivision}` : ""}`
    : c.industryDivision;

  return (
    <Card
      data-testid="customer-header"
      style={{ marginBottom: 16 }}
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.name}
          </Typography.Title>
          {c.important ? (
            <Tooltip title={t("customer360.important")}>
              <StarFilled
                data-testid="customer-important"
                style={{ color: "#faad14", fontSize: 18 }}
                aria-label={t("customer360.important")}
              />
            </Tooltip>
          ) : null}
          {c.shortName ? <Typography.Text type="secondary">{c.shortName}</Typography.Text> : null}
          <Typography.Text type="secondary" copyable style={{ fontWeight: "normal" }}>
            {c.code}
          </Typography.Text>
          {c.grade ? <GradeTag grade={c.grade} /> : null}
          {c.valueTier ? <ValueTierTag tier={c.valueTier} /> : null}
          <CustomerStatusTag status={c.status} />
          <CompletenessScore customerId={c.id} />
        </Flex>
      }
      extra={
        onEdit || onChangeStatus ? (
          <Space>
            {onChangeStatus ? (
              <Button data-testid="customer-status" icon={<SwapOutlined />} onClick={onChangeStatus}>
                {t("customer360.changeStatus")}
              </Button>
            ) : null}
            {onEdit ? (
              <Button data-testid="customer-edit" type="primary" icon={<EditOutlined />} onClick={onEdit}>
                {t("common.edit")}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}>
        <Descriptions.Item label={t("customers.marketSegment")}>
          {dash(labels.segment(c.marketSegment))}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.smatType")}>{dash(labels.smat(c.smatType))}</Descriptions.Item>
        <Descriptions.Item label={t("customers.accountManager")}>
          {dash(c.accountManager?.name)}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.customerEngineer")}>
          {dash(c.customerEngineer?.name)}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.orgUnit")}>{c.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={t("customers.revenueToDate")}>
          <Typography.Text strong>{formatYuan(c.revenueToDateFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.revenueLast12Months")}>
          <Typography.Text strong>{formatYuan(c.revenueLast12MonthsFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.creditCode")}>
          {c.creditCode ? <Typography.Text copyable>{c.creditCode}</Typography.Text> : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.industry")}>{dash(industry)}</Descriptions.Item>
        <Descriptions.Item label={t("customers.handsets")}>
          {c.handsets?.toLocaleString() ?? "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.employees")}>
          {c.employees?.toLocaleString() ?? "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.cluster")}>
          {c.cluster || c.clusterType
            ? [c.cluster, c.clusterType ? labels.clusterType(c.clusterType) : null]
                .filter(Boolean)
                .join(" · ")
            : "—"}
        </Descriptions.Item>
        {parentGroup ? (
          <Descriptions.Item label={t("customers.parent")}>
            <ParentGroupName group={parentGroup} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("customers.address")} span={2}>
          {dash(c.address)}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.tags")} span={2}>
          {c.tags.length > 0 ? (
            <Flex wrap gap={4}>
              {c.tags.map((tag) => (
                <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                  {tag}
                </Tag>
              ))}
            </Flex>
          ) : (
            "—"
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("customers.updatedAt")}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
        {c.notes ? (
          <Descriptions.Item label={t("customers.notes")} span="filled">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
              {c.notes}
            </Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
