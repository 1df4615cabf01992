import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { creditCodeCheckChar } from "../rules/archive.ts";

interface Person {
  id: string;
  name: string;
}
interface Customer {
  id: string;
  provinceId: number;
  code: string;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  industrySection: string | null;
  industryDivision: string | null;
  orgUnitId: string;
  orgUnitName: string;
  handsets: number | null;
  status: string;
  accountManager: Person | null;
  customerEngineer: Person | null;
  important: boolean;
  tags: string[];
  grade: string | null;
  valueTier: string | null;
  marketSegment: string | null;
  memberCount: number;
  revenueToDateFen: number;
  version: number;
  updatedAt: string;
}
interface Page {
  items: Customer[];
  total: number;
  totalExact: boolean;
}
interface Unit {
  id: string;
  code: string;
}
interface User {
  id: string;
  username: string;
  roles: string[];
}
interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

let t: TestApp;
let admin: Client;
let units: Map<string, Unit>;
let users: Map<string, User>;
/** Every seeded customer, as admin sees them before any test writes. */
let seeded: Customer[];

const unit = (code: string): Unit => {
  const found = units.get(code);
  if (!found) throw new Error(`no seeded unit ${code}`);
  return found;
};
const user = (username: string): User => {
  const found = users.get(username);
  if (!found) throw new Error(`no seeded user ${username}`);
  return found;
};
const codeOfUnit = (id: string): string => {
  for (const u of units.values()) if (u.id === id) return u.code;
  throw new Error(`unknown unit ${id}`);
};

const list = async (client: Client, query: string): Promise<Page> => {
  const res = await client.get(`/api/v1/customers?${query}`);
  expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
  return res.json();
};
const ids = (page: Page | Customer[]): string[] =>
  (Array.isArray(page) ? page : page.items).map((c) => c.id).sort();
const idsWhere = (pred: (c: Customer) => boolean): string[] => ids(seeded.filter(pred));

