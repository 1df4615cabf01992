import { CheckOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Modal, Popconfirm, Result, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Merge } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import type { MergePlan } from "./MergeConfirmModal.tsx";
import { useMergeMovedText } from "./useMergeMovedText.ts";
import { useSettleMerge } from "./useSettleMerge.ts";

interface Props {
  result: { merge: Merge; plan: MergePlan } | null;
  onClose: () => void;
}

/** A merge just made: what moved, and Undo or Confirm (or leave it pending for later). */
export function MergeResultModal({ result, onClose }: Props) {
  const t = useT();
  const text = useMergeMovedText();
  const settle = useSettleMerge(onClose);
  const busy = settle.undoing || settle.confirming;

  return (
    <Modal
      open={!!result}
      title={t("duplicates.confirmTitle")}
      onCancel={onClose}
      mask={{ closable: !busy }}
      width={600}
      footer={
        result ? (
          <Space wrap>
            <Button onClick={onClose} disabled={busy}>
              {t("merge.later")}
            </Button>
            <Button
              data-testid="merge-undo"
              danger
              icon={<UndoOutlined />}
              loading={settle.undoing}
              disabled={settle.confirming}
              onClick={() => settle.undo(result.merge.id)}
            >
              {t("merge.undo")}
            </Button>
            <Popconfirm
              title={t("merge.confirmConfirm")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => settle.confirm(result.merge.id)}
            >
              <Button
                data-testid="merge-confirm-button"
                type="primary"
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
    >
      {result ? (
        <div data-testid="merge-result">
          <Result
            status="success"
            title={t("merge.resultTitle")}
            subTitle={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {t("merge.resultIntro", {
                    survivor: result.plan.survivor.name,
                    survivorCode: result.plan.survivor.code,
                    duplicate: result.plan.duplicate.name,
                    duplicateCode: result.plan.duplicate.code,
                  })}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {text.moved(result.merge)}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {text.filled(result.merge)}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t("merge.pendingHint")}</Typography.Text>
              </>
            }
            extra={<Link to={`/customers/${result.merge.survivorId}`}>{t("merge.viewSurvivor")}</Link>}
          />
        </div>
      ) : null}
    </Modal>
  );
}
