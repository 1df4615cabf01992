import { Alert, App, Flex, Modal, Typography } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import { type Job, type RuleSet, type RuleSetPreview, useActivateRuleSet } from "./api.ts";
import { PreviewSummary } from "./PreviewSummary.tsx";

interface Props {
  ruleSet: RuleSet | null;
  /** The revision it replaces, named in the confirmation. */
  active: RuleSet | undefined;
  /** Shown when the draft was previewed in this visit, so the user confirms knowing the impact. */
  preview: RuleSetPreview | undefined;
  onClose: () => void;
  onActivated: (job: Job) => void;
}

/** Activation retires the current revision and re-grades the whole province: it is confirmed first. */
export function ActivateModal({ ruleSet, active, preview, onClose, onActivated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const activate = useActivateRuleSet();

  const confirm = () => {
    if (!ruleSet) return;
    activate.mutate(ruleSet.id, {
      onSuccess: ({ ruleSet: saved, job }) => {
        message.success(t("grading.activated", { revision: saved.revision }));
        onActivated(job);
        onClose();
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  };

  return (
    <Modal
      open={!!ruleSet}
      title={ruleSet ? t("grading.activateTitle", { name: ruleSet.name, revision: ruleSet.revision }) : ""}
      okText={t("grading.activate")}
      cancelText={t("common.cancel")}
      okButtonProps={{ "data-testid": "activate-confirm" }}
      onOk={confirm}
      onCancel={onClose}
      confirmLoading={activate.isPending}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {active ? t("grading.activateRetires", { revision: active.revision }) : t("grading.activateFirst")}
        </Typography.Paragraph>
        {preview ? (
          <PreviewSummary preview={preview} />
        ) : (
          <Alert type="warning" showIcon title={t("grading.activateUnpreviewed")} />
        )}
      </Flex>
    </Modal>
  );
}
