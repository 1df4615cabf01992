import { z } from "zod";
import { ListQuery } from "../http/pagination.ts";

export const JobStatus = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

export const Job = z.object({
  id: z.uuid(),
  kind: z.string().describe("what the run does, e.g. customers.regrade"),
  status: JobStatus,
  params: z.record(z.string(), z.unknown()),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int().nullable().describe("null until the run has counted its work"),
  }),
  attempts: z.number().int().describe("1 unless an attempt was interrupted and retried"),
  cancelRequested: z.boolean(),
  result: z.unknown().nullable().describe("the kind's own result once succeeded"),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  requestedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

/** The answer to a request that queues a run: the run, and whether it was already under way. */
export const JobQueued = z.object({
  job: Job,
  existing: z
    .boolean()
    .describe("true when a run of this kind was already queued or running in the province"),
});

export const JobQuery = ListQuery.extend({
  kind: z.string().max(100).optional(),
  status: JobStatus.optional(),
  mine: z.enum(["true", "false"]).optional().describe("only runs the caller asked for"),
});
