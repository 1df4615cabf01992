import { ArrowLeftOutlined, ArrowRightOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { DuplicatePair, Merge } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { intParam, useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { DuplicateCustomerCell } from "./DuplicateCustomerCell.tsx";
import { DuplicateMatch } from "./DuplicateMatch.tsx";
import { DuplicateScanBar } from "./DuplicateScanBar.tsx";
import { useDuplicates } from "./duplicatesApi.ts";
import { MergeConfirmModal, type MergePlan } from "./MergeConfirmModal.tsx";
import { MergeResultModal } from "./MergeResultModal.tsx";
import { PAGE_SIZES } from "./useCustomerListParams.ts";

const pairKey = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`;

/** Likely duplicate archives side by side; either one can be folded into the other, reversibly. */
export function DuplicatesPage() {
  const t = useT();
  const me = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [search] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const orgUnitId = search.get("orgUnitId") ?? undefined;
  const page = intParam(search.get("page"), 1);
  const pageSize = intParam(search.get("pageSize"), 20, 1, 100);
  const duplicates = useDuplicates({ orgUnitId, limit: pageSize, offset: (page - 1) * pageSize });
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [result, setResult] = useState<{ merge: Merge; plan: MergePlan } | null>(null);

  const columns: TableColumnsType<DuplicatePair> = [
    {
      key: "a",
      title: t("duplicates.customerA"),
      render: (_, p) => <DuplicateCustomerCell customer={p.a} />,
    },
    { key: "match", title: t("duplicates.match"), width: 200, render: (_, p) => <DuplicateMatch pair={p} /> },
    {
      key: "b",
      title: t("duplicates.customerB"),
      render: (_, p) => <DuplicateCustomerCell customer={p.b} />,
    },
    {
      key: "actions",
      title: t("common.actions"),
      fixed: "right",
      width: 150,
      render: (_, p) => (
        <Flex vertical gap={8}>
          <Button
            data-testid="merge-b-into-a"
            icon={<ArrowLeftOutlined />}
            onClick={() => setPlan({ survivor: p.a, duplicate: p.b })}
          >
            {t("duplicates.mergeBIntoA")}
          </Button>
          <Button
            data-testid="merge-a-into-b"
            icon={<ArrowRightOutlined />}
            onClick={() => setPlan({ survivor: p.b, duplicate: p.a })}
          >
            {t("duplicates.mergeAIntoB")}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("duplicates.title")} />
      <Card>
        <DuplicateScanBar scan={duplicates.data?.scan} canScan={can(me, "customer:write")} />
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <OrgUnitTreeSelect
            allowClear
            value={orgUnitId}
            onChange={(id) => updateParams({ orgUnitId: id, page: undefined })}
            placeholder={t("duplicates.filterOrg")}
            style={{ width: 260 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => duplicates.refetch()}
            aria-label={t("common.refresh")}
          />
          <Typography.Text type="secondary">{t("duplicates.hint")}</Typography.Text>
        </Flex>
        {duplicates.isError ? (
          <Alert type="error" showIcon title={errorMessage(duplicates.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<DuplicatePair>
          data-testid="duplicates-table"
          rowKey={pairKey}
          size="middle"
          columns={columns}
          dataSource={duplicates.data?.items ?? []}
          loading={duplicates.isFetching}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: duplicates.isPending ? " " : t("duplicates.empty") }}
          onChange={(pagination) =>
            updateParams({
              page: pagination.current === 1 ? undefined : pagination.current,
              pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
            })
          }
          pagination={{
            current: page,
            pageSize,
            total: duplicates.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.filter((s) => s <= 100).map(String),
            showTotal: (total) => t("common.total", { total }),
          }}
        />
      </Card>
      <MergeConfirmModal
        plan={plan}
        onClose={() => setPlan(null)}
        onMerged={(merge, merged) => {
          setPlan(null);
          setResult({ merge, plan: merged });
        }}
      />
      <MergeResultModal result={result} onClose={() => setResult(null)} />
    </>
  );
}
