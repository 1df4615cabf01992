import { SyncOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Tabs } from "antd";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { RuleSetKind } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useT } from "../../i18n/index.tsx";
import { useCustomerLabels } from "../customers/useCustomerLabels.ts";
import { isUnderway, type Job, useRegradeProvince, useRegradeRuns } from "./api.ts";
import { RecentRunsCard } from "./RecentRunsCard.tsx";
import { RegradeRunCard } from "./RegradeRunCard.tsx";
import { RuleSetTab } from "./RuleSetTab.tsx";
import { RULE_SET_KINDS } from "./vocab.ts";

const isKind = (v: string | null): v is RuleSetKind => RULE_SET_KINDS.some((k) => k === v);

/**
 * The grading engine's rule sets (A/B/C, value tiers, market segments, SMAT types) and the province's
 * re-grades. Readers see the rules in force; holders of grading:write draft, preview, activate and re-grade.
 */
export function GradingPage() {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useCustomerLabels();
  // Rule sets and re-grades cover the whole province, so the server takes them only from province or HQ
  // staff; a city analyst with grading:write reads the page like everyone else.
  const canWrite = can(me, "grading:write") && (me.orgLevel === "province" || me.orgLevel === "hq");
  const [search, setSearch] = useSearchParams();
  const requested = search.get("kind");
  const kind: RuleSetKind = isKind(requested) ? requested : "grade";
  const regrade = useRegradeProvince();
  const runs = useRegradeRuns(canWrite);
  // The run the user started or opened; until then, one already under way when the page opened.
  const [runId, setRunId] = useState<string | null>(null);
  const underway = runs.data?.items.find(isUnderway)?.id;
  const adopted = useRef(false);
  useEffect(() => {
    // Adopted once: the card then stays when the run ends and the list no longer calls it under way.
    if (adopted.current || !underway) return;
    adopted.current = true;
    setRunId((current) => current ?? underway);
  }, [underway]);

  const showRun = (job: Job) => setRunId(job.id);
  const regradeAll = () =>
    regrade.mutate(undefined, {
      onSuccess: ({ job, existing }) => {
        if (existing) message.info(t("grading.run.joined"));
        showRun(job);
      },
      onError: (e) => message.error(errorMessage(e)),
    });

  return (
    <>
      <PageHeader
        title={t("grading.title")}
        extra={
          canWrite ? (
            <Button
              data-testid="regrade-all"
              type="primary"
              icon={<SyncOutlined />}
              loading={regrade.isPending}
              onClick={regradeAll}
            >
              {t("grading.regradeAll")}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={0} data-testid="grading-page">
        {runId ? (
          <RegradeRunCard key={runId} runId={runId} canCancel={canWrite} onClose={() => setRunId(null)} />
        ) : null}
        <Card style={{ marginBottom: 16 }}>
          <Tabs
            data-testid="grading-tabs"
            activeKey={kind}
            onChange={(key) =>
              setSearch(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (key === "grade") next.delete("kind");
                  else next.set("kind", key);
                  return next;
                },
                { replace: true },
              )
            }
            items={RULE_SET_KINDS.map((k) => ({
              key: k,
              label: labels.ruleSetKind(k),
              children: <RuleSetTab kind={k} canWrite={canWrite} onRunQueued={showRun} />,
            }))}
          />
        </Card>
        {canWrite ? <RecentRunsCard onOpen={setRunId} /> : null}
      </Flex>
    </>
  );
}
