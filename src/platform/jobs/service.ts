import { and, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import type { Db } from "../db/index.ts";
import { AppError, NotFound } from "../errors.ts";
import { isUuid } from "../ids.ts";
import type { Job, JobQuery } from "./contracts.ts";
import type { JobRunner } from "./runner.ts";
import { jobRun } from "./schema.ts";

type Row = typeof jobRun.$inferSelect;

export const presentJob = (r: Row): Job => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  params: r.params as Record<string, unknown>,
  progress: { done: r.done, total: r.total },
  attempts: r.attempts,
  cancelRequested: r.cancelRequested,
  result: r.result ?? null,
  error: (r.error as Job["error"]) ?? null,
  requestedBy: { id: r.requestedBy, name: r.requestedByName },
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/**
 * A run is readable by whoever asked for it and by holders of its kind's permission in its province
 * (HQ: in every province). Runs of other provinces do not exist for the caller.
 */
function readable(actor: Actor): SQL {
  const mine = eq(jobRun.requestedBy, actor.userId ?? "00000000-0000-0000-0000-000000000000");
  const permissions: string[] = [...actor.permissions];
  const who = (permissions.length > 0 ? or(mine, inArray(jobRun.permission, permissions)) : mine) as SQL;
  return actor.orgLevel === "hq" ? who : (and(eq(jobRun.provinceId, actor.provinceId), who) as SQL);
}

export async function findJob(db: Db, actor: Actor, id: string): Promise<Row> {
  if (!isUuid(id)) throw new NotFound("job", id);
  const [row] = await db
    .select()
    .from(jobRun)
    .where(and(readable(actor), eq(jobRun.id, id)));
  if (!row) throw new NotFound("job", id);
  return row;
}

export async function getJob(db: Db, actor: Actor, id: string): Promise<Job> {
  return presentJob(await findJob(db, actor, id));
}

/** Newest first: the runs the caller may read, filtered by kind, status or "mine". */
export async function listJobs(db: Db, actor: Actor, query: z.infer<typeof JobQuery>) {
  const filters: (SQL | undefined)[] = [
    readable(actor),
    query.kind ? eq(jobRun.kind, query.kind) : undefined,
    query.status ? eq(jobRun.status, query.status) : undefined,
    query.mine === "true" ? eq(jobRun.requestedBy, actor.userId ?? "") : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(jobRun)
      .where(where)
      .orderBy(desc(jobRun.createdAt), desc(jobRun.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(jobRun).where(where),
  ]);
  return { items: rows.map(presentJob), total: total?.n ?? 0 };
}

/**
 * Queues a run in a transaction of its own and starts it at once: what a request for batch work does
 * when nothing else is written with it (an activation queues inside its own transaction instead).
 */
export async function queueJob(
  db: Db,
  jobs: JobRunner,
  actor: Actor,
  spec: { kind: string; provinceId: number; params: Record<string, unknown> },
): Promise<{ job: Job; existing: boolean }> {
  const queued = await db.transaction((tx) => jobs.enqueue(tx, actor, spec));
  jobs.wake(spec.kind);
  return { job: await getJob(db, actor, queued.id), existing: queued.existing };
}

/**
 * The requester, or a holder of the kind's permission, may stop a run that has not ended. A queued run
 * ends at once; a running one at its next progress report, keeping what it has already committed.
 */
export async function cancelJob(db: Db, jobs: JobRunner, actor: Actor, id: string): Promise<Job> {
  const row = await findJob(db, actor, id);
  if (row.status !== "queued" && row.status !== "running")
    throw new AppError(
      "unprocessable",
      "job_ended",
      `This run has already ended (${row.status}); nothing to cancel.`,
      {
        status: row.status,
      },
    );
  await jobs.cancel(actor, row.provinceId, row.id);
  return getJob(db, actor, id);
}

/**
 * The newest run of a kind that succeeded in these provinces, and one queued or running now, if any:
 * what a page shows next to the results a job keeps ("last scanned at …", a progress bar).
 */
export async function lastRunOf(db: Db, provinceIds: readonly number[], kind: string) {
  const at = and(
    inArray(jobRun.provinceId, provinceIds.length > 0 ? [...provinceIds] : [-1]),
    eq(jobRun.kind, kind),
  );
  const [[finished], [open]] = await Promise.all([
    db
      .select()
      .from(jobRun)
      .where(and(at, eq(jobRun.status, "succeeded")))
      .orderBy(desc(jobRun.finishedAt))
      .limit(1),
    db
      .select()
      .from(jobRun)
      .where(and(at, inArray(jobRun.status, ["queued", "running"])))
      .limit(1),
  ]);
  return { finished, open };
}