const get = async (client: Client, id: string): Promise<Customer> => {
  const res = await client.get(`/api/v1/customers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const audit = async (entityId: string): Promise<AuditRow[]> => {
  const res = await admin.get(`/api/v1/audit?entityType=customer&entityId=${entityId}&limit=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

let serial = 0;
const validCreditCode = (): string => {
  serial += 1;
  const first17 = `91430100MA${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
const create = async (client: Client, body: Record<string, unknown> = {}) =>
  client.post("/api/v1/customers", {
    name: `测试客户${++serial}号有限公司`,
    orgUnitId: unit("430101G1").id,
    ...body,
  });
const created = async (client: Client, body: Record<string, unknown> = {}): Promise<Customer> => {
  const res = await create(client, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  units = new Map(
    ((await admin.get("/api/v1/org/units?limit=200")).json().items as Unit[]).map((u) => [u.code, u]),
  );
  users = new Map(
    ((await admin.get("/api/v1/users?limit=200")).json().items as User[]).map((u) => [u.username, u]),
  );
  seeded = (await list(admin, "limit=200")).items;
});
afterAll(() => t.close());

describe("listing and filtering", () => {
  it("answers { items, total } and filters by one grade", async () => {
    const res = await admin.get("/api/v1/customers?grade=A&limit=20");
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page;
    expect(Object.keys(page).sort()).toEqual(["items", "total", "totalExact"]);
    expect(page.totalExact).toBe(true);
    const expected = idsWhere((c) => c.grade === "A");
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(page.items.length).toBe(Math.min(20, expected.length));
    for (const c of page.items) expect(c.grade).toBe("A");
    const first = page.items[0]!;
    expect(first).toMatchObject({ provinceId: 43, orgUnitName: expect.any(String) });
    expect(typeof first.revenueToDateFen).toBe("number");
    expect(typeof first.memberCount).toBe("number");
  });

  it("every seeded customer was graded, tiered and segmented by the engine", () => {
    expect(seeded).toHaveLength(48);
    for (const c of seeded) {
      expect(["A", "B", "C"]).toContain(c.grade);
      expect(c.valueTier).not.toBeNull();
      expect(c.marketSegment).not.toBeNull();
    }
  });

  it("a comma list of grades is an OR, and the grades partition the archive", async () => {
    const ab = await list(admin, "grade=A,B&limit=200");
    expect(ids(ab)).toEqual(idsWhere((c) => c.grade === "A" || c.grade === "B"));
    const c = await list(admin, "grade=C&limit=200");
    expect(ab.total + c.total).toBe(48);
    expect((await list(admin, "grade=A,%20C")).total).toBe(
      idsWhere((x) => x.grade === "A" || x.grade === "C").length,
    );
  });

  it.each([
    ["valueTier", (c: Customer) => c.valueTier],
    ["marketSegment", (c: Customer) => c.marketSegment],
    ["status", (c: Customer) => c.status],
    ["industrySection", (c: Customer) => c.industrySection],
  ] as const)("filters by %s, each value and two at once", async (param, field) => {
    const values = [...new Set(seeded.map(field))].filter((v): v is string => v !== null).sort();
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) {
      const page = await list(admin, `${param}=${value}&limit=200`);
      expect(ids(page), `${param}=${value}`).toEqual(idsWhere((c) => field(c) === value));
    }
    const [a, b] = values;
    const two = await list(admin, `${param}=${a},${b}&limit=200`);
    expect(ids(two)).toEqual(idsWhere((c) => field(c) === a || field(c) === b));
    expect((await list(admin, `${param}=no_such_value`)).total).toBe(0);
  });

  it("filters by org unit, including its subtree", async () => {
    for (const code of ["4301", "4302", "430101", "430202G2"]) {
      const page = await list(admin, `orgUnitId=${unit(code).id}&limit=200`);
      const expected = idsWhere((c) => codeOfUnit(c.orgUnitId).startsWith(code));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(page), code).toEqual(expected);
    }
    expect((await list(admin, `orgUnitId=${unit("43").id}&limit=200`)).total).toBe(48);
  });

  it("filters by account manager", async () => {
    const am = user("am_demo");
    const page = await list(admin, `accountManagerId=${am.id}&limit=200`);
    const expected = idsWhere((c) => c.accountManager?.id === am.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(page)).toEqual(expected);
    expect((await list(admin, `accountManagerId=${user("cs_mgr").id}`)).total).toBe(0);
  });

  it("filters by the important flag", async () => {
    const yes = await list(admin, "important=true&limit=200");
    const no = await list(admin, "important=false&limit=200");
    expect(ids(yes)).toEqual(idsWhere((c) => c.important));
    expect(yes.total + no.total).toBe(48);
  });

  it("filters by tag", async () => {
    const tags = [...new Set(seeded.flatMap((c) => c.tags))];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      const page = await list(admin, `tag=${encodeURIComponent(tag)}&limit=200`);
      expect(ids(page), tag).toEqual(idsWhere((c) => c.tags.includes(tag)));
    }
    expect((await list(admin, "tag=no_such_tag")).total).toBe(0);
  });

  it("searches a Chinese substring of the name, the exact code and the credit code", async () => {
    const target = seeded.find((c) => c.name.includes("有限公司")) ?? seeded[0]!;
    const fragment = [...target.name].slice(2, 6).join("");
    const byName = await list(admin, `q=${encodeURIComponent(fragment)}&limit=200`);
    expect(ids(byName)).toEqual(
      idsWhere((c) => c.name.includes(fragment) || (c.shortName ?? "").includes(fragment)),
    );
    expect(ids(byName)).toContain(target.id);

    const byCode = await list(admin, `q=${target.code}`);
    expect(byCode.items.map((c) => c.id)).toEqual([target.id]);

    expect(target.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    const byCredit = await list(admin, `q=${target.creditCode}`);
    expect(byCredit.items.map((c) => c.id)).toEqual([target.id]);
    const lower = await list(admin, `q=${target.creditCode!.toLowerCase()}`);
    expect(lower.items.map((c) => c.id)).toEqual([target.id]);
  });

  it("finds one-, two- and longer Chinese fragments of names", async () => {
    const target = seeded.find((c) => [...c.name].length >= 6)!;
    const chars = [...target.name];
    for (const fragment of [chars[1]!, chars.slice(2, 4).join(""), chars.slice(1, 5).join("")]) {
      const page = await list(admin, `q=${encodeURIComponent(fragment)}&limit=200`);
      expect(ids(page), fragment).toEqual(
        idsWhere((c) => c.name.includes(fragment) || (c.shortName ?? "").includes(fragment)),
      );
    }
  });

  it("treats % and _ in the search as text, not wildcards", async () => {
    expect((await list(admin, "q=%25")).total).toBe(0);
    expect((await list(admin, "q=_")).total).toBe(0);
  });

  it("combines filters with AND", async () => {
    const cs = unit("4301").id;
    const page = await list(admin, `orgUnitId=${cs}&grade=C&status=active&limit=200`);
    expect(ids(page)).toEqual(
      idsWhere((c) => codeOfUnit(c.orgUnitId).startsWith("4301") && c.grade === "C" && c.status === "active"),
    );
  });
});

describe("sorting and paging", () => {
  it("sorts by code both ways, and offset pages add up to the whole list", async () => {
    const asc = await list(admin, "sort=code&order=asc&limit=200");
    const desc = await list(admin, "sort=code&order=desc&limit=200");
    expect(asc.total).toBe(48);
    expect(asc.items.map((c) => c.code)).toEqual(seeded.map((c) => c.code).sort());
    expect(desc.items.map((c) => c.id)).toEqual(asc.items.map((c) => c.id).reverse());

    const paged: string[] = [];
    for (let offset = 0; offset < asc.total; offset += 7) {
      const page = await list(admin, `sort=code&order=asc&limit=7&offset=${offset}`);
      expect(page.total).toBe(asc.total);
      expect(page.items.length).toBe(Math.min(7, asc.total - offset));
      paged.push(...page.items.map((c) => c.id));
    }
    expect(paged).toEqual(asc.items.map((c) => c.id));
    expect((await list(admin, "sort=code&offset=48")).items).toEqual([]);
  });

  it("pages stay disjoint when the sort key has ties", async () => {
    const all = await list(admin, "sort=grade&order=asc&limit=200");
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 5) {
      paged.push(
        ...(await list(admin, `sort=grade&order=asc&limit=5&offset=${offset}`)).items.map((c) => c.id),
      );
    }
    expect(paged).toEqual(all.items.map((c) => c.id));
    expect(new Set(paged).size).toBe(48);
  });

  it.each([
    ["grade", (c: Customer) => c.grade ?? ""],
    ["handsets", (c: Customer) => c.handsets ?? 0],
    ["revenueToDate", (c: Customer) => c.revenueToDateFen],
  ] as const)("sorts by %s in the asked direction", async (sort, key) => {
    for (const order of ["asc", "desc"] as const) {
      const items = (await list(admin, `sort=${sort}&order=${order}&limit=200`)).items;
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [key(items[i - 1]!), key(items[i]!)];
        if (order === "asc") expect(a <= b, `${sort} ${order} at ${i}`).toBe(true);
        else expect(a >= b, `${sort} ${order} at ${i}`).toBe(true);
      }
    }
  });

  it("sorts by name by default", async () => {
    const items = (await list(admin, "limit=200")).items;
    const byName = await list(admin, "sort=name&order=asc&limit=200");
    expect(items.map((c) => c.id)).toEqual(byName.items.map((c) => c.id));
  });

  it("clamps a large limit to 200 instead of refusing it", async () => {
    const res = await admin.get("/api/v1/customers?limit=1000");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeLessThanOrEqual(200);
    expect(res.json().items.length).toBe(48);
    expect((await list(admin, "")).items.length).toBe(20);
  });
});

describe("data scope", () => {
  it("admin and the province manager see all 48", async () => {
    expect((await list(admin, "limit=1")).total).toBe(48);
    expect((await list(await t.login("hn_mgr"), "limit=1")).total).toBe(48);
  });

  it("a city manager sees only the city's customers", async () => {
    const cs = await t.login("cs_mgr");
    const page = await list(cs, "limit=200");
    const expected = idsWhere((c) => codeOfUnit(c.orgUnitId).startsWith("4301"));
    expect(page.total).toBe(expected.length);
    expect(page.total).toBeLessThan(48);
    for (const c of page.items) expect(codeOfUnit(c.orgUnitId).startsWith("4301"), c.name).toBe(true);
    expect(ids(page)).toEqual(expected);

    const other = seeded.find((c) => codeOfUnit(c.orgUnitId).startsWith("4302"))!;
    expect((await cs.get(`/api/v1/customers/${other.id}`)).statusCode).toBe(404);
    expect((await cs.get(`/api/v1/customers?orgUnitId=${unit("4302").id}`)).statusCode).toBe(404);
    expect((await list(cs, `q=${other.code}`)).total).toBe(0);
  });

  it("a county manager sees only the county's customers", async () => {
    const fr = await t.login("fr_mgr");
    const page = await list(fr, "limit=200");
    expect(ids(page)).toEqual(idsWhere((c) => codeOfUnit(c.orgUnitId).startsWith("430101")));
    const sibling = seeded.find((c) => codeOfUnit(c.orgUnitId).startsWith("430102"))!;
    expect((await fr.get(`/api/v1/customers/${sibling.id}`)).statusCode).toBe(404);
  });

  it("an account manager sees only the customers they own", async () => {
    const am = await t.login("am_demo");
    const me = am.user.id;
    const page = await list(am, "limit=200");
    expect(page.total).toBeGreaterThan(0);
    for (const c of page.items)
      expect(c.accountManager?.id === me || c.customerEngineer?.id === me).toBe(true);
    expect(ids(page)).toEqual(idsWhere((c) => c.accountManager?.id === me || c.customerEngineer?.id === me));

    const mine = page.items[0]!;
    expect((await am.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(200);
    const other = seeded.find((c) => c.accountManager?.id !== me && c.customerEngineer?.id !== me)!;
    const res = await am.get(`/api/v1/customers/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("customer_not_found");
    expect((await am.get(`/api/v1/customers/${other.id}/overview`)).statusCode).toBe(404);
  });

  it("a partner who owns nothing sees nothing", async () => {
    const partner = await t.login("partner_demo");
    const page = await list(partner, "limit=200");
    expect(page).toEqual({ items: [], total: 0, totalExact: true });
    expect((await partner.get(`/api/v1/customers/${seeded[0]!.id}`)).statusCode).toBe(404);
  });

  it("a role with neither customer:read nor customer:read_own is refused with 403", async () => {
    const hnAdmin = await t.login("hn_admin");
    const role = await hnAdmin.post("/api/v1/roles", {
      code: "org_viewer",
      nameZh: "组织查看",
      nameEn: "Org viewer",
      permissions: ["org:read"],
    });
    expect(role.statusCode, role.body).toBe(201);
    const made = await hnAdmin.post("/api/v1/users", {
      username: "org_viewer1",
      name: "组织查看员",
      password: "Viewer1234",
      roles: ["org_viewer"],
      orgUnitId: unit("4301").id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const viewer = await t.login("org_viewer1", "Viewer1234");
    const res = await viewer.get("/api/v1/customers");
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "permission_denied" });
    expect((await viewer.get(`/api/v1/customers/${seeded[0]!.id}`)).statusCode).toBe(403);
  });

  it("answers 404 for a malformed or unknown id", async () => {
    expect((await admin.get("/api/v1/customers/not-a-uuid")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/customers/0190a000-0000-7000-8000-000000000000")).statusCode).toBe(404);
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/customers" });
    expect(res.statusCode).toBe(401);
  });
});

describe("creating a customer", () => {
  it("201 with a generated JK1… code, status active, and an audit row", async () => {
    const am = user("am0001");
    const creditCode = validCreditCode();
    const res = await create(admin, {
      name: "长沙星城数据服务有限公司",
      creditCode,
      industrySection: "I",
      industryDivision: "65",
      orgUnitId: unit("430102G1").id,
      accountManagerId: am.id,
      handsets: 120,
      tags: ["新建"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Customer;
    expect(c.code).toMatch(/^JK1\d{7}$/);
    expect(c).toMatchObject({
      name: "长沙星城数据服务有限公司",
      creditCode,
      status: "active",
      orgUnitId: unit("430102G1").id,
      accountManager: { id: am.id },
      memberCount: 0,
      revenueToDateFen: 0,
      tags: ["新建"],
    });
    expect(c.version).toBeGreaterThanOrEqual(1);
    expect(await get(admin, c.id)).toMatchObject({ code: c.code, version: c.version });

    const rows = (await audit(c.id)).filter((r) => r.action === "create");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.user.id, after: { code: c.code } });

    const next = await created(admin);
    expect(next.code).toMatch(/^JK1\d{7}$/);
    expect(next.code).not.toBe(c.code);
  });

  it("keeps a code given by the caller and upper-cases the credit code", async () => {
    const code = validCreditCode();
    const c = await created(admin, { code: "CS-0001", creditCode: code.toLowerCase() });
    expect(c.code).toBe("CS-0001");
    expect(c.creditCode).toBe(code);
  });

  it("refuses a credit code with a typo: 400 invalid_credit_code naming creditCode", async () => {
    const good = validCreditCode();
    const typo = `${good.slice(0, 5)}${good[5] === "1" ? "2" : "1"}${good.slice(6)}`;
    const res = await create(admin, { creditCode: typo });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "invalid_credit_code", details: { field: "creditCode" } });
    expect(res.json().message).toContain("creditCode");

    const short = await create(admin, { creditCode: good.slice(0, 17) });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe("invalid_credit_code");
    const letters = await create(admin, { creditCode: `${good.slice(0, 17)}O` });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().code).toBe("invalid_credit_code");
  });

  it("refuses a division outside its section with 400", async () => {
    const res = await create(admin, { industrySection: "J", industryDivision: "13" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "invalid_industry", details: { field: "industryDivision" } });
    const none = await create(admin, { industryDivision: "66" });
    expect(none.statusCode).toBe(400);
    expect((await create(admin, { industrySection: "J", industryDivision: "6" })).statusCode).toBe(400);
  });

  it("refuses an account manager who does not hold that role: 422 not_staff", async () => {
    const res = await create(admin, { accountManagerId: user("cs_mgr").id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "not_staff", details: { field: "accountManagerId" } });
    const unknown = await create(admin, { accountManagerId: "0190a000-0000-7000-8000-000000000001" });
    expect(unknown.statusCode).toBe(422);
  });

  it("refuses a code already used in the province: 409", async () => {
    const before = (await list(admin, "limit=1")).total;
    const res = await create(admin, { code: seeded[0]!.code });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "customer_code_taken", details: { field: "code" } });
    expect((await list(admin, "limit=1")).total).toBe(before);
  });

  it("answers 404 for an org unit outside the caller's scope", async () => {
    const am = await t.login("am_demo");
    const res = await create(am, { orgUnitId: unit("430201G1").id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("org_unit_not_found");
  });

  it("an account manager always owns what they create, and then sees it", async () => {
    const am = await t.login("am_demo");
    const other = user("am0001");
    const res = await create(am, { name: "芙蓉新开客户有限公司", accountManagerId: other.id });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Customer;
    expect(c.accountManager?.id).toBe(am.user.id);
    expect((await am.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(200);
    expect(ids(await list(am, "limit=200"))).toContain(c.id);
    expect((await get(admin, c.id)).accountManager?.id).toBe(am.user.id);
  });

  it("agents without customer:write cannot create", async () => {
    const agent = await t.login("agent_demo");
    const res = await create(agent);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: "permission_denied",
      details: { permission: "customer:write" },
    });
  });

  it("validates the body: a one-character name is 400", async () => {
    const res = await create(admin, { name: "甲" });
    expect(res.statusCode).toBe(400);
  });
});

