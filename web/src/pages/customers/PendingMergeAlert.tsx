import { CheckOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Popconfirm, Space } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { useCustomerMerges } from "./duplicatesApi.ts";
import { useMergeMovedText } from "./useMergeMovedText.ts";
import { useSettleMerge } from "./useSettleMerge.ts";

/** On the surviving customer's 360° view: a merge still waiting to be undone or confirmed. */
export function PendingMergeAlert({ customerId, writable }: { customerId: string; writable: boolean }) {
  const { t, formatDateTime } = useI18n();
  const merges = useCustomerMerges(customerId);
  const text = useMergeMovedText();
  const settle = useSettleMerge();
  const pending = merges.data?.items.find((m) => m.status === "pending");
  if (!pending) return null;
  return (
    <Alert
      data-testid="pending-merge"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t("merge.pendingAlert", { time: formatDateTime(pending.createdAt), moved: text.moved(pending) })}
      description={
        <Flex vertical>
          <span>{text.filled(pending)}</span>
          <span>{t("merge.pendingHint")}</span>
        </Flex>
      }
      action={
        writable ? (
          <Space orientation="vertical">
            <Button
              data-testid="pending-merge-undo"
              size="small"
              danger
              block
              icon={<UndoOutlined />}
              loading={settle.undoing}
              disabled={settle.confirming}
              onClick={() => settle.undo(pending.id)}
            >
              {t("merge.undo")}
            </Button>
            <Popconfirm
              title={t("merge.confirmConfirm")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => settle.confirm(pending.id)}
            >
              <Button
                data-testid="pending-merge-confirm"
                size="small"
                type="primary"
                block
                icon={<CheckOutlined />}
                loading={settle.confirming}
                disabled={settle.undoing}
              >
                {t("merge.confirm")}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    />
  );
}
