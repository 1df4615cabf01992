import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type JobView, type TestApp } from "../../../../test/helpers/app.ts";

// This process only queues runs (JIKE_JOB_WORKERS=0), so a run stays queued for as long as the test needs.
let t: TestApp;
let analyst: Client;
let mgr: Client;

beforeAll(async () => {
  t = await createTestApp({ jobWorkers: false });
  analyst = await t.login("analyst_demo");
  mgr = await t.login("hn_mgr");
});
afterAll(() => t.close());

const regradeAll = async (client: Client) => {
  const res = await client.post("/api/v1/grading/regrade", {});
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { job: JobView; existing: boolean };
};

describe("the province's re-grade as a job", () => {
  it("a second request while one is queued joins it instead of queueing another", async () => {
    const first = await regradeAll(analyst);
    expect(first).toMatchObject({ existing: false, job: { status: "queued", kind: "customers.regrade" } });
    const second = await regradeAll(analyst);
    expect(second).toMatchObject({ existing: true, job: { id: first.job.id } });

    const listed = (await analyst.get("/api/v1/jobs?kind=customers.regrade")).json();
    expect(listed.items.map((j: JobView) => j.id)).toEqual([first.job.id]);
    expect(listed.total).toBe(1);
  });

  it("is hidden from users who neither asked for it nor may re-grade", async () => {
    const { job } = await regradeAll(analyst);
    expect((await mgr.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await mgr.get("/api/v1/jobs")).json()).toEqual({ items: [], total: 0 });
    expect((await mgr.post(`/api/v1/jobs/${job.id}/cancel`)).statusCode).toBe(404);
    // Another holder of grading:write in the province sees it, as the province's administrator does.
    const admin = await t.login("hn_admin");
    expect((await admin.get(`/api/v1/jobs/${job.id}`)).json()).toMatchObject({
      id: job.id,
      requestedBy: { id: analyst.user.id },
    });
  });

  it("a queued run is cancelled at once, audited, and frees the province for a new one", async () => {
    const { job } = await regradeAll(analyst);
    const res = await analyst.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "cancelled",
      cancelRequested: true,
      finishedAt: expect.any(String),
    });

    const again = await analyst.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: "job_ended", details: { status: "cancelled" } });

    const next = await regradeAll(analyst);
    expect(next.existing).toBe(false);
    expect(next.job.id).not.toBe(job.id);

    const audit = (
      await (await t.login("hn_admin")).get(`/api/v1/audit?entityType=job_run&entityId=${job.id}`)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(["cancel", "queue"]);

    const cancelled = (await analyst.get("/api/v1/jobs?status=cancelled")).json();
    expect(cancelled.items.map((j: JobView) => j.id)).toContain(job.id);
    expect(cancelled.items.every((j: JobView) => j.status === "cancelled")).toBe(true);
  });

  it("group HQ over one province re-grades that province without naming it", async () => {
    const hq = await t.login("admin");
    const { job } = await regradeAll(hq);
    // The province's own analyst reads the run: it belongs to province 43, not to HQ's "province" 0.
    expect((await analyst.get(`/api/v1/jobs/${job.id}`)).json()).toMatchObject({
      id: job.id,
      status: "queued",
    });
    expect((await hq.post(`/api/v1/jobs/${job.id}/cancel`)).statusCode).toBe(200);
  });

  it("answers 404 for an unknown or malformed run id", async () => {
    expect((await analyst.get("/api/v1/jobs/not-a-uuid")).statusCode).toBe(404);
    expect((await analyst.get("/api/v1/jobs/0190a000-0000-7000-8000-000000000000")).json()).toMatchObject({
      code: "job_not_found",
    });
  });
});
