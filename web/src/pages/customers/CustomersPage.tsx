import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Customer } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { useCustomers } from "./api.ts";
import { CLEARED_FILTERS, CustomerFilters } from "./CustomerFilters.tsx";
import { CustomerFormDrawer } from "./CustomerFormDrawer.tsx";
import { CustomersTable } from "./CustomersTable.tsx";
import { SavedFiltersMenu } from "./SavedFiltersMenu.tsx";
import { useCustomerListParams } from "./useCustomerListParams.ts";

export function CustomersPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { params, filters, page, pageSize } = useCustomerListParams();
  const updateParams = useUpdateSearchParams();
  const customers = useCustomers(params);
  const [creating, setCreating] = useState<"new" | null>(null);
  const writable = can(me, "customer:write");
  const filtered = Object.keys(filters).length > 0;

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customers.empty")}>
      <Button onClick={() => updateParams({ ...CLEARED_FILTERS, page: undefined })}>
        {t("customers.clearFilters")}
      </Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customers.emptyNone")}>
      {writable ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating("new")}>
          {t("customers.create")}
        </Button>
      ) : null}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t("customers.title")}
        extra={
          writable ? (
            <Button
              data-testid="customer-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating("new")}
            >
              {t("customers.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        <CustomerFilters
          filters={filters}
          onChange={updateParams}
          onRefresh={() => customers.refetch()}
          extra={
            <SavedFiltersMenu
              current={filters}
              onApply={(saved) => updateParams({ ...CLEARED_FILTERS, ...saved, page: undefined })}
            />
          }
        />
        {customers.isError ? (
          <Alert type="error" showIcon title={errorMessage(customers.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <CustomersTable
          data={customers.data}
          loading={customers.isFetching}
          params={params}
          page={page}
          pageSize={pageSize}
          onChange={updateParams}
          empty={empty}
        />
      </Card>
      <CustomerFormDrawer
        target={creating}
        defaultOrgUnitId={filters.orgUnitId}
        onClose={() => setCreating(null)}
        onCreated={(c: Customer) => navigate(`/customers/${c.id}`)}
      />
    </>
  );
}
