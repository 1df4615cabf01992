import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from "antd";
import { useMemo, useState } from "react";
import type { RuleSetKind } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ActivateModal } from "./ActivateModal.tsx";
import { type Job, type RuleSet, type RuleSetPreview, usePreviewRuleSet, useRuleSets } from "./api.ts";
import { DraftDrawer } from "./DraftDrawer.tsx";
import { PreviewModal } from "./PreviewModal.tsx";
import { RevisionsTable } from "./RevisionsTable.tsx";
import { RuleSetDefinitionView } from "./RuleSetDefinitionView.tsx";
import { useClassName } from "./useClassName.ts";

interface Props {
  kind: RuleSetKind;
  canWrite: boolean;
  /** An activation queued the province's re-grade: the page shows its progress. */
  onRunQueued: (job: Job) => void;
}

/** One kind of rule set: the rules in force, every revision, and drafting, previewing, activating. */
export function RuleSetTab({ kind, canWrite, onRunQueued }: Props) {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const sets = useRuleSets(kind);
  const preview = usePreviewRuleSet();
  // Kept for this visit, so the activation can be confirmed against the numbers already seen.
  const [previews, setPreviews] = useState<Record<string, RuleSetPreview>>({});
  const [previewing, setPreviewing] = useState<RuleSet | null>(null);
  const [activating, setActivating] = useState<RuleSet | null>(null);
  const [drafting, setDrafting] = useState<RuleSet | null>(null);

  const revisions = sets.data?.items ?? [];
  const active = revisions.find((s) => s.status === "active");
  const definitions = useMemo(() => [previewing?.definition, active?.definition], [previewing, active]);
  const className = useClassName(kind, definitions);

  const startPreview = (set: RuleSet) => {
    setPreviewing(set);
    preview.mutate(set.id, { onSuccess: (r) => setPreviews((p) => ({ ...p, [set.id]: r })) });
  };
  const previewed = previewing ? previews[previewing.id] : undefined;

  return (
    <Flex vertical gap={16}>
      {sets.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(sets.error)}
          action={
            <Button size="small" onClick={() => sets.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : null}
      {sets.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : active ? (
        <Card
          data-testid="active-rule-set"
          title={t("grading.activeTitle", { name: active.name, revision: active.revision })}
          extra={
            canWrite ? (
              <Button data-testid="draft-new" icon={<PlusOutlined />} onClick={() => setDrafting(active)}>
                {t("grading.draft.new")}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            {t("grading.activeSince", { time: formatDateTime(active.activatedAt) })}
          </Typography.Paragraph>
          <RuleSetDefinitionView definition={active.definition} />
        </Card>
      ) : sets.data ? (
        <Empty description={t("grading.noActive")} />
      ) : null}
      <Card title={t("grading.revisions")}>
        <RevisionsTable
          revisions={revisions}
          loading={sets.isFetching}
          onPreview={canWrite ? startPreview : undefined}
          onActivate={canWrite ? setActivating : undefined}
        />
      </Card>
      <DraftDrawer kind={kind} base={drafting} onClose={() => setDrafting(null)} />
      <PreviewModal
        ruleSet={previewing}
        preview={previewed}
        loading={preview.isPending}
        error={preview.isError && preview.variables === previewing?.id ? preview.error : null}
        className={className}
        onClose={() => setPreviewing(null)}
        onActivate={(set) => {
          setPreviewing(null);
          setActivating(set);
        }}
      />
      <ActivateModal
        ruleSet={activating}
        active={active}
        preview={activating ? previews[activating.id] : undefined}
        onClose={() => setActivating(null)}
        onActivated={onRunQueued}
      />
    </Flex>
  );
}
