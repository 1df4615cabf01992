import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
    for (const command of ["serve", "migrate", "seed", "user", "import"]) expect(output).toContain(command);
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

describe("jike import revenue", () => {
  let seeded: string;
  let file: string;
  beforeAll(async () => {
    seeded = mkdtempSync(path.join(tmpdir(), "jike-cli-revenue-"));
    const seed = await runCli(["seed", "--scale", "test"], { JIKE_DATA_DIR: seeded });
    expect(seed.code, seed.output).toBe(0);
    file = path.join(seeded, "billing.csv");
  }, 120_000);
  afterAll(() => rmSync(seeded, { recursive: true, force: true }));

  it("replaces the month and prints what it became", async () => {
    writeFileSync(
      file,
      "month,customer_code,product_line,group_paid_yuan,member_paid_yuan\n2024-01,JK00000001,vpmn,1200.50,0\n",
    );
    const { code, output } = await runCli(["import", "revenue", file], { JIKE_DATA_DIR: seeded });
    expect(code, output).toBe(0);
    expect(output).toContain("Imported billing.csv (utf-8): 1 rows, 1 customers, 1,200.50 yuan");
    expect(output).toMatch(/2024-01\s+0 → 1 /);
  });

  it("prints every problem and exits with 1 on a rejected file", async () => {
    writeFileSync(
      file,
      "month,customer_code,product_line,group_paid_yuan,member_paid_yuan\n2024-01,JK00000001,vpmn,1,0\n2024-01,NOSUCH,vpmn,1,0\n2024-01,JK00000002,vpmn,1.001,0\n",
    );
    const { code, output } = await runCli(["import", "revenue", file, "--lang", "en-US"], {
      JIKE_DATA_DIR: seeded,
    });
    expect(code).toBe(1);
    expect(output).toContain("Nothing was imported: 2 problem(s) in billing.csv.");
    expect(output).toContain(
      'row 3, customer_code "NOSUCH": No customer of this province has the code NOSUCH.',
    );
    expect(output).toContain('row 4, group_paid_yuan "1.001": At most two decimals (fen).');
  });
});
