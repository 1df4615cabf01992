import { and, eq, inArray, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { recordAudit } from "../audit/service.ts";
import type { Actor } from "../auth/actor.ts";
import type { Permission } from "../auth/permissions.ts";
import type { Database, Db, DbOrTx } from "../db/index.ts";
import { rawSqlOf } from "../db/raw.ts";
import { uuidv7 } from "../ids.ts";
import { notify } from "../notifications/service.ts";
import { type ActorSnapshot, actorFromSnapshot, snapshotOf } from "./actor-snapshot.ts";
import { jobRun } from "./schema.ts";

/** pg-boss keeps its tables in their own schema, beside ours, on the same database. */
export const BOSS_SCHEMA = "pgboss";

export interface JobContext<P> {
  db: Db;
  /** The requester as they were when they asked, acting through a job. */
  actor: Actor;
  run: { id: string; provinceId: number; kind: string; params: P };
  /**
   * Records how far the run has got, in the caller's transaction so progress and work commit together.
   * Throws `JobCancelled` once someone has asked the run to stop: the work of that transaction is rolled
   * back and the run ends as cancelled, keeping what earlier transactions committed.
   */
  progress(tx: DbOrTx, done: number, total?: number): Promise<void>;
}

export interface JobKind<P, R> {
  kind: string;
  /** Who may read a run besides its requester: holders of this permission in the province. */
  permission: Permission;
  /** How long one attempt may take before pg-boss gives it to another worker. */
  expireInSeconds: number;
  /** Pause before an interrupted attempt is retried (default 5 s). */
  retryDelaySeconds?: number;
  run(ctx: JobContext<P>): Promise<R>;
  /**
   * The requester's inbox line when the run ends: the notification's kind is `<kind>_<status>` (dots as
   * underscores) and the web words it from its dictionary with `params`; `title` (Chinese) is the default.
   */
  summary(outcome: { status: "succeeded"; result: R } | { status: "failed"; message: string }): {
    title: string;
    params?: Record<string, unknown>;
  };
  link?: string;
}

export class JobCancelled extends Error {
  constructor() {
    super("the run was cancelled");
  }
}

/**
 * What went wrong, in words a reader of the run can use: a failed query's own message is the database's
 * reason, not the SQL text the driver wraps around it.
 */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

/** What the pg-boss job carries: the run it works, which holds everything else. */
interface RunRef {
  provinceId: number;
  runId: string;
}

/** Attempts per run: a crash or a lost connection is retried twice before the run is marked failed. */
const RETRY_LIMIT = 2;

/**
 * Batch work on pg-boss: kinds are registered by the contexts, queued in the caller's transaction, and run
 * one at a time per process. `start` installs or upgrades pg-boss's schema, so a first start needs nothing
 * else.
 */
export class JobRunner {
  private readonly kinds = new Map<string, JobKind<unknown, unknown>>();
  private boss: PgBoss | null = null;
  private readonly workers = new Map<string, string>();

  /**
   * `work: false` makes a process that queues runs but leaves them to other processes (a web-only node);
   * the runs wait in the queue until a working process starts.
   */
  constructor(
    private readonly database: Database,
    private readonly options: { work: boolean } = { work: true },
  ) {}

  register<P, R>(kind: JobKind<P, R>): void {
    if (this.kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind as JobKind<unknown, unknown>);
  }

  kindOf(kind: string): JobKind<unknown, unknown> {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`unknown job kind ${kind}`);
    return found;
  }

  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      db: rawSqlOf(this.database.db) as PgBoss.Db,
      schema: BOSS_SCHEMA,
      // No cron yet; maintenance (expiry, archiving) every minute keeps a crashed attempt from hanging long.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 60,
      monitorStateIntervalSeconds: 600,
    });
    boss.on("error", (error) => console.error("job queue:", error));
    await boss.start();
    const queues = new Set((await boss.getQueues()).map((q) => q.name));
    for (const kind of this.kinds.values()) {
      if (!queues.has(kind.kind))
        await boss.createQueue(kind.kind, {
          name: kind.kind,
          retryLimit: RETRY_LIMIT,
          retryDelay: kind.retryDelaySeconds ?? 5,
          expireInSeconds: kind.expireInSeconds,
        });
      if (!this.options.work) continue;
      const workerId = await boss.work(
        kind.kind,
        { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs as PgBoss.JobWithMetadata<RunRef>[]) await this.attempt(job);
        },
      );
      this.workers.set(kind.kind, workerId);
    }
    this.boss = boss;
  }

  /** Lets running attempts finish their current transaction, then stops polling. */
  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  /**
   * Queues a run in the caller's transaction: if the transaction rolls back, neither the run nor the
   * queued job exists. One run of a kind per province at a time: while one is queued or running, asking
   * again returns that one (`existing`), so a double click or two managers at once start one re-grade.
   * Call `wake(kind)` after the commit to start it without waiting for the next poll.
   */
  async enqueue<P extends Record<string, unknown>>(
    tx: DbOrTx,
    actor: Actor,
    spec: { kind: string; provinceId: number; params: P },
  ): Promise<{ id: string; existing: boolean }> {
    const kind = this.kindOf(spec.kind);
    const boss = this.requireBoss();
    // Serialises the check-then-insert below across connections, until this transaction ends.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${kind.kind}), ${spec.provinceId})`);
    const [open] = await tx
      .select({ id: jobRun.id })
      .from(jobRun)
      .where(
        and(
          eq(jobRun.provinceId, spec.provinceId),
          eq(jobRun.kind, kind.kind),
          inArray(jobRun.status, ["queued", "running"]),
        ),
      )
      .limit(1);
    if (open) return { id: open.id, existing: true };
    const id = uuidv7();
    await tx.insert(jobRun).values({
      provinceId: spec.provinceId,
      id,
      kind: kind.kind,
      permission: kind.permission,
      params: spec.params,
      actor: snapshotOf(actor),
      requestedBy: actor.userId,
      requestedByName: actor.name,
    });
    await boss.send(kind.kind, { provinceId: spec.provinceId, runId: id }, { db: rawSqlOf(tx) as PgBoss.Db });
    await recordAudit(tx, actor, {
      provinceId: spec.provinceId,
      action: "queue",
      entityType: "job_run",
      entityId: id,
      after: { kind: kind.kind, params: spec.params },
    });
    return { id, existing: false };
  }

  wake(kind: string): void {
    const workerId = this.workers.get(kind);
    if (workerId) this.boss?.notifyWorker(workerId);
  }

  /** Stops a queued run at once; a running one stops at its next progress report. */
  async cancel(actor: Actor, provinceId: number, runId: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      const key = and(eq(jobRun.provinceId, provinceId), eq(jobRun.id, runId));
      await tx.update(jobRun).set({ cancelRequested: true, updatedAt: new Date() }).where(key);
      await tx
        .update(jobRun)
        .set({ status: "cancelled", finishedAt: new Date(), updatedAt: new Date() })
        .where(and(key, eq(jobRun.status, "queued")));
      await recordAudit(tx, actor, { provinceId, action: "cancel", entityType: "job_run", entityId: runId });
    });
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error("the job runner has not been started");
    return this.boss;
  }

  /** One attempt at a run (the workers fetch one job at a time). */
  private async attempt(job: PgBoss.JobWithMetadata<RunRef>) {
    const db = this.database.db;
    const { provinceId, runId } = job.data;
    const key = and(eq(jobRun.provinceId, provinceId), eq(jobRun.id, runId));
    const [run] = await db
      .update(jobRun)
      .set({
        status: "running",
        attempts: sql`${jobRun.attempts} + 1`,
        startedAt: sql`coalesce(${jobRun.startedAt}, now())`,
        updatedAt: new Date(),
      })
      // "running" too: an attempt that died with its process is handed out again once pg-boss expires it.
      .where(and(key, inArray(jobRun.status, ["queued", "running"])))
      .returning();
    // Cancelled before it started, or already ended by an earlier attempt: nothing to do.
    if (!run) return;
    const kind = this.kindOf(run.kind);
    const actor = actorFromSnapshot(run.actor as ActorSnapshot);
    const progress = async (tx: DbOrTx, done: number, total?: number) => {
      const [row] = await tx
        .update(jobRun)
        .set({ done, ...(total === undefined ? {} : { total }), updatedAt: new Date() })
        .where(key)
        .returning({ cancelRequested: jobRun.cancelRequested });
      if (row?.cancelRequested) throw new JobCancelled();
    };
    try {
      const result = await kind.run({
        db,
        actor,
        run: { id: run.id, provinceId, kind: run.kind, params: run.params },
        progress,
      });
      await this.finish(run, kind, { status: "succeeded", result });
    } catch (error) {
      if (error instanceof JobCancelled) {
        await this.finish(run, kind, { status: "cancelled" });
        return;
      }
      const message = reasonOf(error);
      if (job.retryCount < job.retryLimit) {
        // pg-boss tries again after its delay; the run reads as queued with the error that interrupted it.
        await db
          .update(jobRun)
          .set({ status: "queued", error: { code: "retrying", message }, updatedAt: new Date() })
          .where(key);
        throw error;
      }
      await this.finish(run, kind, { status: "failed", message });
    }
  }

  private async finish(
    run: typeof jobRun.$inferSelect,
    kind: JobKind<unknown, unknown>,
    outcome:
      | { status: "succeeded"; result: unknown }
      | { status: "failed"; message: string }
      | { status: "cancelled" },
  ) {
    await this.database.db.transaction(async (tx) => {
      await tx
        .update(jobRun)
        .set({
          status: outcome.status,
          result: outcome.status === "succeeded" ? (outcome.result ?? null) : null,
          error: outcome.status === "failed" ? { code: "job_failed", message: outcome.message } : null,
          finishedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(and(eq(jobRun.provinceId, run.provinceId), eq(jobRun.id, run.id)));
      if (outcome.status !== "cancelled" && run.requestedBy) {
        const summary = kind.summary(outcome);
        await notify(tx, {
          provinceId: run.provinceId,
          userId: run.requestedBy,
          kind: `${run.kind.replaceAll(".", "_")}_${outcome.status}`,
          params: { ...summary.params, runId: run.id },
          title: summary.title,
          link: kind.link,
        });
      }
    });
  }
}
