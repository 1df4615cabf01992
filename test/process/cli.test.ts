import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/process.ts";

let dataDir: string;
const env = () => ({ JIKE_DATA_DIR: dataDir, JIKE_DEMO: "0" });
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "jike-cli-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("jike CLI", () => {
  it("lists its commands", async () => {
    const { code, output } = await runCli(["--help"], env());
    expect(code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "user"]) expect(output).toContain(command);
  });

  it("explains what is wrong with a bad user and creates nothing", async () => {
    const bad = await runCli(
      ["user", "create", "--username", "ops", "--name", "运维", "--password", "short"],
      env(),
    );
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/--password: at least 8 characters/);
    const unknownOrg = await runCli(
      ["user", "create", "--username", "ops", "--name", "运维", "--password", "Good12345", "--org", "NOPE"],
      env(),
    );
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.output).toMatch(/No org unit with code NOPE/);
  });

  it("creates the first administrator, then refuses the same username again", async () => {
    const args = ["user", "create", "--username", "ops", "--name", "运维", "--password", "Good12345"];
    const first = await runCli(args, env());
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Created user ops \(admin\) in 集团总部/);
    const again = await runCli(args, env());
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already in use/);
  });

  it("seeds demo data only into an empty database", async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), "jike-cli-seed-"));
    try {
      const seeded = await runCli(["seed", "--scale", "test", "--seed", "3"], { JIKE_DATA_DIR: emptyDir });
      expect(seeded.code, seeded.output).toBe(0);
      expect(seeded.output).toMatch(/Seeded \d+ org units, \d+ users, 48 customers, \d+ member lines/);
      const twice = await runCli(["seed", "--scale", "test"], { JIKE_DATA_DIR: emptyDir });
      expect(twice.code).toBe(1);
      expect(twice.output).toMatch(/already holds data/);
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
