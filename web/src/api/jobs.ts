import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { JobQueued as JobQueuedSchema, Job as JobSchema } from "../../../src/platform/jobs/contracts.ts";
import { api } from "./client.ts";

export type Job = z.infer<typeof JobSchema>;
export type JobStatus = Job["status"];
export type JobQueued = z.infer<typeof JobQueuedSchema>;

/** A run still has work ahead of it: poll it, offer to cancel it. */
export const isUnderway = (job: Pick<Job, "status">) => job.status === "queued" || job.status === "running";

const POLL_MS = 1000;

export const jobKeys = { run: (id: string) => ["jobs", id] as const };

/** One run, polled about every second until it ends. */
export function useJobRun(id: string | undefined) {
  return useQuery({
    queryKey: jobKeys.run(id ?? ""),
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && !isUnderway(query.state.data) ? false : POLL_MS),
    staleTime: 0,
  });
}

/** Asks a run to stop; the answer replaces what the poll last read. */
export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/jobs/${encodeURIComponent(id)}/cancel`),
    onSuccess: (job) => queryClient.setQueryData(jobKeys.run(job.id), job),
  });
}
