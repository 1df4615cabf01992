import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

interface Customer {
  id: string;
  name: string;
  status: string;
  orgUnitId: string;
  memberCount: number;
  revenueToDateFen: number;
  version: number;
  accountManager: { id: string; name: string } | null;
}
interface Month {
  month: string;
  groupPaidFen: number;
  memberPaidFen: number;
}
interface Overview {
  customer: Customer & {
    grade: string | null;
    valueTier: string | null;
    revenueLast12MonthsFen: number;
  };
  members: {
    total: number;
    groupPaid: number;
    memberPaid: number;
    authentic: number;
    authenticityRate: number;
  };
  contacts: { id: string; decisionRole: string; reportsToId: string | null }[];
  products: unknown[];
  tickets: unknown[];
  visits: unknown[];
  risk: unknown;
  revenue: Month[];
  gradeHistory: {
    kind: string;
    fromValue: string | null;
    toValue: string | null;
    ruleId: string | null;
    reason: string;
  }[];
  statusHistory: { fromStatus: string | null; toStatus: string; reason: string | null }[];
  subsidiaries: { id: string; name: string; orgUnitName: string }[];
}

let t: TestApp;
let admin: Client;
let customers: Customer[];

const overview = async (client: Client, id: string): Promise<Overview> => {
  const res = await client.get(`/api/v1/customers/${id}/overview`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const thisYear = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 4);
const total = (m: Month) => m.groupPaidFen + m.memberPaidFen;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  customers = (await admin.get("/api/v1/customers?limit=200")).json().items;
});
afterAll(() => t.close());

describe("the 360° overview", () => {
  it("holds the header, members, key persons, revenue and history in one document", async () => {
    const target = customers.find((c) => c.status === "active" && c.memberCount > 0)!;
    const o = await overview(admin, target.id);
    expect(Object.keys(o).sort()).toEqual(
      [
        "contacts",
        "customer",
        "gradeHistory",
        "members",
        "parentGroup",
        "products",
        "revenue",
        "risk",
        "statusHistory",
        "subsidiaries",
        "tickets",
        "visits",
      ].sort(),
    );
    expect(o.customer).toMatchObject({
      id: target.id,
      name: target.name,
      status: "active",
      accountManager: { id: target.accountManager?.id, name: expect.any(String) },
      revenueToDateFen: expect.any(Number),
      revenueLast12MonthsFen: expect.any(Number),
    });
    expect(o.customer.grade).toMatch(/^[ABC]$/);
    expect(o.customer.valueTier).toEqual(expect.any(String));
    expect(o.products).toEqual([]);
    expect(o.tickets).toEqual([]);
    expect(o.visits).toEqual([]);
    expect(o.risk).toBeNull();
    expect(o.contacts).toHaveLength(3);
    expect(o.statusHistory).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "active" })]);
    expect(Array.isArray(o.subsidiaries)).toBe(true);
  });

  it("the members summary counts the same lines as the members list", async () => {
    for (const c of customers.slice(0, 6)) {
      const o = await overview(admin, c.id);
      const list = (await admin.get(`/api/v1/customers/${c.id}/members?limit=1`)).json();
      expect(o.members.total, c.name).toBe(list.total);
      expect(o.members.total).toBe(c.memberCount);
      expect(o.members.groupPaid + o.members.memberPaid).toBe(o.members.total);
      expect(o.members.authentic).toBeLessThanOrEqual(o.members.total);
      expect(o.members.authenticityRate).toBeCloseTo(
        o.members.total === 0 ? 0 : o.members.authentic / o.members.total,
        10,
      );
      const groupPaid = (await admin.get(`/api/v1/customers/${c.id}/members?payer=group&limit=1`)).json();
      expect(o.members.groupPaid).toBe(groupPaid.total);
    }
  });

  it("shows at most 24 months of revenue, oldest first, one entry per month", async () => {
    const withRevenue = customers.filter((c) => c.status !== "potential").slice(0, 5);
    for (const c of withRevenue) {
      const { revenue } = await overview(admin, c.id);
      expect(revenue.length, c.name).toBeGreaterThan(0);
      expect(revenue.length).toBeLessThanOrEqual(24);
      for (const m of revenue) {
        expect(m.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        expect(Number.isInteger(m.groupPaidFen) && Number.isInteger(m.memberPaidFen)).toBe(true);
      }
      const months = revenue.map((m) => m.month);
      expect(months).toEqual([...months].sort());
      expect(new Set(months).size).toBe(months.length);
    }
  });

  it("revenue to date is this calendar year's months (Asia/Shanghai), summed over product lines", async () => {
    const year = thisYear();
    let checked = 0;
    for (const c of customers) {
      const o = await overview(admin, c.id);
      const ytd = o.revenue.filter((m) => m.month.startsWith(year)).reduce((s, m) => s + total(m), 0);
      expect(o.customer.revenueToDateFen, c.name).toBe(ytd);
      expect(c.revenueToDateFen).toBe(ytd);
      const last12 = o.revenue.slice(-12).reduce((s, m) => s + total(m), 0);
      expect(o.customer.revenueLast12MonthsFen).toBe(last12);
      if (ytd > 0) checked++;
    }
    if (new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(5, 7) !== "01") {
      expect(checked).toBeGreaterThan(0);
    }
  });

  it("keeps to 24 months when the current month already has revenue", async () => {
    const c = customers.find((x) => x.status === "active" && x.revenueToDateFen > 0)!;
    const before = await overview(admin, c.id);
    expect(before.revenue).toHaveLength(24);
    await t.database.db.execute(sql`insert into revenue_fact (province_id, customer_id, month, product_line, group_paid_fen, member_paid_fen)
      values (43, ${c.id}, date_trunc('month', now() at time zone 'Asia/Shanghai')::date, 'one_off_project', 12345, 55)`);
    const after = await overview(admin, c.id);
    expect(after.revenue).toHaveLength(24);
    const current = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 7);
    expect(after.revenue.at(-1)).toMatchObject({ month: current });
    expect(after.revenue.map((m) => m.month)).toEqual(
      before.revenue
        .slice(1)
        .map((m) => m.month)
        .concat(current),
    );
    expect(after.customer.revenueToDateFen).toBe(before.customer.revenueToDateFen + 12400);
    const ytd = after.revenue.filter((m) => m.month.startsWith(thisYear())).reduce((s, m) => s + total(m), 0);
    expect(after.customer.revenueToDateFen).toBe(ytd);
  });

  it("a potential customer has no revenue yet", async () => {
    const potential = customers.find((c) => c.status === "potential");
    expect(potential).toBeDefined();
    const o = await overview(admin, potential!.id);
    expect(o.revenue).toEqual([]);
    expect(o.customer.revenueToDateFen).toBe(0);
    expect(o.customer.revenueLast12MonthsFen).toBe(0);
  });

  it("the grade history says which rule set each class and why", async () => {
    const o = await overview(admin, customers[0]!.id);
    const kinds = o.gradeHistory.map((g) => g.kind).sort();
    expect(kinds).toEqual(expect.arrayContaining(["grade", "market_segment", "value_tier"]));
    const grade = o.gradeHistory.find((g) => g.kind === "grade")!;
    expect(grade).toMatchObject({ fromValue: null, toValue: o.customer.grade });
    expect(grade.reason.length).toBeGreaterThan(0);
    if (o.customer.grade === "C") expect(grade.ruleId).toBeNull();
    else expect(grade.ruleId).toMatch(/^[ab]_/);
  });

  it("key persons come decision makers first, and the others report to them", async () => {
    const o = await overview(admin, customers[1]!.id);
    expect(o.contacts[0]?.decisionRole).toBe("decision_maker");
    const boss = o.contacts[0]!;
    expect(boss.reportsToId).toBeNull();
    for (const c of o.contacts.slice(1)) expect(c.reportsToId).toBe(boss.id);
  });

  it("lists a group's subsidiaries", async () => {
    const [parent, child] = [customers[2]!, customers[3]!];
    const before = (await overview(admin, parent.id)).subsidiaries.length;
    const res = await admin.patch(`/api/v1/customers/${child.id}`, {
      version: child.version,
      parentId: parent.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = await overview(admin, parent.id);
    expect(o.subsidiaries).toHaveLength(before + 1);
    expect(o.subsidiaries).toContainEqual({
      id: child.id,
      name: child.name,
      orgUnitName: expect.any(String),
    });
    expect((await overview(admin, child.id)).subsidiaries.map((s) => s.id)).not.toContain(parent.id);
  });
});

