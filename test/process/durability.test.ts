import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, signIn, startServer, stop } from "../helpers/process.ts";

// The embedded database must survive what happens to real servers: a clean SIGTERM and a kill -9 in the
// middle of writes. Runs the real CLI and server processes on a PGlite data folder.
let dataDir: string;
const env = () => ({ JIKE_DATA_DIR: dataDir, JIKE_DEMO: "0" });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "jike-durability-"));
  const created = await runCli(
    ["user", "create", "--username", "root", "--name", "运维管理员", "--password", "Root12345"],
    env(),
  );
  expect(created.code, created.output).toBe(0);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function unitCodes(url: string): Promise<string[]> {
  const api = await signIn(url, "root", "Root12345");
  const res = await api.call("GET", "/api/v1/org/units?level=province&limit=200");
  return ((await res.json()) as { items: { code: string }[] }).items.map((u) => u.code);
}

describe("PGlite data folder", () => {
  it("refuses a second server on the same folder while the first runs", async () => {
    const first = await startServer(env());
    try {
      const second = await runCli(["migrate"], env());
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(/in use by process/);
    } finally {
      expect(await stop(first)).toBe(0);
    }
  });

  it("shuts down cleanly on SIGTERM and keeps committed writes", async () => {
    const server = await startServer(env());
    const api = await signIn(server.url, "root", "Root12345");
    const hq = (await (await api.call("GET", "/api/v1/org/units?level=hq")).json()) as {
      items: { id: string }[];
    };
    const res = await api.call("POST", "/api/v1/org/units", {
      parentId: hq.items[0]!.id,
      level: "province",
      provinceId: 11,
      code: "11",
      name: "北京公司",
    });
    expect(res.status).toBe(201);
    expect(await stop(server, "SIGTERM")).toBe(0);
    const again = await startServer(env());
    expect(await unitCodes(again.url)).toContain("11");
    await stop(again);
  });

  it("survives kill -9 during a burst of writes: every acknowledged write is there after restart", async () => {
    const server = await startServer(env());
    const api = await signIn(server.url, "root", "Root12345");
    const hq = (await (await api.call("GET", "/api/v1/org/units?level=hq")).json()) as {
      items: { id: string }[];
    };
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 40 }, (_, i) => {
      const code = `${50 + i}`;
      return api
        .call("POST", "/api/v1/org/units", {
          parentId: hq.items[0]!.id,
          level: "province",
          provinceId: 50 + i,
          code,
          name: `省${code}`,
        })
        .then((r) => {
          if (r.status === 201) acknowledged.push(code);
        })
        .catch(() => undefined);
    });
    // Kill once some writes are acknowledged and others are still in flight.
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 5));
    server.child.kill("SIGKILL");
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    const restarted = await startServer(env());
    const codes = await unitCodes(restarted.url);
    for (const code of acknowledged) expect(codes).toContain(code);
    expect(codes).toContain("11");
    expect(await stop(restarted)).toBe(0);
  });
});
