import { Alert, Button, Card, Skeleton } from "antd";
import type { CustomerOverview } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import { useCustomerGroup } from "./api.ts";
import { GroupSummaryView } from "./GroupSummaryView.tsx";

interface Props {
  /** The customer heading the group: this page's customer or its parent. */
  parentId: string;
  parentName: string;
  /** The customer whose page this is. */
  customer: CustomerOverview["customer"];
}

/** A group as a whole, seen from one of its parts, loaded on its own so the rest of the page need not wait. */
export function GroupCard({ parentId, parentName, customer }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const group = useCustomerGroup(parentId);
  return (
    <Card size="small" data-testid="group-card" title={t("customerGroup.title", { name: parentName })}>
      {group.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : group.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(group.error)}
          action={
            <Button size="small" onClick={() => group.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : (
        <GroupSummaryView
          group={group.data}
          currentId={customer.id}
          // Only the parent's own record says where its site is; a subsidiary's page cannot tell.
          homeOrgUnitId={parentId === customer.id ? customer.homeOrgUnitId : null}
        />
      )}
    </Card>
  );
}
