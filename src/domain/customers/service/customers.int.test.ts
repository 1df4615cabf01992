import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { systemActor } from "../../org/index.ts";
import { CustomerListQuery } from "../contracts.ts";
import { listCustomers } from "./customers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The province holds 200,000 customers; an exact count of them all costs more than the page. The cap
// is 10,000 in production; a small one shows the same behaviour on the test archive.
it("counts exactly up to the cap, then reports the cap and says it is not exact", async () => {
  const actor = await systemActor(t.database.db);
  const query = CustomerListQuery.parse({ limit: "5" });
  const exact = await listCustomers(t.database.db, actor, query, { countCap: 10_000 });
  expect(exact.totalExact).toBe(true);
  expect(exact.total).toBeGreaterThan(7);

  const capped = await listCustomers(t.database.db, actor, query, { countCap: 7 });
  expect(capped).toMatchObject({ total: 7, totalExact: false });
  expect(capped.items.map((c) => c.id)).toEqual(exact.items.map((c) => c.id));

  const atCap = await listCustomers(t.database.db, actor, query, { countCap: exact.total });
  expect(atCap).toMatchObject({ total: exact.total, totalExact: true });
});

it("finds Latin text in the short name whatever its case, by adjacent characters only", async () => {
  const admin = await t.login("hn_admin");
  const units = (await admin.get("/api/v1/org/units?level=grid&limit=1")).json().items as { id: string }[];
  const res = await admin.post("/api/v1/customers", {
    name: "拉丁简称测试有限公司",
    shortName: "AbcTech云",
    orgUnitId: units[0]!.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const found = async (q: string) =>
    (
      (await admin.get(`/api/v1/customers?q=${encodeURIComponent(q)}&limit=200`)).json().items as {
        id: string;
      }[]
    ).map((c) => c.id);
  for (const q of ["abctech", "ABC", "Tech云", "c", "简称测试"]) expect(await found(q), q).toContain(id);
  // Both letters of "Ac" are in "AbcTech", but not side by side.
  expect(await found("Ac")).not.toContain(id);
  expect(await found("Tech 云")).not.toContain(id);
});

it("pages by keyset after the last row read, in either direction, to the same rows as one long page", async () => {
  const db = t.database.db;
  const actor = await systemActor(db);
  for (const [sort, order] of [
    ["name", "asc"],
    ["name", "desc"],
    ["code", "desc"],
  ] as const) {
    const whole = await listCustomers(db, actor, CustomerListQuery.parse({ limit: "200", sort, order }));
    const seen: string[] = [];
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const page = await listCustomers(db, actor, CustomerListQuery.parse({ limit: "7", sort, order }), {
        after,
      });
      seen.push(...page.items.map((c) => c.id));
      if (page.items.length < 7) break;
      const last = page.items[page.items.length - 1]!;
      after = { key: last[sort], id: last.id };
    }
    expect(seen, `${sort} ${order}`).toEqual(whole.items.map((c) => c.id));
  }
});
