import { PlusOutlined, UploadOutlined, UserSwitchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Customer } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { AssignModal } from "./AssignModal.tsx";
import { useCustomers } from "./api.ts";
import { CLEARED_FILTERS, CustomerFilters } from "./CustomerFilters.tsx";
import { CustomerFormDrawer } from "./CustomerFormDrawer.tsx";
import { CustomersTable } from "./CustomersTable.tsx";
import { ExportButton } from "./ExportButton.tsx";
import { ImportModal } from "./ImportModal.tsx";
import { SavedFiltersMenu } from "./SavedFiltersMenu.tsx";
import { TemplateButton } from "./TemplateButton.tsx";
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
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<string[] | null>(null);
  const writable = can(me, "customer:write");
  const assignable = can(me, "customer:assign");
  const managerName = filters.accountManagerId
    ? customers.data?.items.find((c) => c.accountManager?.id === filters.accountManagerId)?.accountManager
        ?.name
    : undefined;
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
          <Space wrap>
            {writable ? <TemplateButton /> : null}
            {writable || can(me, "revenue:import") ? (
              <Button data-testid="import-open" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t("customerImport.open")}
              </Button>
            ) : null}
            <ExportButton params={params} />
            {writable ? (
              <Button
                data-testid="customer-create"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating("new")}
              >
                {t("customers.create")}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <CustomerFilters
          filters={filters}
          onChange={updateParams}
          onRefresh={() => customers.refetch()}
          accountManagerName={managerName}
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
        {assignable ? (
          <Flex data-testid="selection-bar" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
            <Button
              data-testid="assign-open"
              icon={<UserSwitchOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(selected)}
            >
              {t("assign.button")}
            </Button>
            {selected.length > 0 ? (
              <>
                <Typography.Text>{t("assign.selected", { count: selected.length })}</Typography.Text>
                <Button type="link" onClick={() => setSelected([])}>
                  {t("assign.clearSelection")}
                </Button>
              </>
            ) : (
              <Typography.Text type="secondary">{t("assign.selectHint")}</Typography.Text>
            )}
          </Flex>
        ) : null}
        <CustomersTable
          selection={assignable ? { keys: selected, onChange: setSelected } : undefined}
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
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      {assignable ? (
        <AssignModal
          customerIds={assigning}
          onClose={() => setAssigning(null)}
          onAssigned={() => setSelected([])}
        />
      ) : null}
    </>
  );
}
