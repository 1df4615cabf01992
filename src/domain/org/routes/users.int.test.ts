import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { TEST_PASSWORD } from "../../../../test/helpers/template.ts";

interface User {
  id: string;
  username: string;
  name: string;
  roles: string[];
  orgUnitId: string;
  status: string;
  phone: string | null;
  email: string | null;
  locked: boolean;
  createdAt: string;
  version: number;
}
interface Page {
  items: User[];
  total: number;
}

let t: TestApp;
let admin: Client;
let unitIds: Map<string, string>;

const unitId = (code: string): string => {
  const id = unitIds.get(code);
  if (!id) throw new Error(`no seeded unit ${code}`);
  return id;
};

const loginRaw = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });

const noSecrets = (res: LightMyRequestResponse) => {
  expect(res.body).not.toMatch(/password_?hash/i);
  expect(res.body).not.toContain("$argon2");
};

const list = async (client: Client, query: string): Promise<Page> => {
  const res = await client.get(`/api/v1/users?${query}`);
  expect(res.statusCode, query).toBe(200);
  noSecrets(res);
  return res.json();
};

const byUsername = async (username: string): Promise<User> => {
  const found = (await list(admin, `q=${username}&limit=200`)).items.find((u) => u.username === username);
  if (!found) throw new Error(`no user ${username}`);
  return found;
};

const inbox = async (client: Client) =>
  ((await client.get("/api/v1/notifications?limit=200")).json().items as { kind: string }[]).map(
    (n) => n.kind,
  );

