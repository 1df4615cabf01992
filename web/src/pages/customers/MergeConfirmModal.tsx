import { Modal, Typography } from "antd";
import type { DuplicatePair, Merge } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { useMergeCustomers } from "./duplicatesApi.ts";
import { useCustomerWriteError } from "./useCustomerWriteError.ts";

type CustomerRef = DuplicatePair["a"];

export interface MergePlan {
  survivor: CustomerRef;
  duplicate: CustomerRef;
}

interface Props {
  plan: MergePlan | null;
  onClose: () => void;
  onMerged: (merge: Merge, plan: MergePlan) => void;
}

/** Says what a merge moves before it happens; a version conflict refreshes the list and says so. */
export function MergeConfirmModal({ plan, onClose, onMerged }: Props) {
  const t = useT();
  const merge = useMergeCustomers();
  const onWriteError = useCustomerWriteError("duplicates.conflict");
  const names = plan
    ? {
        survivor: plan.survivor.name,
        survivorCode: plan.survivor.code,
        duplicate: plan.duplicate.name,
        duplicateCode: plan.duplicate.code,
      }
    : undefined;

  const submit = () => {
    if (!plan) return;
    merge.mutate(
      {
        survivorId: plan.survivor.id,
        duplicateId: plan.duplicate.id,
        version: plan.survivor.version,
        duplicateVersion: plan.duplicate.version,
      },
      {
        onSuccess: (result) => onMerged(result, plan),
        onError: (error) => {
          if (onWriteError(error)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!plan}
      title={t("duplicates.confirmTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("duplicates.merge")}
      okButtonProps={{ danger: true, "data-testid": "merge-submit" }}
      cancelText={t("common.cancel")}
      confirmLoading={merge.isPending}
      width={560}
    >
      {names ? (
        <div data-testid="merge-confirm">
          <Typography.Paragraph>{t("duplicates.confirmIntro", names)}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20 }}>
            <li>{t("duplicates.confirmMoves", names)}</li>
            <li>{t("duplicates.confirmFills", names)}</li>
            <li>{t("duplicates.confirmLeaves", names)}</li>
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("duplicates.confirmUndo")}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}
