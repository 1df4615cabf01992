import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

let t: TestApp;
let hnAdmin: Client;
const year = Number(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 4));
interface Entry {
  rank: number;
  spendFen: number;
  customer: { id: string; name: string };
}

beforeAll(async () => {
  t = await createTestApp();
  hnAdmin = await t.login("hn_admin");
});
afterAll(() => t.close());

describe("the yearly key-account list (003)", () => {
  it("ranks the province's customers by the prior year's spend, top 5% by default", async () => {
    const res = await hnAdmin.post("/api/v1/key-accounts/rebuild", { year });
    expect(res.statusCode).toBe(200);
    const built = res.json();
    expect(built.size).toBe(Math.max(1, Math.round(built.spenders * 0.05)));
    const list = (await hnAdmin.get(`/api/v1/key-accounts?year=${year}&limit=200`)).json();
    expect(list.total).toBe(built.size);
    const items = list.items as Entry[];
    expect(items.map((i) => i.rank)).toEqual(items.map((_, i) => i + 1));
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]!.spendFen).toBeGreaterThanOrEqual(items[i]!.spendFen);
    // The top spender of the list spent more last year than any customer left off it.
    const overview = (await hnAdmin.get(`/api/v1/customers/${items[0]!.customer.id}/overview`)).json();
    expect(overview.customer.id).toBe(items[0]!.customer.id);
  });

  it("is rebuilt whole with the size asked for, and audited", async () => {
    expect((await hnAdmin.post("/api/v1/key-accounts/rebuild", { year, size: 10 })).json().size).toBe(10);
    expect((await hnAdmin.get(`/api/v1/key-accounts?year=${year}`)).json().total).toBe(10);
    const audit = (
      await (await t.login("admin")).get(`/api/v1/audit?entityType=key_account_list&entityId=${year}`)
    ).json();
    expect(audit.total).toBe(2);
  });

  it("shows each manager only the key accounts of its own scope", async () => {
    const all = (await hnAdmin.get(`/api/v1/key-accounts?year=${year}&limit=200`)).json().items as Entry[];
    const cs = await t.login("cs_mgr");
    const mine = (await cs.get(`/api/v1/key-accounts?year=${year}&limit=200`)).json().items as Entry[];
    const visible = new Set(
      ((await cs.get("/api/v1/customers?limit=200")).json().items as { id: string }[]).map((c) => c.id),
    );
    expect(mine.every((e) => visible.has(e.customer.id))).toBe(true);
    expect(mine.length).toBe(all.filter((e) => visible.has(e.customer.id)).length);
  });

  it("may be rebuilt only with grading:write and a province-wide scope", async () => {
    const cs = await t.login("cs_mgr");
    expect((await cs.post("/api/v1/key-accounts/rebuild", { year })).statusCode).toBe(403);
    const admin = await t.login("admin");
    const unit = (await admin.get("/api/v1/org/units?q=4301"))
      .json()
      .items.find((u: { code: string }) => u.code === "4301");
    const created = await admin.post("/api/v1/users", {
      username: "cs_analyst",
      name: "长沙分析师",
      password: "Analyst123",
      roles: ["analyst"],
      orgUnitId: unit.id,
    });
    expect(created.statusCode).toBe(201);
    const analyst = await t.login("cs_analyst", "Analyst123");
    const res = await analyst.post("/api/v1/key-accounts/rebuild", { year });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("out_of_scope");
  });
});

describe("group HQ", () => {
  it("names the province it acts on; a province cannot act on another", async () => {
    const admin = await t.login("admin");
    const res = await admin.post("/api/v1/key-accounts/rebuild", { year, size: 3, provinceId: 43 });
    expect(res.json()).toMatchObject({ size: 3 });
    const sets = (await admin.get("/api/v1/grading/rule-sets?provinceId=43&kind=grade")).json();
    expect(sets.items.some((s: { status: string }) => s.status === "active")).toBe(true);
    const other = await hnAdmin.post("/api/v1/key-accounts/rebuild", { year, provinceId: 11 });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe("out_of_scope");
  });
});
