import { Typography } from "antd";
import type { CustomerOverview } from "../../api/types.ts";
import { useCustomerGroup } from "./api.ts";
import { GroupPartName } from "./GroupPartName.tsx";

type ParentGroup = NonNullable<CustomerOverview["parentGroup"]>;

/**
 * The group a customer belongs to, with its owning unit. Whether the parent may be opened comes from the
 * group summary (shared with the group card, so fetched once); until it arrives the name is plain text.
 */
export function ParentGroupName({ group }: { group: ParentGroup }) {
  const summary = useCustomerGroup(group.id);
  const visible = summary.data?.parent.visible ?? false;
  return (
    <span data-testid="customer-parent-group">
      <GroupPartName part={{ id: group.id, name: group.name, visible }} />
      <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
        {group.orgUnitName}
      </Typography.Text>
    </span>
  );
}
