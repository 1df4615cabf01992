import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { ALL_PERMISSIONS } from "../../../platform/auth/permissions.ts";

interface Role {
  code: string;
  nameZh: string;
  nameEn: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

let t: TestApp;
let admin: Client;

const roles = async (client: Client): Promise<Role[]> => {
  const res = await client.get("/api/v1/roles");
  expect(res.statusCode).toBe(200);
  return res.json().items;
};
const role = async (code: string): Promise<Role> => {
  const found = (await roles(admin)).find((r) => r.code === code);
  if (!found) throw new Error(`no role ${code}`);
  return found;
};
const setPermissions = (code: string, version: number, permissions: string[]) =>
  admin.put(`/api/v1/roles/${code}/permissions`, { version, permissions });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
});
afterAll(() => t.close());

describe("permissions are data", () => {
  it("a grant or a revocation takes effect on the holder's next request, without signing in again", async () => {
    const created = await admin.post("/api/v1/roles", {
      code: "auditor",
      nameZh: "审计员",
      nameEn: "Auditor",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: "auditor",
      builtin: false,
      permissions: [],
      userCount: 0,
      version: 1,
    });

    const hqId = (await admin.get("/api/v1/org/units?level=hq")).json().items[0].id;
    const user = await admin.post("/api/v1/users", {
      username: "audit_only",
      name: "审计专员",
      password: "Audit1234",
      roles: ["auditor"],
      orgUnitId: hqId,
    });
    expect(user.statusCode).toBe(201);
    expect((await role("auditor")).userCount).toBe(1);

    const auditor = await t.login("audit_only", "Audit1234");
    expect(auditor.user.permissions).toEqual([]);
    const before = await auditor.get("/api/v1/audit");
    expect(before.statusCode).toBe(403);
    expect(before.json()).toMatchObject({ code: "permission_denied", details: { permission: "audit:read" } });

    const granted = await setPermissions("auditor", 1, ["audit:read"]);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ permissions: ["audit:read"], version: 2 });
    expect((await auditor.get("/api/v1/audit")).statusCode).toBe(200);
    expect((await auditor.get("/api/v1/auth/me")).json().user.permissions).toEqual(["audit:read"]);

    const revoked = await setPermissions("auditor", 2, []);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ permissions: [], version: 3 });
    expect((await auditor.get("/api/v1/audit")).statusCode).toBe(403);

    const audit = await admin.get("/api/v1/audit?entityType=role&entityId=auditor");
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(["create", "permissions_changed", "permissions_changed"]);
  });

  it("a role created with permissions grants them at once", async () => {
    const res = await admin.post("/api/v1/roles", {
      code: "org_reader",
      nameZh: "组织查看",
      nameEn: "Org reader",
      permissions: ["org:read", "user:read", "org:read"],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().permissions).toEqual(["org:read", "user:read"]);
  });
});

describe("defining roles", () => {
  it("lists the built-in roles, each permission once, admin holding all of them", async () => {
    const list = await roles(admin);
    const admins = list.find((r) => r.code === "admin");
    expect(admins).toMatchObject({ builtin: true });
    expect([...(admins?.permissions ?? [])].sort()).toEqual([...ALL_PERMISSIONS].sort());
    for (const r of list) expect(new Set(r.permissions).size, r.code).toBe(r.permissions.length);
    expect(list.find((r) => r.code === "partner")?.permissions).toEqual(["customer:read_own"]);
    expect(list.find((r) => r.code === "admin")?.userCount).toBe(1);
  });

  it("refuses a duplicate code", async () => {
    const res = await admin.post("/api/v1/roles", { code: "admin", nameZh: "重复", nameEn: "Duplicate" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "role_exists", details: { field: "code" } });
    expect((await role("admin")).nameZh).toBe("系统管理员");
  });

  it("refuses a permission outside the vocabulary", async () => {
    const created = await admin.post("/api/v1/roles", {
      code: "superuser",
      nameZh: "超级",
      nameEn: "Super",
      permissions: ["everything:write"],
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().details.issues[0].field).toMatch(/^permissions/);
    expect((await roles(admin)).map((r) => r.code)).not.toContain("superuser");

    const analyst = await role("analyst");
    const updated = await setPermissions("analyst", analyst.version, ["org:read", "root"]);
    expect(updated.statusCode).toBe(400);
    expect(await role("analyst")).toEqual(analyst);
  });

  it("answers a stale version with 409 and the current role, changing nothing", async () => {
    const analyst = await role("analyst");
    const first = await setPermissions("analyst", analyst.version, ["org:read", "user:read"]);
    expect(first.statusCode).toBe(200);
    const stale = await setPermissions("analyst", analyst.version, ["org:read", "pii:read"]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      details: {
        current: { code: "analyst", version: analyst.version + 1, permissions: ["org:read", "user:read"] },
      },
    });
    expect((await role("analyst")).permissions).toEqual(["org:read", "user:read"]);
  });

  it("answers 404 for an unknown role and 403 without role:write", async () => {
    expect((await setPermissions("no_such_role", 1, [])).statusCode).toBe(404);
    const manager = await t.login("hq_mgr");
    const created = await manager.post("/api/v1/roles", { code: "sneaky", nameZh: "偷偷", nameEn: "Sneaky" });
    expect(created.statusCode).toBe(403);
    const hqManager = await role("hq_manager");
    const granted = await manager.put("/api/v1/roles/hq_manager/permissions", {
      version: hqManager.version,
      permissions: ["role:write"],
    });
    expect(granted.statusCode).toBe(403);
    expect(await role("hq_manager")).toEqual(hqManager);
  });

  it("lists the permission vocabulary", async () => {
    const res = await admin.get("/api/v1/permissions");
    expect(res.statusCode).toBe(200);
    expect([...res.json().items].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(res.json().items).toEqual(
      expect.arrayContaining([
        "org:read",
        "org:write",
        "user:read",
        "user:write",
        "role:write",
        "audit:read",
        "pii:read",
      ]),
    );
  });
});
