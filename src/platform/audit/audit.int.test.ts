import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../test/helpers/app.ts";

interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  source: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
interface Page {
  items: AuditEvent[];
  total: number;
}
interface Unit {
  id: string;
  code: string;
  name: string;
  version: number;
}

let t: TestApp;
let admin: Client;
let provinceAdmin: Client;
let units: Map<string, Unit>;

const unit = (code: string): Unit => {
  const found = units.get(code);
  if (!found) throw new Error(`no seeded unit ${code}`);
  return found;
};

const audit = async (client: Client, query: string): Promise<Page> => {
  const res = await client.get(`/api/v1/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const rename = async (client: Client, code: string, name: string) => {
  const current = (await admin.get(`/api/v1/org/units/${unit(code).id}`)).json() as Unit;
  const res = await client.patch(`/api/v1/org/units/${current.id}`, { version: current.version, name });
  expect(res.statusCode, res.body).toBe(200);
  return current;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  provinceAdmin = await t.login("hn_admin");
  units = new Map(
    ((await admin.get("/api/v1/org/units?limit=200")).json().items as Unit[]).map((u) => [u.code, u]),
  );
  await rename(admin, "4301", "长沙市分公司");
  await rename(provinceAdmin, "4302", "株洲市分公司");
  await rename(provinceAdmin, "430201", "天元区分公司");
  await rename(admin, "HQ", "中国电信集团总部");
});
afterAll(() => t.close());

describe("filtering the audit log", () => {
  it("records who, when, what, before and after", async () => {
    const [event, ...rest] = (await audit(admin, `entityId=${unit("4301").id}`)).items;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      actorId: admin.user.id,
      source: "web",
      action: "update",
      entityType: "org_unit",
      before: { name: "长沙分公司" },
      after: { name: "长沙市分公司" },
    });
    expect(event?.actorName.length).toBeGreaterThan(0);
    expect(event?.requestId).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(event?.at ?? ""))).toBe(false);
  });

  it("filters by actor", async () => {
    const mine = await audit(provinceAdmin, `actorId=${provinceAdmin.user.id}&entityType=org_unit`);
    expect(mine.items.map((e) => e.entityId).sort()).toEqual([unit("4302").id, unit("430201").id].sort());
    for (const e of (await audit(admin, `actorId=${admin.user.id}&limit=200`)).items) {
      expect(e.actorId).toBe(admin.user.id);
    }
  });

  it("filters by entity type, entity and action", async () => {
    const renames = await audit(admin, "entityType=org_unit&action=update&limit=200");
    expect(renames.total).toBe(4);
    const logins = await audit(admin, `entityType=session&action=login&actorId=${provinceAdmin.user.id}`);
    expect(logins.total).toBe(1);
    expect((await audit(admin, "entityType=org_unit&action=delete")).total).toBe(0);
    const one = await audit(admin, `entityType=org_unit&entityId=${unit("430201").id}`);
    expect(one.items.map((e) => e.action)).toEqual(["update"]);
    expect((await audit(admin, `entityType=user&entityId=${unit("430201").id}`)).total).toBe(0);
  });

  it("filters by time: from is inclusive, to is exclusive", async () => {
    const [event] = (await audit(admin, `entityId=${unit("430201").id}`)).items;
    if (!event) throw new Error("the rename above left no audit row");
    const at = new Date(event.at);
    const ids = async (query: string) =>
      (await audit(admin, `entityId=${event.entityId}&${query}`)).items.map((e) => e.id);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(await ids(`from=${iso(at.getTime())}`)).toEqual([event.id]);
    expect(await ids(`from=${iso(at.getTime() + 1)}`)).toEqual([]);
    expect(await ids(`to=${iso(at.getTime())}`)).toEqual([]);
    expect(await ids(`to=${iso(at.getTime() + 1)}`)).toEqual([event.id]);
    expect(await ids(`from=${iso(at.getTime() - 60_000)}&to=${iso(at.getTime() + 60_000)}`)).toEqual([
      event.id,
    ]);
    const shanghai = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace("Z", "+08:00");
    expect(await ids(`from=${encodeURIComponent(shanghai)}`)).toEqual([event.id]);
  });

  it("rejects a time that is not ISO 8601, naming the parameter", async () => {
    const res = await admin.get("/api/v1/audit?from=yesterday");
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0].field).toContain("from");
  });

  it("pages newest first, consistently with the total", async () => {
    const all = await audit(admin, "limit=200");
    expect(all.total).toBeGreaterThan(4);
    const newest = all.items.slice(0, 4).map((e) => e.entityId);
    expect(newest[0]).toBe(unit("HQ").id);
    for (let i = 1; i < all.items.length; i++) {
      expect(Date.parse(all.items[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(all.items[i]!.at));
    }
    const first = await audit(admin, "limit=2&offset=0");
    const second = await audit(admin, "limit=2&offset=2");
    expect(first.total).toBe(all.total);
    expect(second.total).toBe(all.total);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      all.items.slice(0, 4).map((e) => e.id),
    );
  });
});

describe("who may read it", () => {
  it("a province admin does not see group HQ's events", async () => {
    expect((await audit(admin, `entityId=${unit("HQ").id}`)).total).toBe(1);
    expect((await audit(provinceAdmin, `entityId=${unit("HQ").id}`)).total).toBe(0);
    expect((await audit(provinceAdmin, `actorId=${admin.user.id}&entityType=session`)).total).toBe(0);
    const seen = await audit(provinceAdmin, "limit=200");
    expect(seen.items.map((e) => e.entityId)).not.toContain(unit("HQ").id);
    expect(seen.items.map((e) => e.entityId)).toContain(unit("4301").id);
  });

  it("answers 403 without audit:read, which only province-wide managers hold by default", async () => {
    for (const username of ["am_demo", "partner_demo", "cs_mgr", "fr_mgr"]) {
      const res = await (await t.login(username)).get("/api/v1/audit");
      expect(res.statusCode, username).toBe(403);
      expect(res.json()).toMatchObject({ code: "permission_denied", details: { permission: "audit:read" } });
    }
  });
});

describe("a failed write leaves no audit row", () => {
  it("a version conflict or a taken code writes nothing", async () => {
    const target = unit("430202");
    const ok = await admin.patch(`/api/v1/org/units/${target.id}`, {
      version: target.version,
      name: "渌口区",
    });
    expect(ok.statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/org/units/${target.id}`, {
      version: target.version,
      name: "旧版本",
    });
    expect(stale.statusCode).toBe(409);
    const taken = await admin.patch(`/api/v1/org/units/${target.id}`, {
      version: target.version + 1,
      code: "4301",
    });
    expect(taken.statusCode).toBe(409);
    const events = await audit(admin, `entityId=${target.id}`);
    expect(events.total).toBe(1);
    expect(events.items[0]?.after).toEqual({ name: "渌口区" });
  });

  it("a write that fails half-way rolls back both the change and its audit row", async () => {
    const person = (await admin.get("/api/v1/users?q=mgr430202")).json().items[0] as {
      id: string;
      name: string;
      version: number;
    };
    const before = (await audit(admin, `entityId=${person.id}`)).total;
    const res = await admin.patch(`/api/v1/users/${person.id}`, {
      version: person.version,
      name: "半途而废",
      roles: ["county_manager", "no_such_role"],
    });
    expect(res.statusCode).toBe(422);
    expect((await admin.get(`/api/v1/users/${person.id}`)).json()).toMatchObject({
      name: person.name,
      version: person.version,
      roles: ["county_manager"],
    });
    expect((await audit(admin, `entityId=${person.id}`)).total).toBe(before);
  });
});
