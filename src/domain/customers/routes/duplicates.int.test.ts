import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, jobEnded, type TestApp } from "../../../../test/helpers/app.ts";

let t: TestApp;
let admin: Client;
interface Customer {
  id: string;
  name: string;
  code: string;
  creditCode: string | null;
  orgUnitId: string;
  address: string | null;
  version: number;
  memberCount: number;
  tags: string[];
}
const get = async (client: Client, id: string) =>
  (await client.get(`/api/v1/customers/${id}`)).json() as Customer;
const total = async (client: Client, query: string) =>
  (await client.get(`/api/v1/customers?limit=1&${query}`)).json().total as number;
const revenueOf = async (client: Client, id: string) =>
  (
    (await client.get(`/api/v1/customers/${id}/overview`)).json().revenue as {
      groupPaidFen: number;
      memberPaidFen: number;
    }[]
  ).reduce((s, m) => s + m.groupPaidFen + m.memberPaidFen, 0);

let original: Customer;
let copy: Customer;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  original = (await admin.get("/api/v1/customers?limit=1&sort=code")).json().items[0];
  // Someone archived the same organisation twice: same name at the same address, without a credit code.
  const created = await admin.post("/api/v1/customers", {
    name: original.name,
    address: original.address,
    orgUnitId: original.orgUnitId,
    tags: ["imported_twice"],
    notes: "从旧系统迁移",
  });
  expect(created.statusCode).toBe(201);
  copy = created.json();
  const member = await admin.post(`/api/v1/customers/${copy.id}/members`, {
    msisdn: "13900001111",
    payer: "group",
  });
  expect(member.statusCode).toBe(201);
  const person = await admin.post(`/api/v1/customers/${copy.id}/contacts`, {
    name: "钱多多",
    decisionRole: "purchaser",
  });
  expect(person.statusCode).toBe(201);
  copy = await get(admin, copy.id);
});

/** Asks for a fresh scan and waits for it, as the page's "scan again" does. */
const scanned = async (client: Client) => {
  const res = await client.post("/api/v1/customers/duplicates/scan", {});
  expect(res.statusCode, res.body).toBe(202);
  const job = await jobEnded(t, client, res.json().job.id);
  expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
  return job;
};
afterAll(() => t.close());

describe("finding duplicates", () => {
  it("lists what the last scan found: a record archived after it shows once a new scan has run", async () => {
    const before = (await admin.get("/api/v1/customers/duplicates?limit=200")).json();
    const pairOf = (items: { a: { id: string }; b: { id: string } }[]) =>
      items.find((p) => [p.a.id, p.b.id].includes(copy.id));
    expect(pairOf(before.items)).toBeUndefined();

    const job = await scanned(admin);
    expect(job.result).toMatchObject({ pairs: expect.any(Number), customers: expect.any(Number) });
    const after = (await admin.get("/api/v1/customers/duplicates?limit=200")).json();
    expect(pairOf(after.items)).toBeDefined();
    expect(after.scan).toMatchObject({ lastFinishedAt: expect.any(String), open: null });
    expect(after.total).toBe((job.result as { pairs: number }).pairs);
  });

  it("refuses a scan to whoever may not merge customers", async () => {
    // Province managers read and assign customers but do not edit archives (org/rules.ts).
    const manager = await t.login("hn_mgr");
    const res = await manager.post("/api/v1/customers/duplicates/scan", {});
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ details: { permission: "customer:write" } });
  });

  it("pairs records with the same name and address, and records sharing a credit code", async () => {
    const res = await admin.get("/api/v1/customers/duplicates?limit=200");
    expect(res.statusCode).toBe(200);
    const pair = res
      .json()
      .items.find(
        (p: { a: { id: string }; b: { id: string } }) =>
          [p.a.id, p.b.id].sort().join() === [original.id, copy.id].sort().join(),
      );
    expect(pair).toBeDefined();
    expect(pair.reasons).toContain("near_identical_name");
    expect(pair.nameSimilarity).toBeGreaterThan(0.85);
  });

  it("finds nothing outside the caller's scope", async () => {
    const zz = await t.login("zz_mgr");
    const res = (await zz.get("/api/v1/customers/duplicates?limit=200")).json();
    const ids = res.items.flatMap((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id]);
    const visible = new Set(
      ((await zz.get("/api/v1/customers?limit=200")).json().items as Customer[]).map((c) => c.id),
    );
    for (const id of ids) expect(visible.has(id)).toBe(true);
  });
});