describe("updating a customer", () => {
  it("applies a change with the current version and bumps it, leaving an audit row", async () => {
    const c = await created(admin);
    const res = await admin.patch(`/api/v1/customers/${c.id}`, {
      version: c.version,
      notes: "年度走访已完成",
      important: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = c.version + 1;
    expect(res.json()).toMatchObject({
      id: c.id,
      version: v,
      notes: "年度走访已完成",
      important: true,
      name: c.name,
    });
    expect(await get(admin, c.id)).toMatchObject({ version: v, important: true });
    const updates = (await audit(c.id)).filter((r) => r.action === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0]!.before).toMatchObject({ version: c.version, important: false });
    expect(updates[0]!.after).toMatchObject({ version: v, important: true });

    const bigger = await admin.patch(`/api/v1/customers/${c.id}`, { version: v, handsets: 321 });
    expect(bigger.statusCode, bigger.body).toBe(200);
    expect(bigger.json().handsets).toBe(321);
    expect(bigger.json().version).toBeGreaterThan(v);
    expect((await get(admin, c.id)).version).toBe(bigger.json().version);
  });

  it("refuses a stale version with 409 and the current record", async () => {
    const c = await created(admin);
    const first = await admin.patch(`/api/v1/customers/${c.id}`, { version: c.version, notes: "第一次" });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/customers/${c.id}`, { version: c.version, notes: "第二次" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      details: { current: { id: c.id, version: c.version + 1, notes: "第一次" } },
    });
    expect(await get(admin, c.id)).toMatchObject({ version: c.version + 1, notes: "第一次" });
  });

  it("validates an update like a create", async () => {
    const c = await created(admin, { industrySection: "J", industryDivision: "66" });
    const { version } = c;
    const bad = await admin.patch(`/api/v1/customers/${c.id}`, { version, industryDivision: "13" });
    expect(bad.statusCode).toBe(400);
    const credit = await admin.patch(`/api/v1/customers/${c.id}`, { version, creditCode: "123" });
    expect(credit.statusCode).toBe(400);
    const staff = await admin.patch(`/api/v1/customers/${c.id}`, {
      version,
      accountManagerId: user("agent_demo").id,
    });
    expect(staff.statusCode).toBe(422);
    expect((await get(admin, c.id)).version).toBe(version);
  });

  it("a service agent without customer:write gets 403", async () => {
    const agent = await t.login("agent_demo");
    const target = seeded[0]!;
    const res = await agent.patch(`/api/v1/customers/${target.id}`, { version: target.version, notes: "x" });
    expect(res.statusCode).toBe(403);
    expect((await get(admin, target.id)).version).toBe(target.version);
  });

  it("a city manager, even one allowed to write, cannot touch another city's customer: 404, nothing changes", async () => {
    const hnAdmin = await t.login("hn_admin");
    const role = (
      (await hnAdmin.get("/api/v1/roles")).json().items as {
        code: string;
        version: number;
        permissions: string[];
      }[]
    ).find((r) => r.code === "city_manager")!;
    const granted = await hnAdmin.put("/api/v1/roles/city_manager/permissions", {
      version: role.version,
      permissions: [...role.permissions, "customer:write"],
    });
    expect(granted.statusCode, granted.body).toBe(200);

    const zz = await t.login("zz_mgr");
    const target = seeded.find((c) => codeOfUnit(c.orgUnitId).startsWith("4301"))!;
    const before = await get(admin, target.id);
    const res = await zz.patch(`/api/v1/customers/${target.id}`, { version: before.version, name: "被改名" });
    expect(res.statusCode).toBe(404);
    const status = await zz.post(`/api/v1/customers/${target.id}/status`, {
      version: before.version,
      status: "churned",
      reason: "跨市修改",
    });
    expect(status.statusCode).toBe(404);
    const after = await get(admin, target.id);
    expect(after).toMatchObject({ name: before.name, version: before.version, status: before.status });
    expect((await audit(target.id)).filter((r) => r.actorId === zz.user.id)).toEqual([]);

    const own = seeded.find((c) => codeOfUnit(c.orgUnitId).startsWith("4302"))!;
    const current = await get(admin, own.id);
    const ok = await zz.patch(`/api/v1/customers/${own.id}`, { version: current.version, notes: "株洲备注" });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = await zz.patch(`/api/v1/customers/${own.id}`, {
      version: ok.json().version,
      orgUnitId: unit("430101G1").id,
    });
    expect(moved.statusCode).toBe(404);
    expect((await get(admin, own.id)).orgUnitId).toBe(own.orgUnitId);

    const restored = await hnAdmin.put("/api/v1/roles/city_manager/permissions", {
      version: role.version + 1,
      permissions: role.permissions,
    });
    expect(restored.statusCode).toBe(200);
  });

  it("an account manager cannot hand their customer to someone else by editing it", async () => {
    const am = await t.login("am_demo");
    const mine = (await list(am, "limit=1")).items[0]!;
    const res = await am.patch(`/api/v1/customers/${mine.id}`, {
      version: mine.version,
      accountManagerId: user("am0001").id,
      notes: "交接",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accountManager: { id: am.user.id }, notes: "交接" });
  });
});

describe("status lifecycle", () => {
  const move = (c: Customer, status: string, version: number) =>
    admin.post(`/api/v1/customers/${c.id}/status`, { version, status, reason: `变为${status}` });

  it("active → at_risk → churned → won_back, each kept in the overview's history and the audit log", async () => {
    const c = await created(admin);
    let { version } = c;
    for (const status of ["at_risk", "churned", "won_back"]) {
      const res = await move(c, status, version);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status, version: version + 1 });
      version += 1;
    }
    const overview = (await admin.get(`/api/v1/customers/${c.id}/overview`)).json();
    expect(overview.customer.status).toBe("won_back");
    expect(
      overview.statusHistory.map((h: { fromStatus: string | null; toStatus: string }) => [
        h.fromStatus,
        h.toStatus,
      ]),
    ).toEqual([
      ["churned", "won_back"],
      ["at_risk", "churned"],
      ["active", "at_risk"],
      [null, "active"],
    ]);
    expect(overview.statusHistory[0].reason).toBe("变为won_back");
    const changes = (await audit(c.id)).filter((r) => r.action === "status_change");
    expect(changes).toHaveLength(3);
    expect(changes.map((r) => (r.after as { status: string }).status).sort()).toEqual(
      ["at_risk", "churned", "won_back"].sort(),
    );
  });

  it("a churned customer cannot become active directly: 422 invalid_status_change", async () => {
    const c = await created(admin);
    expect((await move(c, "churned", c.version)).statusCode).toBe(200);
    const res = await move(c, "active", c.version + 1);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "invalid_status_change", details: { allowed: ["won_back"] } });
    expect(await get(admin, c.id)).toMatchObject({ status: "churned", version: c.version + 1 });
  });

  it("a potential customer cannot become at risk, and a stale version is 409", async () => {
    const c = await created(admin, { status: "potential" });
    expect(c.status).toBe("potential");
    expect((await move(c, "at_risk", c.version)).statusCode).toBe(422);
    expect((await move(c, "active", c.version + 5)).statusCode).toBe(409);
    expect((await move(c, "active", c.version)).statusCode).toBe(200);
  });

  it("a reason is required", async () => {
    const c = await created(admin);
    const res = await admin.post(`/api/v1/customers/${c.id}/status`, {
      version: c.version,
      status: "at_risk",
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("personal data", () => {
  const MASKED = /^1\d{2}\*{4}\d{4}$/;
  const PLAIN = /^1[3-9]\d{9}$/;
  const withMembers = () =>
    seeded.find((c) => codeOfUnit(c.orgUnitId).startsWith("4301") && c.memberCount > 0)!;

  const view = async (client: Client, id: string) => {
    const overview = await client.get(`/api/v1/customers/${id}/overview`);
    expect(overview.statusCode).toBe(200);
    const members = await client.get(`/api/v1/customers/${id}/members?limit=50`);
    expect(members.statusCode).toBe(200);
    return {
      mobiles: (overview.json().contacts as { id: string; mobile: string | null }[]).map((c) => c.mobile),
      msisdns: (members.json().items as { msisdn: string }[]).map((m) => m.msisdn),
      body: overview.body + members.body,
    };
  };

  it.each(["hn_mgr", "cs_mgr"])(
    "%s (no pii:read) sees mobiles and lines masked as 138****5678",
    async (name) => {
      const client = await t.login(name);
      const target = withMembers();
      const plain = await view(admin, target.id);
      const masked = await view(client, target.id);
      expect(masked.mobiles.length).toBe(3);
      expect(masked.msisdns.length).toBeGreaterThan(0);
      for (const m of [...masked.mobiles, ...masked.msisdns]) expect(m).toMatch(MASKED);
      for (const m of [...plain.mobiles, ...plain.msisdns]) {
        expect(m).toMatch(PLAIN);
        expect(masked.body).not.toContain(m!);
      }
      const maskedSet = new Set(masked.msisdns);
      for (const m of plain.msisdns) expect(maskedSet.has(`${m.slice(0, 3)}****${m.slice(-4)}`)).toBe(true);
    },
  );

  it("admin (pii:read) sees them in full", async () => {
    const plain = await view(admin, withMembers().id);
    expect(plain.mobiles.length).toBe(3);
    for (const m of [...plain.mobiles, ...plain.msisdns]) expect(m).toMatch(PLAIN);
  });
});
