import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

interface Unit {
  id: string;
  code: string;
}
interface Customer {
  id: string;
  orgUnitId: string;
  homeOrgUnitId: string | null;
  parentId: string | null;
  version: number;
}
interface Group {
  parent: { id: string; orgUnitId: string; visible: boolean; name: string };
  subsidiaries: { id: string; name: string; orgUnitName: string; visible: boolean }[];
  groupRevenueToDateFen: number;
}

let t: TestApp;
let admin: Client;
let units: Map<string, Unit>;
let serial = 0;

const unit = (code: string): Unit => {
  const found = units.get(code);
  if (!found) throw new Error(`no seeded unit ${code}`);
  return found;
};
const create = async (grid: string, body: Record<string, unknown> = {}): Promise<Customer> => {
  const res = await admin.post("/api/v1/customers", {
    name: `跨区集团测试${++serial}号有限公司`,
    orgUnitId: unit(grid).id,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const get = async (id: string): Promise<Customer> => (await admin.get(`/api/v1/customers/${id}`)).json();
const edit = async (id: string, changes: Record<string, unknown>): Promise<Customer> => {
  const current = await get(id);
  const res = await admin.patch(`/api/v1/customers/${id}`, { ...changes, version: current.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("hn_admin");
  units = new Map(
    ((await admin.get("/api/v1/org/units?limit=200")).json().items as Unit[]).map((u) => [u.code, u]),
  );
});
afterAll(() => t.close());

describe("cross-region groups are owned where their parts meet", () => {
  it("a parent with a subsidiary in another county moves to the city covering both, and back when it leaves", async () => {
    const parent = await create("430101G1");
    const sub = await create("430102G1", { parentId: parent.id });
    expect(sub.parentId).toBe(parent.id);
    const moved = await get(parent.id);
    expect(moved.orgUnitId).toBe(unit("4301").id);
    expect(moved.homeOrgUnitId).toBe(unit("430101G1").id);

    await edit(sub.id, { parentId: null });
    const home = await get(parent.id);
    expect(home.orgUnitId).toBe(unit("430101G1").id);
    expect(home.homeOrgUnitId).toBeNull();
  });

  it("subsidiaries in two cities make the province the owner; a subsidiary in the group's own grid moves nothing", async () => {
    const parent = await create("430101G1");
    await create("430101G1", { parentId: parent.id });
    expect((await get(parent.id)).orgUnitId).toBe(unit("430101G1").id);
    await create("430201G1", { parentId: parent.id });
    const owned = await get(parent.id);
    expect(owned.orgUnitId).toBe(unit("43").id);
    expect(owned.homeOrgUnitId).toBe(unit("430101G1").id);
    const audit = (
      await admin.get(`/api/v1/audit?entityType=customer&entityId=${parent.id}&limit=50`)
    ).json();
    expect(audit.items.some((a: { action: string }) => a.action === "rehome")).toBe(true);
  });

  it("moving a group names its new site; the owner is worked out from there", async () => {
    const parent = await create("430101G1");
    await create("430102G1", { parentId: parent.id });
    expect((await get(parent.id)).orgUnitId).toBe(unit("4301").id);
    // Its own site moves into the subsidiary's county: the county now covers the whole group.
    await edit(parent.id, { orgUnitId: unit("430102G2").id });
    const after = await get(parent.id);
    expect(after.orgUnitId).toBe(unit("430102").id);
    expect(after.homeOrgUnitId).toBe(unit("430102G2").id);
  });

  it("managers of a unit holding a subsidiary see the group's summary, not the parent's archive", async () => {
    const parent = await create("430101G1");
    const far = await create("430201G1", { parentId: parent.id });
    const near = await create("430101G2", { parentId: parent.id });
    const zz = await t.login("zz_mgr");
    expect((await zz.get(`/api/v1/customers/${parent.id}`)).statusCode).toBe(404);
    const res = await zz.get(`/api/v1/customers/${parent.id}/group`);
    expect(res.statusCode, res.body).toBe(200);
    const group = res.json() as Group;
    expect(group.parent.id).toBe(parent.id);
    expect(group.parent.visible).toBe(false);
    expect(group.parent.orgUnitId).toBe(unit("43").id);
    const parts = new Map(group.subsidiaries.map((s) => [s.id, s.visible]));
    expect(parts).toEqual(
      new Map([
        [far.id, true],
        [near.id, false],
      ]),
    );
    // The subsidiary's own 360° view names its group, though the parent is out of reach.
    const overview = (await zz.get(`/api/v1/customers/${far.id}/overview`)).json();
    expect(overview.parentGroup).toMatchObject({ id: parent.id, name: group.parent.name });
  });

  it("someone who sees neither the parent nor any subsidiary gets 404", async () => {
    const parent = await create("430101G1");
    await create("430101G2", { parentId: parent.id });
    const zz = await t.login("zz_mgr");
    expect((await zz.get(`/api/v1/customers/${parent.id}/group`)).statusCode).toBe(404);
    expect((await zz.get("/api/v1/customers/not-a-uuid/group")).statusCode).toBe(404);
  });

  it("merging away the only far subsidiary brings the group home", async () => {
    const parent = await create("430101G1");
    const far = await create("430201G1", { parentId: parent.id });
    const twin = await create("430101G1", { name: `跨区集团测试孪生${serial}号` });
    expect((await get(parent.id)).orgUnitId).toBe(unit("43").id);
    const survivor = await get(twin.id);
    const duplicate = await get(far.id);
    const res = await admin.post(`/api/v1/customers/${twin.id}/merge`, {
      duplicateId: far.id,
      version: survivor.version,
      duplicateVersion: duplicate.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(parent.id)).orgUnitId).toBe(unit("430101G1").id);
  });
});
