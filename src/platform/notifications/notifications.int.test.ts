import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { notify } from "./service.ts";

interface Notification {
  id: string;
  kind: string;
  title: string;
  readAt: string | null;
  createdAt: string;
}
interface Inbox {
  items: Notification[];
  total: number;
  unread: number;
}

let t: TestApp;
let admin: Client;
let reader: Client;
let other: Client;

const inbox = async (client: Client, query = "limit=200"): Promise<Inbox> => {
  const res = await client.get(`/api/v1/notifications?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** A new account (welcome) whose roles change twice (two roles_changed notices): three unread notices. */
async function personWithThreeNotices(username: string): Promise<Client> {
  const orgUnitId = (await admin.get("/api/v1/org/units?q=430201G1")).json().items[0].id;
  const created = await admin.post("/api/v1/users", {
    username,
    name: "收件人",
    password: "Inbox1234",
    roles: ["account_manager"],
    orgUnitId,
  });
  expect(created.statusCode).toBe(201);
  const { id } = created.json();
  expect(
    (await admin.patch(`/api/v1/users/${id}`, { version: 1, roles: ["account_manager", "analyst"] }))
      .statusCode,
  ).toBe(200);
  expect((await admin.patch(`/api/v1/users/${id}`, { version: 2, roles: ["analyst"] })).statusCode).toBe(200);
  return t.login(username, "Inbox1234");
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  reader = await personWithThreeNotices("inbox_reader");
  other = await personWithThreeNotices("inbox_other");
});
afterAll(() => t.close());

describe("the inbox", () => {
  it("lists one's own notices, newest first, with the unread count", async () => {
    const box = await inbox(reader);
    expect(box).toMatchObject({ total: 3, unread: 3 });
    expect(box.items.map((n) => n.kind).sort()).toEqual(["roles_changed", "roles_changed", "welcome"]);
    expect(box.items.at(-1)?.kind).toBe("welcome");
    for (const n of box.items) expect(n.readAt).toBeNull();
    const otherIds = new Set((await inbox(other)).items.map((n) => n.id));
    for (const n of box.items) expect(otherIds.has(n.id)).toBe(false);
  });

  it("marks one notice read, and the unread filter and count follow", async () => {
    const [first] = (await inbox(reader)).items;
    if (!first) throw new Error("empty inbox");
    expect((await reader.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(204);

    const box = await inbox(reader);
    expect(box).toMatchObject({ total: 3, unread: 2 });
    expect(box.items.find((n) => n.id === first.id)?.readAt).toEqual(expect.any(String));
    const unread = await inbox(reader, "unread=true");
    expect(unread.total).toBe(2);
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    for (const n of unread.items) expect(n.readAt).toBeNull();

    expect((await reader.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await inbox(reader)).unread).toBe(2);
  });

  it("cannot mark someone else's notice: 404, and theirs stays unread", async () => {
    const [theirs] = (await inbox(other)).items;
    if (!theirs) throw new Error("empty inbox");
    const res = await reader.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("notification_not_found");
    expect((await admin.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await inbox(other)).unread).toBe(3);
  });

  it("answers 404 for a malformed or unknown id", async () => {
    for (const id of ["not-a-uuid", "01900000-0000-7000-8000-000000000000"]) {
      const res = await reader.post(`/api/v1/notifications/${id}/read`);
      expect(res.statusCode, id).toBe(404);
      expect(res.json().code).toBe("notification_not_found");
    }
  });

  it("marks everything read at once, touching no one else's inbox", async () => {
    expect((await reader.post("/api/v1/notifications/read-all")).statusCode).toBe(204);
    const box = await inbox(reader);
    expect(box).toMatchObject({ total: 3, unread: 0 });
    for (const n of box.items) expect(n.readAt).toEqual(expect.any(String));
    expect((await inbox(reader, "unread=true")).total).toBe(0);
    expect((await inbox(reader, "unread=false")).total).toBe(3);
    expect((await inbox(other)).unread).toBe(3);
    expect((await reader.post("/api/v1/notifications/read-all")).statusCode).toBe(204);
  });

  it("pages through the inbox consistently with the total", async () => {
    const first = await inbox(other, "limit=2&offset=0");
    const rest = await inbox(other, "limit=2&offset=2");
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(1);
    expect(first.total).toBe(3);
    expect(rest.total).toBe(3);
    const all = (await inbox(other)).items.map((n) => n.id);
    expect([...first.items, ...rest.items].map((n) => n.id)).toEqual(all);
  });

  it("clamps a page to 200 notices however many are asked for, and still counts them all", async () => {
    await notify(
      t.database.db,
      Array.from({ length: 230 }, (_, i) => ({
        provinceId: reader.user.provinceId,
        userId: reader.user.id,
        kind: "reminder",
        title: `提醒 ${i}`,
      })),
    );
    const res = await reader.get("/api/v1/notifications?limit=1000");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(200);
    expect(res.json()).toMatchObject({ total: 233, unread: 230 });
  });
});
