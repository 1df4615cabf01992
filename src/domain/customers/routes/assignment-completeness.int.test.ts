import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

let t: TestApp;
let admin: Client;
let csMgr: Client;
interface Item {
  id: string;
  accountManager: { id: string } | null;
  orgUnitId: string;
  version: number;
}
const customersOf = async (client: Client, query = "") =>
  (await client.get(`/api/v1/customers?limit=200${query}`)).json() as { items: Item[]; total: number };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  csMgr = await t.login("cs_mgr");
});
afterAll(() => t.close());

describe("assigning customers to account managers", () => {
  it("moves customers in bulk with a reason, keeps the history and tells the new owner", async () => {
    const load = (await csMgr.get("/api/v1/account-managers/load")).json();
    expect(load.total).toBeGreaterThan(1);
    const target = load.items.at(-1);
    const moving = (await customersOf(csMgr)).items
      .filter((c) => c.accountManager?.id !== target.id)
      .slice(0, 3);
    const res = await csMgr.post("/api/v1/customers/assign", {
      customerIds: moving.map((c) => c.id),
      accountManagerId: target.id,
      reason: "网格调整",
    });
    expect(res.json()).toEqual({ assigned: 3, unchanged: 0 });
    for (const c of moving) {
      const after = (await csMgr.get(`/api/v1/customers/${c.id}`)).json();
      expect(after.accountManager.id).toBe(target.id);
      expect(after.version).toBe(c.version + 1);
      const history = (await csMgr.get(`/api/v1/customers/${c.id}/assignments`)).json();
      expect(history.items[0]).toMatchObject({ toAccountManager: { id: target.id }, reason: "网格调整" });
    }
    const newLoad = (await csMgr.get("/api/v1/account-managers/load")).json();
    const before = load.items.find((i: { id: string }) => i.id === target.id).customers;
    expect(newLoad.items.find((i: { id: string }) => i.id === target.id).customers).toBe(before + 3);
    const audit = (await admin.get(`/api/v1/audit?action=assign&entityId=${moving[0]!.id}`)).json();
    expect(audit.total).toBe(1);
    const inbox = (await (await t.login(target.username)).get("/api/v1/notifications?unread=true")).json();
    expect(inbox.items.find((n: { kind: string }) => n.kind === "customers_assigned")?.params).toMatchObject({
      count: 3,
    });
  });

  it("is all or nothing: one customer outside the scope refuses the whole transfer", async () => {
    const own = (await customersOf(csMgr)).items[0]!;
    const zzOnly = (await customersOf(await t.login("zz_mgr"))).items[0]!;
    const target = (await csMgr.get("/api/v1/account-managers/load")).json().items[0];
    const res = await csMgr.post("/api/v1/customers/assign", {
      customerIds: [own.id, zzOnly.id],
      accountManagerId: target.id,
      reason: "越权转移",
    });
    expect(res.statusCode).toBe(404);
    expect((await admin.get(`/api/v1/customers/${own.id}`)).json().version).toBe(own.version);
  });

  it("refuses a receiver who is not an account manager, and staff without customer:assign", async () => {
    const own = (await customersOf(csMgr)).items[0]!;
    const notAm = (await admin.get("/api/v1/users?role=service_agent&limit=1")).json().items[0];
    const res = await csMgr.post("/api/v1/customers/assign", {
      customerIds: [own.id],
      accountManagerId: notAm.id,
      reason: "测试",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("not_staff");
    const am = await t.login("am_demo");
    expect(
      (
        await am.post("/api/v1/customers/assign", {
          customerIds: [own.id],
          accountManagerId: null,
          reason: "测试",
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("archive completeness", () => {
  it("reports rates by class against the 001 targets, member authenticity and missing fields", async () => {
    const res = await csMgr.get("/api/v1/archive/completeness");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const total = body.byClass.reduce((s: number, c: { customers: number }) => s + c.customers, 0);
    expect(total).toBe((await customersOf(csMgr)).total);
    for (const c of body.byClass) {
      expect(c.rate).toBeCloseTo(c.customers === 0 ? 0 : c.complete / c.customers);
      if (c.grade === "C") expect(c.target).toBe(0.8);
      if (c.grade === "A" || c.grade === "B") expect(c.target).toBe(0.95);
    }
    expect(body.memberAuthenticity.target).toBe(1);
    expect(body.memberAuthenticity.authentic).toBeLessThanOrEqual(body.memberAuthenticity.members);
    // 长沙's children are its counties, and their customers add up to the city's.
    const byUnit = body.byOrgUnit.reduce((s: number, u: { customers: number }) => s + u.customers, 0);
    expect(byUnit).toBe(total);
  });

  it("counts a customer as incomplete once a required field is cleared, and names the field", async () => {
    const target = (await customersOf(csMgr)).items[0]!;
    const before = (await csMgr.get(`/api/v1/customers/${target.id}/completeness`)).json();
    const cleared = await admin.patch(`/api/v1/customers/${target.id}`, {
      version: target.version,
      address: null,
    });
    expect(cleared.statusCode).toBe(200);
    const after = (await csMgr.get(`/api/v1/customers/${target.id}/completeness`)).json();
    expect(after.missing).toContain("address");
    expect(after.complete).toBe(false);
    expect(after.score).toBeLessThan(before.score === 100 ? 100 : before.score + 1);
    const summary = (await csMgr.get("/api/v1/archive/completeness")).json();
    expect(
      summary.missing.find((m: { field: string }) => m.field === "address").customers,
    ).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 for a customer outside the scope", async () => {
    const zzCustomer = (await customersOf(await t.login("zz_mgr"))).items[0]!;
    expect((await csMgr.get(`/api/v1/customers/${zzCustomer.id}/completeness`)).statusCode).toBe(404);
  });
});