describe("merging", () => {
  it("folds the duplicate into the survivor, and an undo restores both exactly", async () => {
    const before = {
      survivor: await get(admin, original.id),
      revenue: await revenueOf(admin, original.id),
      all: await total(admin, ""),
    };
    const res = await admin.post(`/api/v1/customers/${original.id}/merge`, {
      duplicateId: copy.id,
      version: before.survivor.version,
      duplicateVersion: copy.version,
    });
    expect(res.statusCode).toBe(200);
    const merge = res.json();
    expect(merge).toMatchObject({ status: "pending", survivorId: original.id, mergedId: copy.id });
    expect(merge.moved.members).toBe(1);
    expect(merge.moved.contacts).toBe(1);

    const survivor = await get(admin, original.id);
    expect(survivor.memberCount).toBe(before.survivor.memberCount + 1);
    expect(survivor.tags).toContain("imported_twice");
    expect((await admin.get(`/api/v1/customers/${copy.id}`)).statusCode).toBe(404);
    expect(await total(admin, "")).toBe(before.all - 1);
    const contacts = (await admin.get(`/api/v1/customers/${original.id}/contacts`)).json().items;
    expect(contacts.map((c: { name: string }) => c.name)).toContain("钱多多");

    const undone = await admin.post(`/api/v1/customers/merges/${merge.id}/undo`);
    expect(undone.json().status).toBe("undone");
    const restored = await get(admin, original.id);
    expect(restored.memberCount).toBe(before.survivor.memberCount);
    expect(restored.tags).toEqual(before.survivor.tags);
    expect(await revenueOf(admin, original.id)).toBe(before.revenue);
    expect((await get(admin, copy.id)).memberCount).toBe(1);
    expect(await total(admin, "")).toBe(before.all);
    expect((await admin.post(`/api/v1/customers/merges/${merge.id}/undo`)).statusCode).toBe(422);
  });

  it("a confirmed merge can no longer be undone, and both sides are audited", async () => {
    const survivor = await get(admin, original.id);
    const duplicate = await get(admin, copy.id);
    const merge = (
      await admin.post(`/api/v1/customers/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      })
    ).json();
    expect((await admin.post(`/api/v1/customers/merges/${merge.id}/confirm`)).json().status).toBe(
      "confirmed",
    );
    const undo = await admin.post(`/api/v1/customers/merges/${merge.id}/undo`);
    expect(undo.statusCode).toBe(422);
    expect(undo.json().code).toBe("merge_refused");
    for (const [id, action] of [
      [survivor.id, "merge"],
      [duplicate.id, "merged_into"],
    ] as const) {
      expect(
        (await admin.get(`/api/v1/audit?entityId=${id}&action=${action}`)).json().total,
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it("refuses stale versions, self-merges and customers outside the scope", async () => {
    const [a, b] = (await admin.get("/api/v1/customers?limit=2&sort=code&order=desc")).json()
      .items as Customer[];
    const stale = await admin.post(`/api/v1/customers/${a!.id}/merge`, {
      duplicateId: b!.id,
      version: a!.version + 5,
      duplicateVersion: b!.version,
    });
    expect(stale.statusCode).toBe(409);
    const self = await admin.post(`/api/v1/customers/${a!.id}/merge`, {
      duplicateId: a!.id,
      version: a!.version,
      duplicateVersion: a!.version,
    });
    expect(self.statusCode).toBe(422);
    // An account manager sees only its own customers: someone else's cannot be merged into them.
    const am = await t.login("am_demo");
    const mine = (await am.get("/api/v1/customers?limit=200")).json().items as Customer[];
    const own = mine[0]!;
    const others = ((await admin.get("/api/v1/customers?limit=200")).json().items as Customer[]).find(
      (c) => !mine.some((m) => m.id === c.id),
    )!;
    const outside = await am.post(`/api/v1/customers/${own.id}/merge`, {
      duplicateId: others.id,
      version: own.version,
      duplicateVersion: others.version,
    });
    expect(outside.statusCode).toBe(404);
    expect((await get(admin, others.id)).version).toBe(others.version);
  });
});
