import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/app.ts";
import type { Actor } from "../auth/actor.ts";
import type { Database } from "../db/index.ts";
import { rowsOf } from "../db/sql.ts";
import { type JobKind, JobRunner } from "./runner.ts";
import { jobRun } from "./schema.ts";
import { presentJob } from "./service.ts";

/** A gate the test opens: lets a run stop between two progress reports until the test has acted. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const PROVINCE = 43;
const actor: Actor = {
  userId: null,
  provinceId: PROVINCE,
  username: "tester",
  name: "测试员",
  orgUnitId: "00000000-0000-0000-0000-000000000000",
  orgPath: "hq.p43",
  orgLevel: "province",
  roles: [],
  permissions: new Set(["grading:write"]),
  source: "web",
};

let database: Database;
let runner: JobRunner;
const steps = { reached: gate(), release: gate() };
let failuresLeft = 1;

const counting: JobKind<{ steps: number }, { counted: number }> = {
  kind: "test.counting",
  permission: "grading:write",
  expireInSeconds: 60,
  run: async ({ db, run, progress, actor: as }) => {
    expect(as.source).toBe("job");
    for (let i = 1; i <= run.params.steps; i++) {
      await db.transaction((tx) => progress(tx, i, run.params.steps));
      if (i === 1) {
        steps.reached.open();
        await steps.release.opened;
      }
    }
    return { counted: run.params.steps };
  },
  summary: () => ({ title: "counted" }),
};
const flaky: JobKind<Record<string, never>, { ok: true }> = {
  kind: "test.flaky",
  permission: "grading:write",
  expireInSeconds: 60,
  retryDelaySeconds: 0,
  run: async () => {
    if (failuresLeft-- > 0) throw new Error("connection reset by peer");
    return { ok: true };
  },
  summary: () => ({ title: "flaky" }),
};
const broken: JobKind<Record<string, never>, never> = {
  kind: "test.broken",
  permission: "grading:write",
  expireInSeconds: 60,
  retryDelaySeconds: 0,
  run: async () => {
    throw new Error("the rule set refers to an unknown field");
  },
  summary: (o) => ({ title: o.status === "failed" ? o.message : "?" }),
};

const queue = async (kind: string, params: Record<string, unknown>) => {
  const queued = await database.db.transaction((tx) =>
    runner.enqueue(tx, actor, { kind, provinceId: PROVINCE, params }),
  );
  runner.wake(kind);
  return queued;
};
const read = async (id: string) => {
  const [row] = await database.db
    .select()
    .from(jobRun)
    .where(and(eq(jobRun.provinceId, PROVINCE), eq(jobRun.id, id)));
  if (!row) throw new Error(`no run ${id}`);
  return presentJob(row);
};
const ended = async (id: string, kind: string) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await read(id);
    if (job.status !== "queued" && job.status !== "running") return job;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${job.status}`);
    runner.wake(kind);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

beforeAll(async () => {
  database = await freshDatabase();
  runner = new JobRunner(database);
  for (const kind of [counting, flaky, broken]) runner.register(kind as JobKind<never, unknown>);
  await runner.start();
});
afterAll(async () => {
  await runner.stop();
  await database.close();
});

describe("the job runner", () => {
  it("runs a queued run, reports its progress, and stops it when asked, keeping what was committed", async () => {
    const { id, existing } = await queue("test.counting", { steps: 5 });
    expect(existing).toBe(false);
    await steps.reached.opened;
    expect(await read(id)).toMatchObject({ status: "running", attempts: 1, progress: { done: 1, total: 5 } });

    // While it runs, asking again joins it rather than starting a second one.
    expect(await queue("test.counting", { steps: 5 })).toEqual({ id, existing: true });

    await runner.cancel(actor, PROVINCE, id);
    steps.release.open();
    const job = await ended(id, "test.counting");
    expect(job).toMatchObject({ status: "cancelled", cancelRequested: true, result: null });
    expect(job.progress.done).toBe(1);
    expect(job.finishedAt).not.toBeNull();
  });

  it("a finished run frees its kind: the next request queues a new run", async () => {
    const { id, existing } = await queue("test.counting", { steps: 3 });
    expect(existing).toBe(false);
    const job = await ended(id, "test.counting");
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { done: 3, total: 3 },
      result: { counted: 3 },
    });
  });

  it("retries an interrupted attempt and counts the attempts", async () => {
    const { id } = await queue("test.flaky", {});
    const job = await ended(id, "test.flaky");
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, result: { ok: true }, error: null });
  });

  it("marks a run failed, with the reason, once its retries are used up", async () => {
    const { id } = await queue("test.broken", {});
    const job = await ended(id, "test.broken");
    expect(job).toMatchObject({
      status: "failed",
      attempts: 3,
      error: { code: "job_failed", message: "the rule set refers to an unknown field" },
    });
  });

  it("leaves no run and no queued job when the transaction that asked for it rolls back", async () => {
    const before = (await database.db.select().from(jobRun)).length;
    const bossJobs = async () =>
      (
        await rowsOf<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from pgboss.job where name = 'test.counting'`,
        )
      )[0]!.n;
    const queuedBefore = await bossJobs();
    await expect(
      database.db.transaction(async (tx) => {
        await runner.enqueue(tx, actor, {
          kind: "test.counting",
          provinceId: PROVINCE,
          params: { steps: 1 },
        });
        throw new Error("the activation failed");
      }),
    ).rejects.toThrow("the activation failed");
    expect((await database.db.select().from(jobRun)).length).toBe(before);
    expect(await bossJobs()).toBe(queuedBefore);
  });
});