let seq = 0;
const createUser = async (overrides: Record<string, unknown> = {}) => {
  seq += 1;
  const res = await admin.post("/api/v1/users", {
    username: `tester${seq}`,
    name: `测试员${seq}`,
    password: "Start1234",
    roles: ["account_manager"],
    orgUnitId: unitId("430101G2"),
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as User;
};

beforeAll(async () => {
  t = await createTestApp({ lockoutThreshold: 3, lockoutMinutes: 15 });
  admin = await t.login("admin");
  const units = (await admin.get("/api/v1/org/units?limit=200")).json().items as {
    id: string;
    code: string;
  }[];
  unitIds = new Map(units.map((u) => [u.code, u.id]));
});
afterAll(() => t.close());

describe("listing users", () => {
  it("filters by role and by org unit including its subtree", async () => {
    const counties = await list(admin, "role=county_manager&limit=200");
    expect(counties.total).toBe(4);
    expect(counties.items.map((u) => u.username).sort()).toEqual(
      ["fr_mgr", "mgr430102", "mgr430201", "mgr430202"].sort(),
    );
    for (const u of counties.items) {
      expect(Object.keys(u)).toEqual(
        expect.arrayContaining(["id", "username", "name", "roles", "orgUnitId"]),
      );
      expect(u.roles).toContain("county_manager");
    }

    const changsha = await list(admin, `orgUnitId=${unitId("4301")}&limit=200`);
    const names = changsha.items.map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(["cs_mgr", "fr_mgr", "mgr430102", "am_demo", "partner_demo"]),
    );
    expect(names).not.toContain("zz_mgr");
    expect(names).not.toContain("hn_mgr");
    const subtree = new Set(
      ["4301", "430101", "430101G1", "430101G2", "430102", "430102G1", "430102G2"].map(unitId),
    );
    for (const u of changsha.items) expect(subtree.has(u.orgUnitId), u.username).toBe(true);

    const both = await list(admin, `role=county_manager&orgUnitId=${unitId("4301")}`);
    expect(both.items.map((u) => u.username).sort()).toEqual(["fr_mgr", "mgr430102"]);
    expect(both.total).toBe(2);
  });

  it("searches username and name case-insensitively", async () => {
    const res = await list(admin, "q=CS_MGR");
    expect(res.items.map((u) => u.username)).toEqual(["cs_mgr"]);
    const someone = await byUsername("zz_mgr");
    const byName = await list(admin, `q=${encodeURIComponent(someone.name)}`);
    expect(byName.items.map((u) => u.id)).toContain(someone.id);
    expect((await list(admin, "q=nobody-like-this")).total).toBe(0);
  });

  it("sorts both ways and pages consistently with the total", async () => {
    const asc = await list(admin, "sort=username&order=asc&limit=200");
    const desc = await list(admin, "sort=username&order=desc&limit=200");
    expect(asc.total).toBe(desc.total);
    expect(asc.items).toHaveLength(asc.total);
    expect(desc.items.map((u) => u.id)).toEqual(asc.items.map((u) => u.id).reverse());

    const paged: string[] = [];
    for (let offset = 0; offset < asc.total; offset += 7) {
      const page = await list(admin, `sort=username&order=asc&limit=7&offset=${offset}`);
      expect(page.total).toBe(asc.total);
      paged.push(...page.items.map((u) => u.id));
    }
    expect(paged).toEqual(asc.items.map((u) => u.id));
    expect((await list(admin, `limit=5&offset=${asc.total}`)).items).toEqual([]);
  });

  it("clamps a large limit and puts the newest first when sorted by creation time", async () => {
    const res = await admin.get("/api/v1/users?limit=1000");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeLessThanOrEqual(200);

    const fresh = await createUser({ username: "newest_user" });
    const newest = await list(admin, "sort=createdAt&order=desc&limit=1");
    expect(newest.items[0]?.id).toBe(fresh.id);
  });

  it("masks phone numbers and e-mail for a manager without pii:read, not for the admin", async () => {
    const manager = await t.login("cs_mgr");
    const masked = (await list(manager, "q=am_demo")).items[0];
    expect(masked?.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const plain = (await list(admin, "q=am_demo")).items[0];
    expect(plain?.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(plain?.phone?.slice(-4)).toBe(masked?.phone?.slice(-4));

    const withEmail = await createUser({ phone: "13812345678", email: "wang.wu@example.com" });
    const seen = (await manager.get(`/api/v1/users/${withEmail.id}`)).json() as User;
    expect(seen).toMatchObject({ phone: "138****5678", email: "w***@example.com" });
    expect(withEmail).toMatchObject({ phone: "13812345678", email: "wang.wu@example.com" });
  });

  it("keeps full phone numbers and e-mail out of the audit log that managers read", async () => {
    const person = await createUser({ phone: "13987654321", email: "zhao.liu@example.com" });
    const changed = await admin.patch(`/api/v1/users/${person.id}`, {
      version: person.version,
      phone: "13711112222",
    });
    expect(changed.statusCode).toBe(200);
    const manager = await t.login("hn_mgr");
    const res = await manager.get(`/api/v1/audit?entityType=user&entityId=${person.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    for (const secret of ["13987654321", "13711112222", "zhao.liu@example.com"]) {
      expect(res.body).not.toContain(secret);
    }
    const update = (res.json().items as { action: string; before: User; after: User }[]).find(
      (e) => e.action === "update",
    );
    expect(update?.before.phone).toBe("139****4321");
    expect(update?.after.phone).toBe("137****2222");
  });

  it("answers 404 for a malformed or unknown id and 403 without user:read", async () => {
    expect((await admin.get("/api/v1/users/not-a-uuid")).statusCode).toBe(404);
    const unknown = await admin.get("/api/v1/users/01900000-0000-7000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("user_not_found");
    const staff = await t.login("am_demo");
    const res = await staff.get("/api/v1/users");
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "permission_denied", details: { permission: "user:read" } });
  });
});

describe("creating users", () => {
  it("creates a person holding several roles, who must change the password and is welcomed", async () => {
    const res = await admin.post("/api/v1/users", {
      username: "li_lei",
      name: "李雷",
      password: "Passw0rd1",
      roles: ["customer_engineer", "account_manager"],
      orgUnitId: unitId("430101G1"),
      phone: "13912345678",
    });
    expect(res.statusCode).toBe(201);
    noSecrets(res);
    expect(res.json()).toMatchObject({
      username: "li_lei",
      name: "李雷",
      roles: ["account_manager", "customer_engineer"],
      orgUnitId: unitId("430101G1"),
      status: "active",
      locked: false,
      version: 1,
    });

    const person = await t.login("li_lei", "Passw0rd1");
    expect(person.user).toMatchObject({
      mustChangePassword: true,
      roles: ["account_manager", "customer_engineer"],
    });
    expect(await inbox(person)).toContain("welcome");
  });

  it("names the password field when it is weak", async () => {
    for (const password of ["Ab1", "onlyletters", "1234567890"]) {
      const res = await admin.post("/api/v1/users", {
        username: "weak_pw",
        name: "弱密码",
        password,
        roles: ["analyst"],
        orgUnitId: unitId("43"),
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().details.issues.map((i: { field: string }) => i.field)).toContain("password");
    }
    expect((await list(admin, "q=weak_pw")).total).toBe(0);
  });

  it("refuses a username already taken, whatever its case", async () => {
    const res = await admin.post("/api/v1/users", {
      username: "CS_Mgr",
      name: "重名",
      password: "Passw0rd1",
      roles: ["analyst"],
      orgUnitId: unitId("43"),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "username_taken", details: { field: "username" } });
  });

  it("refuses a role the province does not have", async () => {
    const res = await admin.post("/api/v1/users", {
      username: "wizard_user",
      name: "巫师",
      password: "Passw0rd1",
      roles: ["account_manager", "wizard"],
      orgUnitId: unitId("43"),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "unknown_roles", details: { codes: ["wizard"] } });
    expect((await list(admin, "q=wizard_user")).total).toBe(0);
  });

  it("answers 404 for an org unit outside the creator's scope, and 403 without user:write", async () => {
    const hqId = (await admin.get("/api/v1/org/units?level=hq")).json().items[0].id;
    const provinceAdmin = await t.login("hn_admin");
    const body = {
      username: "hq_intruder",
      name: "越权",
      password: "Passw0rd1",
      roles: ["analyst"],
      orgUnitId: hqId,
    };
    const outside = await provinceAdmin.post("/api/v1/users", body);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe("org_unit_not_found");

    const manager = await t.login("cs_mgr");
    const denied = await manager.post("/api/v1/users", { ...body, orgUnitId: unitId("4301") });
    expect(denied.statusCode).toBe(403);
    expect((await list(admin, "q=hq_intruder")).total).toBe(0);
  });
});

describe("changing users", () => {
  it("updates with the version read, tells the person when roles change, and answers a stale version with 409", async () => {
    const user = await createUser();
    const res = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      name: "改名后",
      roles: ["account_manager", "analyst"],
    });
    expect(res.statusCode).toBe(200);
    noSecrets(res);
    expect(res.json()).toMatchObject({
      name: "改名后",
      roles: ["account_manager", "analyst"],
      version: user.version + 1,
    });

    const stale = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, name: "又改名" });
    expect(stale.statusCode).toBe(409);
    noSecrets(stale);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      details: { current: { id: user.id, name: "改名后", version: user.version + 1 } },
    });

    const person = await t.login(user.username, "Start1234");
    const kinds = await inbox(person);
    expect(kinds.filter((k) => k === "roles_changed")).toHaveLength(1);
    expect(person.user.roles).toEqual(["account_manager", "analyst"]);
  });

  it("does not notify when the roles stay the same", async () => {
    const user = await createUser();
    const res = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      roles: ["account_manager"],
      name: "只改名字",
    });
    expect(res.statusCode).toBe(200);
    const person = await t.login(user.username, "Start1234");
    expect(await inbox(person)).toEqual(["welcome"]);
  });

  it("disabling ends the person's sessions and refuses their sign-in; enabling lets them back", async () => {
    const user = await createUser();
    const person = await t.login(user.username, "Start1234");
    expect((await person.get("/api/v1/auth/me")).statusCode).toBe(200);

    const disabled = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      status: "disabled",
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe("disabled");
    expect((await person.get("/api/v1/auth/me")).statusCode).toBe(401);
    const refused = await loginRaw(user.username, "Start1234");
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("account_disabled");
    // Guessing at a disabled account does not lock it: enabling it later must just work.
    for (let i = 0; i < 6; i++) expect((await loginRaw(user.username, `Wrong${i}pass`)).statusCode).toBe(401);
    expect((await list(admin, `status=disabled&q=${user.username}`)).total).toBe(1);
    expect((await list(admin, `status=active&q=${user.username}`)).total).toBe(0);

    const enabled = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version + 1,
      status: "active",
    });
    expect(enabled.statusCode).toBe(200);
    expect((await loginRaw(user.username, "Start1234")).statusCode).toBe(200);
  });

  it("refuses to let an administrator disable their own account", async () => {
    const self = await byUsername("admin");
    const res = await admin.patch(`/api/v1/users/${self.id}`, { version: self.version, status: "disabled" });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("self_lockout");
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await byUsername("admin")).status).toBe("active");
  });

  it("resetting a password unlocks the account, issues a working temporary password and tells the person", async () => {
    const user = await createUser();
    for (const attempt of ["wrong-pass-1", "wrong-pass-2", "wrong-pass-3"])
      await loginRaw(user.username, attempt);
    expect((await loginRaw(user.username, "Start1234")).statusCode).toBe(423);
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().locked).toBe(true);

    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const temporary = res.json().temporaryPassword as string;
    expect(temporary).toMatch(/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{12}$/);
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().locked).toBe(false);

    expect((await loginRaw(user.username, "Start1234")).statusCode).toBe(401);
    const person = await t.login(user.username, temporary);
    expect((await person.get("/api/v1/auth/me")).json().user.mustChangePassword).toBe(true);
    expect(await inbox(person)).toContain("password_reset");
  });

  it("a reset with a chosen password answers no temporary one, and signs the person out", async () => {
    const user = await createUser();
    const person = await t.login(user.username, "Start1234");
    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, { password: "Chosen123" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ temporaryPassword: null });
    expect((await person.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await loginRaw(user.username, "Chosen123")).statusCode).toBe(200);
  });

  it("revoking sessions signs the person out everywhere, but they can sign in again", async () => {
    const user = await createUser();
    const first = await t.login(user.username, "Start1234");
    const second = await t.login(user.username, "Start1234");
    const res = await admin.post(`/api/v1/users/${user.id}/revoke-sessions`);
    expect(res.statusCode).toBe(204);
    expect((await first.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await second.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await loginRaw(user.username, "Start1234")).statusCode).toBe(200);
  });

  it("refuses every user write to a manager without user:write", async () => {
    const manager = await t.login("cs_mgr");
    const target = await byUsername("am_demo");
    expect(
      (await manager.patch(`/api/v1/users/${target.id}`, { version: target.version, name: "x" })).statusCode,
    ).toBe(403);
    expect((await manager.post(`/api/v1/users/${target.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/users/${target.id}/revoke-sessions`)).statusCode).toBe(403);
    expect(await byUsername("am_demo")).toEqual(target);
    expect((await loginRaw("am_demo", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("keeps password hashes out of the audit log too", async () => {
    const res = await admin.get("/api/v1/audit?entityType=user&limit=200");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    noSecrets(res);
    expect(res.body).not.toContain("Start1234");
  });
});
