import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";

interface Customer {
  id: string;
  name: string;
  memberCount: number;
  accountManager: { id: string } | null;
}
interface Member {
  id: string;
  customerId: string;
  msisdn: string;
  name: string | null;
  payer: "group" | "member";
  authentic: boolean;
  verifiedAt: string | null;
  joinedAt: string;
  leftAt: string | null;
}
interface Contact {
  id: string;
  customerId: string;
  name: string;
  rank: string;
  decisionRole: string;
  vipCard: string | null;
  mobile: string | null;
  reportsToId: string | null;
  version: number;
}
interface Page<T> {
  items: T[];
  total: number;
}

let t: TestApp;
let admin: Client;
let am: Client;
let customers: Customer[];
/** The customer with the most member lines, owned by am_demo. */
let big: Customer;
/** Another customer of am_demo, and one am_demo does not own. */
let second: Customer;
let foreign: Customer;

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

const members = async (client: Client, customerId: string, query = ""): Promise<Page<Member>> => {
  const res = await client.get(`/api/v1/customers/${customerId}/members?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const contacts = async (client: Client, customerId: string): Promise<Page<Contact>> => {
  const res = await client.get(`/api/v1/customers/${customerId}/contacts`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const allMembers = async (customerId: string, query = ""): Promise<Member[]> => {
  const out: Member[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await members(admin, customerId, `${query}&limit=200&offset=${offset}`);
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
};
const customerAudit = async (customerId: string) =>
  (await admin.get(`/api/v1/audit?entityType=customer&entityId=${customerId}&limit=200`)).json().items as {
    action: string;
    after: Record<string, unknown> | null;
    before: Record<string, unknown> | null;
  }[];

let phone = 0;
/** Numbers in a range the seed never draws (its prefixes are China Mobile's; 199 is not among them). */
const freshMsisdn = () => `199${String(++phone).padStart(8, "0")}`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  am = await t.login("am_demo");
  customers = (await admin.get("/api/v1/customers?limit=200")).json().items;
  const mine = customers
    .filter((c) => c.accountManager?.id === am.user.id)
    .sort((a, b) => b.memberCount - a.memberCount);
  big = mine[0]!;
  second = mine[1]!;
  foreign = customers.find((c) => c.accountManager?.id !== am.user.id)!;
});
afterAll(() => t.close());

describe("member lines", () => {
  it("lists current lines with paging consistent with the total", async () => {
    expect(big.memberCount).toBeGreaterThan(30);
    const first = await members(admin, big.id, "limit=10");
    expect(first.total).toBe(big.memberCount);
    expect(first.items).toHaveLength(10);
    const paged: Member[] = [];
    for (let offset = 0; offset < first.total; offset += 25) {
      const page = await members(admin, big.id, `limit=25&offset=${offset}`);
      expect(page.total).toBe(first.total);
      paged.push(...page.items);
    }
    expect(paged).toHaveLength(first.total);
    expect(new Set(paged.map((m) => m.id)).size).toBe(first.total);
    for (const m of paged) expect(m).toMatchObject({ customerId: big.id, leftAt: null });
    const joined = paged.map((m) => m.joinedAt);
    expect(joined).toEqual([...joined].sort().reverse());
  });

  it("finds lines by digits of the number, ignoring separators", async () => {
    const all = await allMembers(big.id);
    const target = all[7]!;
    const tail = target.msisdn.slice(-6);
    const found = await members(admin, big.id, `q=${tail}&limit=200`);
    expect(found.items.map((m) => m.id)).toContain(target.id);
    expect(found.total).toBe(all.filter((m) => m.msisdn.includes(tail)).length);
    for (const m of found.items) expect(m.msisdn).toContain(tail);
    const spaced = `${target.msisdn.slice(0, 3)}-${target.msisdn.slice(3, 7)}-${target.msisdn.slice(7)}`;
    const exact = await members(admin, big.id, `q=${encodeURIComponent(spaced)}`);
    expect(exact.items.map((m) => m.id)).toEqual([target.id]);
  });

  it("filters by who pays", async () => {
    const group = await members(admin, big.id, "payer=group&limit=200");
    const member = await members(admin, big.id, "payer=member&limit=200");
    expect(group.total + member.total).toBe(big.memberCount);
    expect(group.total).toBeGreaterThan(0);
    for (const m of group.items) expect(m.payer).toBe("group");
    for (const m of member.items) expect(m.payer).toBe("member");
  });

  it("adds a line: 201, shown at once (masked for an AM without pii:read), and audited with the number masked", async () => {
    const msisdn = freshMsisdn();
    const res = await am.post(`/api/v1/customers/${second.id}/members`, {
      msisdn,
      name: "张三",
      payer: "group",
      authentic: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      customerId: second.id,
      msisdn: `${msisdn.slice(0, 3)}****${msisdn.slice(-4)}`,
      payer: "group",
      authentic: true,
      verifiedAt: today(),
      joinedAt: today(),
      leftAt: null,
    });
    const found = await members(admin, second.id, `q=${msisdn}`);
    expect(found.items.map((m) => m.msisdn)).toEqual([msisdn]);
    const header = (await admin.get(`/api/v1/customers/${second.id}`)).json();
    expect(header.memberCount).toBe(second.memberCount + 1);

    const row = (await customerAudit(second.id)).find((a) => a.action === "member_add")!;
    expect(row.after).toMatchObject({ memberId: res.json().id, payer: "group" });
    expect(row.after?.msisdn).toBe(`${msisdn.slice(0, 3)}****${msisdn.slice(-4)}`);
  });

  it("defaults to a member-paid, unverified line", async () => {
    const res = await admin.post(`/api/v1/customers/${second.id}/members`, { msisdn: freshMsisdn() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ payer: "member", authentic: false, verifiedAt: null });
  });

  it("refuses a malformed number with 400", async () => {
    for (const msisdn of ["1381234567", "12812345678", "138-1234-5678", "abc"]) {
      const res = await admin.post(`/api/v1/customers/${second.id}/members`, { msisdn });
      expect(res.statusCode, msisdn).toBe(400);
    }
  });

  it("refuses a number already in any group: 409 member_in_group", async () => {
    const taken = (await members(admin, big.id, "limit=1")).items[0]!.msisdn;
    for (const target of [big, second, foreign]) {
      const res = await admin.post(`/api/v1/customers/${target.id}/members`, { msisdn: taken });
      expect(res.statusCode, target.name).toBe(409);
      expect(res.json()).toMatchObject({ code: "member_in_group", details: { field: "msisdn" } });
    }
  });

  it("a line that leaves drops off the current list, shows with current=false, and may join another group", async () => {
    const leaver = (await members(admin, big.id, "limit=1&offset=3")).items[0]!;
    const leftBefore = (await members(admin, big.id, "current=false")).total;
    const res = await am.post(`/api/v1/customers/${big.id}/members/${leaver.id}/leave`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: leaver.id, leftAt: today() });

    const current = await members(admin, big.id, `q=${leaver.msisdn}`);
    expect(current.items.map((m) => m.id)).not.toContain(leaver.id);
    expect((await members(admin, big.id, "limit=1")).total).toBe(big.memberCount - 1);
    const left = await members(admin, big.id, "current=false&limit=200");
    expect(left.total).toBe(leftBefore + 1);
    expect(left.items.find((m) => m.id === leaver.id)).toMatchObject({
      msisdn: leaver.msisdn,
      leftAt: today(),
    });
    expect((await admin.get(`/api/v1/customers/${big.id}/overview`)).json().members.total).toBe(
      big.memberCount - 1,
    );

    const again = await am.post(`/api/v1/customers/${big.id}/members/${leaver.id}/leave`, {});
    expect(again.statusCode).toBe(404);

    const joined = await admin.post(`/api/v1/customers/${foreign.id}/members`, { msisdn: leaver.msisdn });
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ customerId: foreign.id, leftAt: null });
    const back = await admin.post(`/api/v1/customers/${big.id}/members`, { msisdn: leaver.msisdn });
    expect(back.statusCode).toBe(409);

    const actions = (await customerAudit(big.id)).map((a) => a.action);
    expect(actions).toContain("member_leave");
  });

  it("records the leaving date given", async () => {
    const m = (await admin.post(`/api/v1/customers/${second.id}/members`, { msisdn: freshMsisdn() })).json();
    const res = await admin.post(`/api/v1/customers/${second.id}/members/${m.id}/leave`, {
      leftAt: "2026-01-31",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().leftAt).toBe("2026-01-31");
  });

  it("answers 404 for a line of another customer, or a malformed id", async () => {
    const other = (await members(admin, second.id, "limit=1")).items[0]!;
    expect((await admin.post(`/api/v1/customers/${big.id}/members/${other.id}/leave`, {})).statusCode).toBe(
      404,
    );
    expect((await admin.post(`/api/v1/customers/${big.id}/members/xyz/leave`, {})).statusCode).toBe(404);
    expect((await members(admin, second.id, `q=${other.msisdn}`)).total).toBe(1);
  });

  it("keeps lines out of reach outside the caller's scope", async () => {
    expect((await am.get(`/api/v1/customers/${foreign.id}/members`)).statusCode).toBe(404);
    const add = await am.post(`/api/v1/customers/${foreign.id}/members`, { msisdn: freshMsisdn() });
    expect(add.statusCode).toBe(404);
    const line = (await members(admin, foreign.id, "limit=1")).items[0]!;
    expect((await am.post(`/api/v1/customers/${foreign.id}/members/${line.id}/leave`, {})).statusCode).toBe(
      404,
    );
    const agent = await t.login("agent_demo");
    expect((await agent.get(`/api/v1/customers/${foreign.id}/members`)).statusCode).toBe(200);
    const denied = await agent.post(`/api/v1/customers/${foreign.id}/members`, { msisdn: freshMsisdn() });
    expect(denied.statusCode).toBe(403);
  });
});

describe("key persons", () => {
  const create = (customerId: string, body: Record<string, unknown>, client = admin) =>
    client.post(`/api/v1/customers/${customerId}/contacts`, { decisionRole: "influencer", ...body });
  const made = async (customerId: string, body: Record<string, unknown>): Promise<Contact> => {
    const res = await create(customerId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const patch = (customerId: string, contactId: string, body: Record<string, unknown>, client = admin) =>
    client.patch(`/api/v1/customers/${customerId}/contacts/${contactId}`, body);

  it("lists the decision makers first", async () => {
    await made(second.id, { name: "阿七", decisionRole: "user" });
    await made(second.id, { name: "周八", decisionRole: "decision_maker", rank: "section" });
    const list = await contacts(admin, second.id);
    expect(list.total).toBe(list.items.length);
    const roles = list.items.map((c) => c.decisionRole);
    const lastDecider = roles.lastIndexOf("decision_maker");
    expect(roles.slice(0, lastDecider + 1).every((r) => r === "decision_maker")).toBe(true);
    expect(roles.filter((r) => r === "decision_maker")).toHaveLength(2);
  });

  it.each([
    ["bureau", "diamond"],
    ["division", "gold"],
    ["section", "silver"],
    ["other", null],
  ])("a %s-rank key person gets the %s card", async (rank, card) => {
    const c = await made(second.id, { name: `${rank}人`, rank, mobile: "13912345678", title: "处长" });
    expect(c).toMatchObject({
      rank,
      vipCard: card,
      version: 1,
      customerId: second.id,
      mobile: "13912345678",
    });
  });

  it("a key person without a rank is 'other', with no card", async () => {
    const c = await made(second.id, { name: "无级别" });
    expect(c).toMatchObject({ rank: "other", vipCard: null });
  });

  it("updates with the current version, and refuses a stale one with 409", async () => {
    const c = await made(second.id, { name: "李四", rank: "section" });
    const res = await patch(second.id, c.id, { version: 1, rank: "bureau", title: "局长" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, rank: "bureau", vipCard: "diamond", name: "李四" });
    const stale = await patch(second.id, c.id, { version: 1, name: "李五" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      details: { current: { id: c.id, version: 2 } },
    });
    const now = (await contacts(admin, second.id)).items.find((x) => x.id === c.id);
    expect(now).toMatchObject({ name: "李四", version: 2 });
    const actions = (await customerAudit(second.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["contact_create", "contact_update"]));
  });

  it("refuses a boss from another customer: 422 invalid_reports_to", async () => {
    const outsider = (await contacts(admin, big.id)).items[0]!;
    const res = await create(second.id, { name: "王五", reportsToId: outsider.id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "invalid_reports_to", details: { field: "reportsToId" } });
    const c = await made(second.id, { name: "王六" });
    const upd = await patch(second.id, c.id, { version: 1, reportsToId: outsider.id });
    expect(upd.statusCode).toBe(422);
    const unknown = await patch(second.id, c.id, {
      version: 1,
      reportsToId: "0190a000-0000-7000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(422);
  });

  it("refuses a reporting loop: A reports to B, then B to A", async () => {
    const a = await made(second.id, { name: "甲一" });
    const b = await made(second.id, { name: "乙二" });
    const c = await made(second.id, { name: "丙三", reportsToId: b.id });
    expect((await patch(second.id, a.id, { version: 1, reportsToId: b.id })).statusCode).toBe(200);
    const loop = await patch(second.id, b.id, { version: 1, reportsToId: a.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().code).toBe("invalid_reports_to");
    const longer = await patch(second.id, b.id, { version: 1, reportsToId: c.id });
    expect(longer.statusCode).toBe(422);
    const self = await patch(second.id, a.id, { version: 2, reportsToId: a.id });
    expect(self.statusCode).toBe(422);
    const detached = await patch(second.id, a.id, { version: 2, reportsToId: null });
    expect(detached.statusCode).toBe(200);
    expect((await patch(second.id, b.id, { version: 1, reportsToId: a.id })).statusCode).toBe(200);
  });

  it("deleting a key person re-attaches their reports to their own boss", async () => {
    const boss = (await contacts(admin, big.id)).items.find((c) => c.decisionRole === "decision_maker")!;
    const middle = await made(big.id, { name: "中层", reportsToId: boss.id });
    const x = await made(big.id, { name: "下属甲", reportsToId: middle.id });
    const y = await made(big.id, { name: "下属乙", reportsToId: middle.id });
    const before = (await contacts(admin, big.id)).total;

    const res = await am.delete(`/api/v1/customers/${big.id}/contacts/${middle.id}`);
    expect(res.statusCode).toBe(204);
    const after = await contacts(admin, big.id);
    expect(after.total).toBe(before - 1);
    expect(after.items.map((c) => c.id)).not.toContain(middle.id);
    for (const id of [x.id, y.id]) expect(after.items.find((c) => c.id === id)?.reportsToId).toBe(boss.id);

    const top = await made(big.id, { name: "顶层" });
    const under = await made(big.id, { name: "顶层下属", reportsToId: top.id });
    expect((await admin.delete(`/api/v1/customers/${big.id}/contacts/${top.id}`)).statusCode).toBe(204);
    expect((await contacts(admin, big.id)).items.find((c) => c.id === under.id)?.reportsToId).toBeNull();

    expect((await admin.delete(`/api/v1/customers/${big.id}/contacts/${middle.id}`)).statusCode).toBe(404);
    expect((await customerAudit(big.id)).map((a) => a.action)).toContain("contact_delete");
  });

  it("keeps key persons out of reach outside the caller's scope: 404", async () => {
    const theirs = (await contacts(admin, foreign.id)).items[0]!;
    expect((await am.get(`/api/v1/customers/${foreign.id}/contacts`)).statusCode).toBe(404);
    expect((await create(foreign.id, { name: "越权" }, am)).statusCode).toBe(404);
    expect(
      (await patch(foreign.id, theirs.id, { version: theirs.version, name: "越权" }, am)).statusCode,
    ).toBe(404);
    expect((await am.delete(`/api/v1/customers/${foreign.id}/contacts/${theirs.id}`)).statusCode).toBe(404);
    const viaOwn = await patch(second.id, theirs.id, { version: theirs.version, name: "越权" }, am);
    expect(viaOwn.statusCode).toBe(404);
    expect((await am.delete(`/api/v1/customers/${second.id}/contacts/${theirs.id}`)).statusCode).toBe(404);
    expect((await contacts(admin, foreign.id)).items.find((c) => c.id === theirs.id)).toMatchObject({
      name: theirs.name,
      version: theirs.version,
    });
  });

  it("masks key persons' mobiles for callers without pii:read", async () => {
    const hn = await t.login("hn_mgr");
    const plain = await contacts(admin, foreign.id);
    const masked = await contacts(hn, foreign.id);
    expect(masked.total).toBe(plain.total);
    for (const c of masked.items) expect(c.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    for (const c of plain.items) expect(c.mobile).toMatch(/^1[3-9]\d{9}$/);
  });
});