describe("who may open it", () => {
  it("answers 404 for a malformed or unknown id", async () => {
    for (const id of [
      "nope",
      "1234",
      "0190a000-0000-7000-8000-00000000000z",
      "0190a000-0000-7000-8000-000000000000",
    ]) {
      const res = await admin.get(`/api/v1/customers/${id}/overview`);
      expect(res.statusCode, id).toBe(404);
      expect(res.json().code).toBe("customer_not_found");
    }
  });

  it("answers 404 for a customer outside the caller's scope", async () => {
    const zz = await t.login("zz_mgr");
    const am = await t.login("am_demo");
    const partner = await t.login("partner_demo");
    const theirs = new Set(
      ((await zz.get("/api/v1/customers?limit=200")).json().items as Customer[]).map((c) => c.id),
    );
    const outside = customers.find((c) => !theirs.has(c.id))!;
    expect((await zz.get(`/api/v1/customers/${outside.id}/overview`)).statusCode).toBe(404);
    const inside = customers.find((c) => theirs.has(c.id))!;
    expect((await zz.get(`/api/v1/customers/${inside.id}/overview`)).statusCode).toBe(200);

    const notMine = customers.find((c) => c.accountManager?.id !== am.user.id)!;
    expect((await am.get(`/api/v1/customers/${notMine.id}/overview`)).statusCode).toBe(404);
    const mine = customers.find((c) => c.accountManager?.id === am.user.id)!;
    expect((await overview(am, mine.id)).customer.id).toBe(mine.id);
    expect((await partner.get(`/api/v1/customers/${mine.id}/overview`)).statusCode).toBe(404);
  });
});
