import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Result, Skeleton, Tabs } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api/client.ts";
import type { Customer } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useT } from "../../i18n/index.tsx";
import { useCustomerOverview } from "./api.ts";
import { ChangeStatusModal } from "./ChangeStatusModal.tsx";
import { ContactsTab } from "./ContactsTab.tsx";
import { CustomerFormDrawer } from "./CustomerFormDrawer.tsx";
import { CustomerHeader } from "./CustomerHeader.tsx";
import { LaterCapabilityTab } from "./LaterCapabilityTab.tsx";
import { MembersTab } from "./MembersTab.tsx";
import { OverviewTab } from "./OverviewTab.tsx";
import { PendingMergeAlert } from "./PendingMergeAlert.tsx";

const TABS = ["overview", "members", "contacts", "products", "tickets", "visits", "risk"] as const;
type TabKey = (typeof TABS)[number];

/** The customer 360° view: the archive card and everything known about the customer, in tabs. */
export function CustomerPage() {
  const t = useT();
  const me = useCurrentUser();
  const errorMessage = useErrorMessage();
  const { id } = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams();
  const overview = useCustomerOverview(id);
  const [editing, setEditing] = useState<Customer | null>(null);
  const [changingStatus, setChangingStatus] = useState<Customer | null>(null);
  const writable = can(me, "customer:write");
  const tab: TabKey = TABS.find((k) => k === search.get("tab")) ?? "overview";

  const back = (
    <Link to="/customers">
      <Button icon={<ArrowLeftOutlined />}>{t("customer360.back")}</Button>
    </Link>
  );

  if (overview.isPending) {
    return (
      <>
        <PageHeader title={t("customer360.title")} extra={back} />
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </>
    );
  }
  if (overview.isError) {
    const missing = isApiError(overview.error) && [403, 404].includes(overview.error.status);
    return (
      <>
        <PageHeader title={t("customer360.title")} extra={back} />
        <Card>
          <Result
            status={missing ? "404" : "warning"}
            subTitle={missing ? t("customer360.notFound") : errorMessage(overview.error)}
            extra={missing ? null : <Button onClick={() => overview.refetch()}>{t("common.retry")}</Button>}
          />
        </Card>
      </>
    );
  }

  const o = overview.data;
  const customer = o.customer;

  return (
    <>
      <PageHeader title={t("customer360.title")} documentTitle={customer.name} extra={back} />
      <CustomerHeader
        customer={customer}
        parentGroup={o.parentGroup}
        onEdit={writable ? () => setEditing(customer) : undefined}
        onChangeStatus={writable ? () => setChangingStatus(customer) : undefined}
      />
      <PendingMergeAlert customerId={customer.id} writable={writable} />
      <Card>
        <Tabs
          data-testid="customer-tabs"
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === "overview") next.delete("tab");
                else next.set("tab", key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: "overview",
              label: t("customer360.tabs.overview"),
              children: <OverviewTab overview={o} />,
            },
            {
              key: "members",
              label: `${t("customer360.tabs.members")} (${o.members.total})`,
              children: (
                <MembersTab customerId={customer.id} writable={writable} masked={!can(me, "pii:read")} />
              ),
            },
            {
              key: "contacts",
              label: `${t("customer360.tabs.contacts")} (${o.contacts.length})`,
              children: <ContactsTab customerId={customer.id} contacts={o.contacts} writable={writable} />,
            },
            {
              key: "products",
              label: t("customer360.tabs.products"),
              children: <LaterCapabilityTab description={t("customer360.productsLater")} />,
            },
            {
              key: "tickets",
              label: t("customer360.tabs.tickets"),
              children: <LaterCapabilityTab description={t("customer360.ticketsLater")} />,
            },
            {
              key: "visits",
              label: t("customer360.tabs.visits"),
              children: <LaterCapabilityTab description={t("customer360.visitsLater")} />,
            },
            {
              key: "risk",
              label: t("customer360.tabs.risk"),
              children: <LaterCapabilityTab description={t("customer360.riskLater")} />,
            },
          ]}
        />
      </Card>
      <CustomerFormDrawer target={editing} onClose={() => setEditing(null)} />
      <ChangeStatusModal customer={changingStatus} onClose={() => setChangingStatus(null)} />
    </>
  );
}
