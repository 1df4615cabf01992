import { Alert, Button, Flex, Modal, Skeleton } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import type { RuleSet, RuleSetPreview } from "./api.ts";
import { MovesTable } from "./MovesTable.tsx";
import { PreviewSummary } from "./PreviewSummary.tsx";

interface Props {
  ruleSet: RuleSet | null;
  preview: RuleSetPreview | undefined;
  loading: boolean;
  error: unknown;
  className: (code: string) => string;
  onClose: () => void;
  onActivate: (ruleSet: RuleSet) => void;
}

/** What activating a draft would do to today's customers, before anyone commits to it. */
export function PreviewModal({ ruleSet, preview, loading, error, className, onClose, onActivate }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  return (
    <Modal
      open={!!ruleSet}
      width={640}
      title={ruleSet ? t("grading.preview.title", { name: ruleSet.name, revision: ruleSet.revision }) : ""}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t("common.close")}</Button>
          {ruleSet?.status === "draft" ? (
            <Button
              type="primary"
              data-testid="preview-activate"
              disabled={!preview}
              onClick={() => onActivate(ruleSet)}
            >
              {t("grading.activate")}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {loading ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {!loading && error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!loading && preview ? (
        <Flex vertical gap={16} data-testid="preview-result">
          <PreviewSummary preview={preview} />
          <MovesTable moves={preview.moves} className={className} />
        </Flex>
      ) : null}
    </Modal>
  );
}
