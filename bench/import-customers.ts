/**
 * Importing a large archive file: an .xlsx of 100,000 valid customers spread over the seeded grids is
 * generated, then imported through the import service (streaming read, validation, one transaction) on a
 * fresh PGlite database, and on PostgreSQL too when BENCH_DATABASE_URL names a server (a scratch database
 * is created and dropped). Target: ≥ 10,000 rows/s.
 *   node --import tsx bench/import-customers.ts      (BENCH_ROWS=… to change the size)
 * Prints and writes bench/results/import-customers.json.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { creditCodeCheckChar } from "../src/domain/customers/rules/archive.ts";
import { headerOf, SHEETS } from "../src/domain/customers/service/import/columns.ts";
import { importCustomerFile } from "../src/domain/customers/service/import/import-file.ts";
import type { Database } from "../src/platform/db/index.ts";
import { migrateDatabase } from "../src/platform/db/migrate.ts";
import { rowsOf } from "../src/platform/db/sql.ts";
import { seedDemo } from "../tools/datagen/index.ts";
import { openScratch, provinceAdmin } from "./scratch.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SCALE = (process.env.BENCH_SCALE ?? "demo") as "demo" | "test";
const TARGET = 10_000;
const work = mkdtempSync(path.join(os.tmpdir(), "jike-bench-import-"));

interface Seeded {
  grids: string[];
  accountManagers: string[];
}

async function seededNames(database: Database): Promise<Seeded> {
  const grids = await rowsOf<{ code: string }>(
    database.db,
    sql`select code from org_unit where level = 'grid' and province_id = 43 order by code`,
  );
  const ams = await rowsOf<{ username: string }>(
    database.db,
    sql`select u.username from app_user u join user_role r on r.province_id = u.province_id and r.user_id = u.id
        where r.role_code = 'account_manager' and u.province_id = 43 order by u.username`,
  );
  return { grids: grids.map((g) => g.code), accountManagers: ams.map((a) => a.username) };
}

const SECTIONS: [string, string[]][] = [
  ["C", ["13", "26", "34", "39"]],
  ["F", ["51", "52"]],
  ["I", ["63", "64", "65"]],
  ["E", ["47", "48"]],
  ["L", ["71", "72"]],
  ["P", ["83"]],
];
const CLUSTERS = ["楼宇", "园区", "专业市场", "商业街"];
const STATUSES = ["在网", "在网", "在网", "潜在", "预警"];

/** The file a province would send: every column of the template filled in, codes never seen before. */
async function generateFile(file: string, seeded: Seeded) {
  const columns = SHEETS.customers.columns;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = writer.addWorksheet(SHEETS.customers.name);
  sheet.addRow(columns.map(headerOf)).commit();
  for (let i = 0; i < ROWS; i++) {
    const [section, divisions] = SECTIONS[i % SECTIONS.length]!;
    const first17 = `91430100MA${String(i).padStart(7, "0")}`;
    const values: Record<string, string | number | null> = {
      code: `BX${String(i + 1).padStart(8, "0")}`,
      name: `湖南压测${i + 1}号科技有限公司`,
      shortName: `压测${i + 1}`,
      creditCode: first17 + creditCodeCheckChar(first17),
      industrySection: section,
      industryDivision: divisions[i % divisions.length]!,
      address: `湖南省长沙市芙蓉区五一大道${(i % 999) + 1}号`,
      orgUnitCode: seeded.grids[i % seeded.grids.length]!,
      cluster: i % 4 === 0 ? `创业大厦${i % 50}` : null,
      clusterType: i % 4 === 0 ? CLUSTERS[i % CLUSTERS.length]! : null,
      employees: 20 + (i % 500),
      handsets: 10 + (i % 400),
      parentCode: null,
      status: STATUSES[i % STATUSES.length]!,
      accountManagerUsername: seeded.accountManagers[i % seeded.accountManagers.length]!,
      customerEngineerUsername: null,
      important: i % 10 === 0 ? "是" : "否",
      tags: i % 7 === 0 ? "top500_taxpayer" : null,
      notes: null,
    };
    sheet.addRow(columns.map((c) => values[c.key] ?? null)).commit();
  }
  sheet.commit();
  await writer.commit();
}

const file = path.join(work, "customers.xlsx");
const results: Record<string, unknown>[] = [];
let fileMiB = 0;
// BENCH_KINDS=postgres measures one of them alone.
const kinds = (process.env.BENCH_KINDS ?? (process.env.BENCH_DATABASE_URL ? "pglite,postgres" : "pglite"))
  .split(",")
  .filter((k): k is "pglite" | "postgres" => k === "pglite" || k === "postgres");
try {
  for (const kind of kinds) {
    const { database, drop } = await openScratch(kind, work, "import");
    try {
      await migrateDatabase(database);
      await seedDemo(database.db, { seed: 20261123, password: "Bench@2026", scale: SCALE });
      const seeded = await seededNames(database);
      if (fileMiB === 0) {
        const g0 = performance.now();
        await generateFile(file, seeded);
        fileMiB = +(statSync(file).size / 2 ** 20).toFixed(1);
        console.log(
          `generated ${ROWS} rows (${fileMiB} MiB) in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
        );
      }
      const actor = await provinceAdmin(database);
      const phases: Record<string, number> = {};
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await importCustomerFile(database.db, actor, {
        fileName: "customers.xlsx",
        source: createReadStream(file),
        onPhase: (name, ms) => {
          phases[name] = +(ms / 1000).toFixed(2);
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      if (result.created.customers !== ROWS)
        throw new Error(`imported ${result.created.customers} of ${ROWS}`);
      const [count] = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from customer where code like 'BX%'`,
      );
      const entry = {
        database: kind,
        rows: ROWS,
        seconds: +seconds.toFixed(2),
        rowsPerSecond: Math.round(ROWS / seconds),
        /** Seconds since the start at the end of each phase: read → lookups → validate → write. */
        phases,
        /** CPU time of this process (PGlite runs inside it; a PostgreSQL server does not). */
        processCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
        customersInDatabase: count?.n ?? 0,
        meetsTarget: ROWS / seconds >= TARGET,
      };
      console.log(entry);
      results.push(entry);
    } finally {
      await drop();
    }
  }
  const report = {
    benchmark: "import-customers",
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((n) => +n.toFixed(2)),
    },
    seedScale: SCALE,
    fileMiB,
    targetRowsPerSecond: TARGET,
    results,
  };
  console.log(JSON.stringify(report, null, 2));
  writeFileSync(
    new URL("results/import-customers.json", import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
