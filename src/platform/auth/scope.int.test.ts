import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { TEST_PASSWORD } from "../../../test/helpers/template.ts";

interface Unit {
  id: string;
  code: string;
  name: string;
  version: number;
}
interface User {
  id: string;
  username: string;
  orgUnitId: string;
  name: string;
  version: number;
}

let t: TestApp;
let admin: Client;
let units: Map<string, Unit>;
let users: Map<string, User>;

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

const unitCodes = async (client: Client): Promise<string[]> => {
  const res = await client.get("/api/v1/org/units?limit=200");
  expect(res.statusCode).toBe(200);
  return (res.json().items as Unit[]).map((u) => u.code).sort();
};
const usernames = async (client: Client, query = ""): Promise<string[]> => {
  const res = await client.get(`/api/v1/users?limit=200${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as User[]).map((u) => u.username).sort();
};
const auditCount = async (entityId: string): Promise<number> =>
  (await admin.get(`/api/v1/audit?entityId=${entityId}`)).json().total;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  units = new Map(
    ((await admin.get("/api/v1/org/units?limit=200")).json().items as Unit[]).map((u) => [u.code, u]),
  );
  users = new Map(
    ((await admin.get("/api/v1/users?limit=200")).json().items as User[]).map((u) => [u.username, u]),
  );
});
afterAll(() => t.close());

describe("reading outside one's subtree", () => {
  it("a city manager cannot see the other city's units or people", async () => {
    const zz = await t.login("zz_mgr");
    expect((await zz.get(`/api/v1/org/units/${unit("4301").id}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/org/units/${unit("430101G1").id}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/users/${user("cs_mgr").id}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/users/${user("am_demo").id}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/users?orgUnitId=${unit("4301").id}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/org/units?parentId=${unit("4301").id}`)).json().total).toBe(0);

    const codes = await unitCodes(zz);
    expect(codes).toHaveLength(7);
    for (const code of codes) expect(code.startsWith("4302")).toBe(true);
    const names = await usernames(zz);
    expect(names).toContain("zz_mgr");
    expect(names).not.toContain("cs_mgr");
    expect(names).not.toContain("am_demo");
    expect(names).not.toContain("hn_mgr");
    expect((await zz.get("/api/v1/users?q=cs_mgr")).json().total).toBe(0);
  });

  it("a county manager sees only the county's units and people", async () => {
    const fr = await t.login("fr_mgr");
    expect(await unitCodes(fr)).toEqual(["430101", "430101G1", "430101G2"]);
    const res = await fr.get("/api/v1/users?limit=200");
    const seen = res.json().items as User[];
    expect(res.json().total).toBe(seen.length);
    const own = new Set(["430101", "430101G1", "430101G2"].map((c) => unit(c).id));
    for (const u of seen) expect(own.has(u.orgUnitId), u.username).toBe(true);
    expect(seen.map((u) => u.username)).toEqual(expect.arrayContaining(["fr_mgr", "am_demo"]));
    expect((await fr.get(`/api/v1/org/units/${unit("4301").id}`)).statusCode).toBe(404);
    expect((await fr.get(`/api/v1/org/units/${unit("430102").id}`)).statusCode).toBe(404);
    expect((await fr.get(`/api/v1/users/${user("mgr430102").id}`)).statusCode).toBe(404);
  });
});

describe("a province admin and group HQ", () => {
  it("cannot see HQ or its people", async () => {
    const hn = await t.login("hn_admin");
    expect((await hn.get(`/api/v1/org/units/${unit("HQ").id}`)).statusCode).toBe(404);
    expect((await hn.get(`/api/v1/users/${user("admin").id}`)).statusCode).toBe(404);
    expect((await hn.get(`/api/v1/users/${user("hq_mgr").id}`)).statusCode).toBe(404);
    const codes = await unitCodes(hn);
    expect(codes).toHaveLength(15);
    expect(codes).not.toContain("HQ");
    const names = await usernames(hn);
    expect(names).toContain("hn_admin");
    expect(names).not.toContain("admin");
    expect(names).not.toContain("hq_mgr");
  });

  it("cannot edit HQ, put people in it or move units under it; nothing changes", async () => {
    const hn = await t.login("hn_admin");
    const hq = unit("HQ");
    const hqMgr = user("hq_mgr");

    const renamed = await hn.patch(`/api/v1/org/units/${hq.id}`, { version: hq.version, name: "被改名" });
    expect(renamed.statusCode).toBe(404);
    const edited = await hn.patch(`/api/v1/users/${hqMgr.id}`, { version: hqMgr.version, name: "被改名" });
    expect(edited.statusCode).toBe(404);
    const reset = await hn.post(`/api/v1/users/${hqMgr.id}/reset-password`, {});
    expect(reset.statusCode).toBe(404);
    const planted = await hn.post("/api/v1/users", {
      username: "planted_at_hq",
      name: "越权",
      password: "Passw0rd1",
      roles: ["admin"],
      orgUnitId: hq.id,
    });
    expect(planted.statusCode).toBe(404);
    const province = await hn.post("/api/v1/org/units", {
      parentId: hq.id,
      level: "province",
      provinceId: 45,
      code: "45",
      name: "广西省公司",
    });
    expect(province.statusCode).toBe(404);
    const city = unit("4302");
    const moved = await hn.patch(`/api/v1/org/units/${city.id}`, { version: city.version, parentId: hq.id });
    expect(moved.statusCode).toBe(404);

    expect((await admin.get(`/api/v1/org/units/${hq.id}`)).json()).toMatchObject({
      name: hq.name,
      version: hq.version,
    });
    expect((await admin.get(`/api/v1/org/units/${city.id}`)).json()).toMatchObject({
      parentId: unit("43").id,
      version: city.version,
    });
    expect((await admin.get(`/api/v1/users/${hqMgr.id}`)).json()).toMatchObject({
      name: hqMgr.name,
      version: hqMgr.version,
    });
    expect((await admin.get("/api/v1/users?q=planted_at_hq")).json().total).toBe(0);
    expect((await admin.get("/api/v1/org/units?level=province")).json().total).toBe(1);
    expect(await auditCount(hq.id)).toBe(0);
    expect(await auditCount(hqMgr.id)).toBe(0);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "hq_mgr", password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe("an admin scoped to one city", () => {
  let cityAdmin: Client;
  beforeAll(async () => {
    const created = await admin.post("/api/v1/users", {
      username: "cs_admin",
      name: "长沙管理员",
      password: "CityAdmin1",
      roles: ["admin"],
      orgUnitId: unit("4301").id,
    });
    expect(created.statusCode).toBe(201);
    cityAdmin = await t.login("cs_admin", "CityAdmin1");
  });

  it("may change its own city's units", async () => {
    const own = unit("430102G2");
    const res = await cityAdmin.patch(`/api/v1/org/units/${own.id}`, {
      version: own.version,
      name: "天心新区网格",
    });
    expect(res.statusCode).toBe(200);
  });

  it("cannot change the other city's units or people; each attempt answers 404 and leaves no trace", async () => {
    const target = unit("430201");
    const person = user("zz_mgr");
    const attempts = [
      await cityAdmin.patch(`/api/v1/org/units/${target.id}`, { version: target.version, name: "被改名" }),
      await cityAdmin.patch(`/api/v1/users/${person.id}`, { version: person.version, name: "被改名" }),
      await cityAdmin.patch(`/api/v1/users/${person.id}`, { version: person.version, status: "disabled" }),
      await cityAdmin.post(`/api/v1/users/${person.id}/reset-password`, { password: "Hijack123" }),
      await cityAdmin.post(`/api/v1/users/${person.id}/revoke-sessions`),
      await cityAdmin.post("/api/v1/org/units", {
        parentId: target.id,
        level: "grid",
        code: "430201G9",
        name: "越权网格",
      }),
      await cityAdmin.post("/api/v1/users", {
        username: "planted_in_zz",
        name: "越权",
        password: "Passw0rd1",
        roles: ["account_manager"],
        orgUnitId: unit("430201G1").id,
      }),
      await cityAdmin.patch(`/api/v1/org/units/${unit("430101").id}`, {
        version: unit("430101").version,
        parentId: unit("4302").id,
      }),
      await cityAdmin.patch(`/api/v1/users/${user("am_demo").id}`, {
        version: user("am_demo").version,
        orgUnitId: unit("430201G1").id,
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toMatch(/^(org_unit|user)_not_found$/);
    }

    expect((await admin.get(`/api/v1/org/units/${target.id}`)).json()).toMatchObject({
      name: target.name,
      version: target.version,
    });
    expect((await admin.get(`/api/v1/users/${person.id}`)).json()).toMatchObject({
      name: person.name,
      version: person.version,
      status: "active",
    });
    expect((await admin.get(`/api/v1/org/units/${unit("430101").id}`)).json()).toMatchObject({
      parentId: unit("4301").id,
      version: unit("430101").version,
    });
    expect((await admin.get(`/api/v1/users/${user("am_demo").id}`)).json()).toMatchObject({
      orgUnitId: unit("430101G1").id,
      version: user("am_demo").version,
    });
    expect((await admin.get("/api/v1/org/units?q=430201G9")).json().total).toBe(0);
    expect((await admin.get("/api/v1/users?q=planted_in_zz")).json().total).toBe(0);
    for (const id of [target.id, person.id, unit("430101").id, user("am_demo").id]) {
      expect(await auditCount(id), id).toBe(0);
    }
    const csAdminId = cityAdmin.user.id;
    for (const entityType of ["org_unit", "user"]) {
      const own = (await admin.get(`/api/v1/audit?actorId=${csAdminId}&entityType=${entityType}`)).json();
      expect(
        own.items.map((e: { entityId: string }) => e.entityId),
        entityType,
      ).toEqual(entityType === "org_unit" ? [unit("430102G2").id] : []);
    }
    const zz = await t.login("zz_mgr");
    expect((await zz.get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("cannot change roles, whose permissions reach the whole province", async () => {
    const roles = (await admin.get("/api/v1/roles")).json().items as {
      code: string;
      version: number;
      permissions: string[];
    }[];
    // The city admin sits in province 43; read that province's city_manager role as its own province admin.
    const hn = await t.login("hn_admin");
    const cityManager = ((await hn.get("/api/v1/roles")).json().items as typeof roles).find(
      (r) => r.code === "city_manager",
    )!;
    const widen = await cityAdmin.put("/api/v1/roles/city_manager/permissions", {
      version: cityManager.version,
      permissions: [...cityManager.permissions, "user:write"],
    });
    expect(widen.statusCode).toBe(403);
    expect(widen.json().code).toBe("out_of_scope");
    const create = await cityAdmin.post("/api/v1/roles", {
      code: "city_super",
      nameZh: "越权",
      nameEn: "Overreach",
      permissions: ["user:write"],
    });
    expect(create.statusCode).toBe(403);
    const after = ((await hn.get("/api/v1/roles")).json().items as typeof roles).find(
      (r) => r.code === "city_manager",
    )!;
    expect(after).toMatchObject({ version: cityManager.version, permissions: cityManager.permissions });
    expect(roles.length).toBeGreaterThan(0);
  });
});
