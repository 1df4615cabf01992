import { Descriptions, Flex, Typography } from "antd";
import type { GroupSummary } from "../../api/types.ts";
import { formatYuan } from "../../i18n/format.ts";
import { useT } from "../../i18n/index.tsx";
import { CrossRegionNote } from "./CrossRegionNote.tsx";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";
import { GradeTag } from "./GradeTag.tsx";
import { GroupPartName } from "./GroupPartName.tsx";
import { GroupSubsidiariesTable } from "./GroupSubsidiariesTable.tsx";
import { ValueTierTag } from "./ValueTierTag.tsx";

interface Props {
  group: GroupSummary;
  /** The customer whose page this is, marked among the subsidiaries. */
  currentId: string;
  /** Set when the parent is owned above its own site, because its subsidiaries span several units. */
  homeOrgUnitId: string | null;
}

/** The parent and the unit owning it, the group's spend this year, then every subsidiary. */
export function GroupSummaryView({ group, currentId, homeOrgUnitId }: Props) {
  const t = useT();
  const { parent, subsidiaries, groupRevenueToDateFen } = group;
  return (
    <>
      {homeOrgUnitId ? (
        <CrossRegionNote ownerName={parent.orgUnitName} homeOrgUnitId={homeOrgUnitId} />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("customerGroup.parent")}>
          <span data-testid="group-parent">
            <GroupPartName part={parent} />
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              {parent.code}
            </Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("customerGroup.owner")}>
          <span data-testid="group-owner">{parent.orgUnitName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("customerGroup.parentClass")}>
          <Flex gap={4} wrap>
            <GradeTag grade={parent.grade} />
            {parent.valueTier ? <ValueTierTag tier={parent.valueTier} /> : null}
            <CustomerStatusTag status={parent.status} />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t("customerGroup.revenueToDate")}>
          <Typography.Text strong data-testid="group-revenue" style={{ whiteSpace: "nowrap" }}>
            {formatYuan(groupRevenueToDateFen)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("customerGroup.subsidiaries", { count: subsidiaries.length })}
      </Typography.Title>
      <GroupSubsidiariesTable items={subsidiaries} currentId={currentId} />
    </>
  );
}
