import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { z } from "zod";
import type {
  RegradeQueued as RegradeQueuedSchema,
  RegradeResult as RegradeResultSchema,
  RuleCondition as RuleConditionSchema,
  RuleSetActivated as RuleSetActivatedSchema,
  RuleSetCreate as RuleSetCreateSchema,
  RuleSetDefinition as RuleSetDefinitionSchema,
  RuleSetPreview as RuleSetPreviewSchema,
  RuleSet as RuleSetSchema,
} from "../../../../src/domain/customers/contracts.ts";
import { api } from "../../api/client.ts";
import { type Job, jobKeys } from "../../api/jobs.ts";
import { notificationKeys } from "../../api/notifications.ts";
import type { Page, RuleSetKind } from "../../api/types.ts";
import { customerKeys } from "../customers/api.ts";

export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetDefinition = z.infer<typeof RuleSetDefinitionSchema>;
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type FactField = RuleCondition["field"];
export type ConditionOp = RuleCondition["op"];
export type RuleSetCreate = z.input<typeof RuleSetCreateSchema>;
export type RuleSetPreview = z.infer<typeof RuleSetPreviewSchema>;
export type RuleSetActivated = z.infer<typeof RuleSetActivatedSchema>;
export type RegradeQueued = z.infer<typeof RegradeQueuedSchema>;
export type RegradeResult = z.infer<typeof RegradeResultSchema>;
export type { Job, JobStatus } from "../../api/jobs.ts";

/** The job kind of a whole-province re-grade, as the server names it. */
export const REGRADE_JOB = "customers.regrade";

export { isUnderway } from "../../api/jobs.ts";

export const gradingKeys = {
  all: ["grading"] as const,
  ruleSets: (kind: RuleSetKind) => ["grading", "ruleSets", kind] as const,
  runs: ["grading", "runs"] as const,
};

const ruleSetPath = (id: string, action: "preview" | "activate") =>
  `/grading/rule-sets/${encodeURIComponent(id)}/${action}`;

/** Every revision of one kind, newest first (the server orders by revision). */
export function useRuleSets(kind: RuleSetKind) {
  return useQuery({
    queryKey: gradingKeys.ruleSets(kind),
    queryFn: ({ signal }) => api.get<Page<RuleSet>>("/grading/rule-sets", { kind }, signal),
  });
}

export function useCreateRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RuleSetCreate) => api.post<RuleSet>("/grading/rule-sets", body),
    onSuccess: (saved) => queryClient.invalidateQueries({ queryKey: gradingKeys.ruleSets(saved.kind) }),
  });
}

/** A POST only because the count is computed on demand; it changes nothing. */
export function usePreviewRuleSet() {
  return useMutation({
    mutationFn: (id: string) => api.post<RuleSetPreview>(ruleSetPath(id, "preview")),
  });
}

export function useActivateRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<RuleSetActivated>(ruleSetPath(id, "activate")),
    onSuccess: ({ ruleSet, job }) => {
      queryClient.setQueryData(jobKeys.run(job.id), job);
      void queryClient.invalidateQueries({ queryKey: gradingKeys.ruleSets(ruleSet.kind) });
      void queryClient.invalidateQueries({ queryKey: gradingKeys.runs });
    },
  });
}

export function useRegradeProvince() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RegradeQueued>("/grading/regrade", {}),
    onSuccess: ({ job }) => {
      queryClient.setQueryData(jobKeys.run(job.id), job);
      void queryClient.invalidateQueries({ queryKey: gradingKeys.runs });
    },
  });
}

/** The province's latest re-grades, newest first: the page shows one still under way on arrival. */
export function useRegradeRuns(enabled: boolean) {
  return useQuery({
    queryKey: gradingKeys.runs,
    queryFn: ({ signal }) => api.get<Page<Job>>("/jobs", { kind: REGRADE_JOB, limit: 5 }, signal),
    enabled,
  });
}

/**
 * A finished run has re-classed customers and posted an inbox line: the lists showing either are
 * out of date now.
 */
export function useRefreshAfterRun(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: gradingKeys.runs });
    void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  }, [queryClient]);
}
