import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

interface Unit {
  id: string;
  provinceId: number;
  parentId: string | null;
  level: string;
  code: string;
  name: string;
  active: boolean;
  childCount: number;
  userCount: number;
  version: number;
}

let t: TestApp;
let admin: Client;
let units: Map<string, Unit>;

const unit = (code: string): Unit => {
  const found = units.get(code);
  if (!found) throw new Error(`no seeded unit ${code}`);
  return found;
};

const listUnits = async (client: Client, query = "") => {
  const res = await client.get(`/api/v1/org/units?limit=200${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Unit[]; total: number };
};

const getUnit = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/org/units/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Unit;
};

const auditOf = async (id: string) => {
  const res = await admin.get(`/api/v1/audit?entityType=org_unit&entityId=${id}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { action: string; before: unknown; after: unknown }[]; total: number };
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  units = new Map((await listUnits(admin)).items.map((u) => [u.code, u]));
});
afterAll(() => t.close());

describe("reading the tree", () => {
  it("lists every unit in scope with a total: the whole tree for the HQ admin, a city's subtree for its manager", async () => {
    const all = await listUnits(admin);
    expect(all.total).toBe(16);
    expect(all.items).toHaveLength(16);
    expect(all.items.filter((u) => u.level === "grid")).toHaveLength(8);

    const city = await listUnits(await t.login("cs_mgr"));
    expect(city.total).toBe(7);
    expect(city.items.map((u) => u.code).sort()).toEqual(
      ["4301", "430101", "430101G1", "430101G2", "430102", "430102G1", "430102G2"].sort(),
    );
  });

  it("gives the direct children of a unit with their child counts", async () => {
    const res = await listUnits(admin, `&parentId=${unit("4301").id}`);
    expect(res.total).toBe(2);
    expect(res.items.map((u) => u.name).sort()).toEqual(["天心分公司", "芙蓉分公司"].sort());
    for (const county of res.items) {
      expect(county).toMatchObject({ level: "county", parentId: unit("4301").id, childCount: 2 });
    }
    expect(unit("4301").childCount).toBe(2);
    expect(unit("430101G1").childCount).toBe(0);
  });

  it("finds units by a Chinese substring of the name, or by code", async () => {
    const byName = await listUnits(admin, `&q=${encodeURIComponent("芙蓉")}`);
    expect(byName.total).toBe(3);
    expect(byName.items.map((u) => u.code).sort()).toEqual(["430101", "430101G1", "430101G2"]);
    for (const u of byName.items) expect(u.name).toContain("芙蓉");

    const grids = await listUnits(admin, "&q=430201G");
    expect(grids.items.map((u) => u.code).sort()).toEqual(["430201G1", "430201G2"]);
  });

  it("clamps a large limit instead of refusing it, and pages consistently with the total", async () => {
    const res = await admin.get("/api/v1/org/units?limit=1000");
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Unit[]; total: number };
    expect(body.items.length).toBeLessThanOrEqual(200);
    expect(body.items).toHaveLength(body.total);

    const seen: string[] = [];
    for (let offset = 0; offset < body.total; offset += 5) {
      const paged = (await admin.get(`/api/v1/org/units?limit=5&offset=${offset}`)).json() as {
        items: Unit[];
        total: number;
      };
      expect(paged.total).toBe(body.total);
      expect(paged.items.length).toBeLessThanOrEqual(5);
      seen.push(...paged.items.map((u) => u.id));
    }
    expect(new Set(seen).size).toBe(body.total);
  });

  it("answers 404 for a malformed or unknown id, and 403 without org:read", async () => {
    for (const id of ["not-a-uuid", "12345", "01900000-0000-7000-8000-000000000000"]) {
      const res = await admin.get(`/api/v1/org/units/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.json().code).toBe("org_unit_not_found");
    }
    const patched = await admin.patch("/api/v1/org/units/not-a-uuid", { version: 1, name: "x" });
    expect(patched.statusCode).toBe(404);

    const partner = await t.login("partner_demo");
    const res = await partner.get("/api/v1/org/units");
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "permission_denied", details: { permission: "org:read" } });
  });
});

describe("changing the tree", () => {
  it("creates a child unit, audited, and shows it to the managers above it", async () => {
    const res = await admin.post("/api/v1/org/units", {
      parentId: unit("430101").id,
      level: "grid",
      code: "430101G9",
      name: "芙蓉试点网格",
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as Unit;
    expect(created).toMatchObject({
      provinceId: 43,
      parentId: unit("430101").id,
      level: "grid",
      code: "430101G9",
      name: "芙蓉试点网格",
      active: true,
      childCount: 0,
      userCount: 0,
      version: 1,
    });
    expect((await getUnit(admin, unit("430101").id)).childCount).toBe(3);
    expect((await getUnit(await t.login("fr_mgr"), created.id)).code).toBe("430101G9");

    const audit = await auditOf(created.id);
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      action: "create",
      after: { code: "430101G9", name: "芙蓉试点网格" },
    });
  });

  it("refuses a child the parent's level cannot hold", async () => {
    for (const [parent, level] of [
      ["43", "county"],
      ["430101G1", "grid"],
      ["430101", "city"],
    ] as const) {
      const res = await admin.post("/api/v1/org/units", {
        parentId: unit(parent).id,
        level,
        code: `BAD${parent}`,
        name: "不该存在",
      });
      expect(res.statusCode, `${level} under ${parent}`).toBe(422);
      expect(res.json()).toMatchObject({ code: "invalid_org_level", details: { field: "level" } });
    }
    expect((await listUnits(admin, "&q=BAD")).total).toBe(0);
  });

  it("refuses a code already used in the province, but not one used in another province", async () => {
    const taken = await admin.post("/api/v1/org/units", {
      parentId: unit("4301").id,
      level: "county",
      code: "4302",
      name: "重复编码",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "org_code_taken", details: { field: "code" } });

    const province = await admin.post("/api/v1/org/units", {
      parentId: unit("HQ").id,
      level: "province",
      provinceId: 44,
      code: "44",
      name: "广东省公司",
    });
    expect(province.statusCode).toBe(201);
    expect(province.json()).toMatchObject({ provinceId: 44, level: "province", parentId: unit("HQ").id });
    const city = await admin.post("/api/v1/org/units", {
      parentId: province.json().id,
      level: "city",
      code: "4301",
      name: "广州分公司",
    });
    expect(city.statusCode).toBe(201);
    expect(city.json().provinceId).toBe(44);
  });

  it("needs the province code to create a province", async () => {
    const res = await admin.post("/api/v1/org/units", {
      parentId: unit("HQ").id,
      level: "province",
      code: "45",
      name: "广西省公司",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues.map((i: { field: string }) => i.field)).toContain("provinceId");
  });

  it("renames with the version read, and answers a stale version with 409 and the current unit", async () => {
    const before = await getUnit(admin, unit("430202").id);
    const renamed = await admin.patch(`/api/v1/org/units/${before.id}`, {
      version: before.version,
      name: "渌口区分公司",
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "渌口区分公司", version: before.version + 1 });

    const stale = await admin.patch(`/api/v1/org/units/${before.id}`, {
      version: before.version,
      name: "渌口县分公司",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      details: { current: { id: before.id, name: "渌口区分公司", version: before.version + 1 } },
    });
    expect((await getUnit(admin, before.id)).name).toBe("渌口区分公司");

    const audit = await auditOf(before.id);
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      action: "update",
      before: { name: before.name, version: before.version },
      after: { name: "渌口区分公司" },
    });
  });

  it("moves a county to another city with its grids and their users", async () => {
    const csMgr = await t.login("cs_mgr");
    const zzMgr = await t.login("zz_mgr");
    const county = await getUnit(admin, unit("430102").id);
    const grid = unit("430102G1");
    expect((await zzMgr.get(`/api/v1/org/units/${grid.id}`)).statusCode).toBe(404);

    const moved = await admin.patch(`/api/v1/org/units/${county.id}`, {
      version: county.version,
      parentId: unit("4302").id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: unit("4302").id,
      version: county.version + 1,
      childCount: 2,
    });

    expect((await zzMgr.get(`/api/v1/org/units/${grid.id}`)).statusCode).toBe(200);
    expect((await csMgr.get(`/api/v1/org/units/${grid.id}`)).statusCode).toBe(404);
    expect((await csMgr.get(`/api/v1/org/units/${county.id}`)).statusCode).toBe(404);
    const zzCodes = (await listUnits(zzMgr)).items.map((u) => u.code);
    expect(zzCodes).toEqual(expect.arrayContaining(["430102", "430102G1", "430102G2"]));
    const csCodes = (await listUnits(csMgr)).items.map((u) => u.code);
    expect(csCodes.filter((c) => c.startsWith("430102"))).toEqual([]);

    const zzUsers = (await zzMgr.get("/api/v1/users?limit=200"))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(zzUsers).toContain("mgr430102");
    const csUsers = (await csMgr.get("/api/v1/users?limit=200"))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(csUsers).not.toContain("mgr430102");

    const audit = await auditOf(county.id);
    expect(audit.items[0]).toMatchObject({
      action: "move",
      before: { parentId: unit("4301").id },
      after: { parentId: unit("4302").id },
    });
  });

  it("refuses to move a unit under itself or its own subtree", async () => {
    const city = await getUnit(admin, unit("4301").id);
    for (const target of ["4301", "430101", "430101G2"]) {
      const res = await admin.patch(`/api/v1/org/units/${city.id}`, {
        version: city.version,
        parentId: unit(target).id,
      });
      expect(res.statusCode, target).toBe(422);
      expect(res.json()).toMatchObject({ code: "invalid_org_move", details: { field: "parentId" } });
    }
    const after = await getUnit(admin, city.id);
    expect(after).toMatchObject({ parentId: unit("43").id, version: city.version });
  });

  it("refuses to deactivate a unit that still has active users, and deactivates an empty one", async () => {
    const staffed = await getUnit(admin, unit("430101G1").id);
    expect(staffed.userCount).toBeGreaterThan(0);
    const refused = await admin.patch(`/api/v1/org/units/${staffed.id}`, {
      version: staffed.version,
      active: false,
    });
    expect(refused.statusCode).toBe(422);
    expect((await getUnit(admin, staffed.id)).active).toBe(true);

    const empty = (await listUnits(admin, "&q=430101G9")).items[0];
    if (!empty) throw new Error("the grid created above is missing");
    const done = await admin.patch(`/api/v1/org/units/${empty.id}`, {
      version: empty.version,
      active: false,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ active: false, version: empty.version + 1 });
    expect((await listUnits(admin, "&active=false")).items.map((u) => u.code)).toEqual(["430101G9"]);
    expect((await auditOf(empty.id)).items[0]).toMatchObject({ action: "update", after: { active: false } });
  });

  it("answers 403 to a user without org:write and changes nothing", async () => {
    const manager = await t.login("hn_mgr");
    const target = await getUnit(admin, unit("4302").id);
    const created = await manager.post("/api/v1/org/units", {
      parentId: target.id,
      level: "county",
      code: "430299",
      name: "未授权",
    });
    expect(created.statusCode).toBe(403);
    expect(created.json()).toMatchObject({ code: "permission_denied", details: { permission: "org:write" } });
    const renamed = await manager.patch(`/api/v1/org/units/${target.id}`, {
      version: target.version,
      name: "未授权",
    });
    expect(renamed.statusCode).toBe(403);
    expect(await getUnit(admin, target.id)).toEqual(target);
    expect((await listUnits(admin, "&q=430299")).total).toBe(0);
  });
});
