/**
 * Importing a province's month of revenue: 200,000 customers × 3 product lines = 600,000 rows, the size
 * of a large province's billing export. The customers are added to the seeded province, the CSV is
 * generated, and the file is imported through the import service twice: into an empty month, then again
 * (the month replaced, as a corrected export does). On a fresh PGlite database, and on PostgreSQL too
 * when BENCH_DATABASE_URL names a server (a scratch database is created and dropped).
 *   node --import tsx bench/import-revenue.ts      (BENCH_CUSTOMERS=… to change the size)
 * Prints and writes bench/results/import-revenue.json.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { importRevenueFile } from "../src/domain/customers/index.ts";
import type { Actor } from "../src/platform/auth/actor.ts";
import type { Database } from "../src/platform/db/index.ts";
import { migrateDatabase } from "../src/platform/db/migrate.ts";
import { rowsOf } from "../src/platform/db/sql.ts";
import { shanghaiMonth } from "../src/platform/time.ts";
import { seedDemo } from "../tools/datagen/index.ts";
import { openScratch, provinceAdmin } from "./scratch.ts";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 200_000);
const LINES = ["vpmn", "dedicated_line", "group_sms"];
const ROWS = CUSTOMERS * LINES.length;
const TARGET = 20_000;
const work = mkdtempSync(path.join(os.tmpdir(), "jike-bench-revenue-"));

/** Last month: a month the billing system has closed. */
function lastMonth(): string {
  const [y, m] = shanghaiMonth().split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** The synthetic customers, made server-side in one statement: codes RV000001… on the seeded grids. */
async function addCustomers(database: Database) {
  await database.db.execute(sql`insert into customer (province_id, id, code, name, org_unit_id)
    select 43, gen_random_uuid(), 'RV' || lpad(n::text, 6, '0'), '压测收入客户' || n,
      (select id from org_unit where province_id = 43 and level = 'grid' order by code limit 1)
    from generate_series(1, ${CUSTOMERS}) as n`);
  await database.db.execute(sql`analyze customer`);
}

/** The billing export: one row per customer and product line, amounts with two decimals. */
async function generateFile(file: string, month: string) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("month,customer_code,product_line,group_paid_yuan,member_paid_yuan\r\n");
  let chunk = "";
  for (let n = 1; n <= CUSTOMERS; n++) {
    const code = `RV${String(n).padStart(6, "0")}`;
    for (const [i, line] of LINES.entries()) {
      const fen = ((n * 7919 + i * 104729) % 5_000_000) + 100;
      chunk += `${month},${code},${line},${(fen / 100).toFixed(2)},${((fen % 977) / 100).toFixed(2)}\r\n`;
    }
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}

async function timedImport(database: Database, actor: Actor, file: string, month: string) {
  const phases: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await importRevenueFile(database.db, actor, {
    fileName: "billing.csv",
    source: createReadStream(file, { highWaterMark: 1 << 16 }),
    onPhase: (name, ms) => {
      phases[name] = +(ms / 1000).toFixed(2);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (result.rows !== ROWS) throw new Error(`imported ${result.rows} of ${ROWS}`);
  const [count] = await rowsOf<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from revenue_fact where province_id = 43 and month = ${`${month}-01`}::date`,
  );
  if (count?.n !== ROWS) throw new Error(`the month holds ${count?.n} rows, not ${ROWS}`);
  return {
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(ROWS / seconds),
    /** Seconds since the start at the end of each phase: read+check → customer lookups → write. */
    phases,
    /** CPU time of this process (PGlite runs inside it; a PostgreSQL server does not). */
    processCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    rowsBefore: result.months[0]!.before.rows,
    meetsTarget: ROWS / seconds >= TARGET,
  };
}

const file = path.join(work, "billing.csv");
const month = lastMonth();
const results: Record<string, unknown>[] = [];
let fileMiB = 0;
const kinds: ("pglite" | "postgres")[] = process.env.BENCH_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
try {
  for (const kind of kinds) {
    const { database, drop } = await openScratch(kind, work, "revenue");
    try {
      await migrateDatabase(database);
      await seedDemo(database.db, { seed: 20261123, password: "Bench@2026", scale: "test" });
      await addCustomers(database);
      if (fileMiB === 0) {
        await generateFile(file, month);
        fileMiB = +(statSync(file).size / 2 ** 20).toFixed(1);
        console.log(`generated ${ROWS} rows (${fileMiB} MiB) for ${month}`);
      }
      const actor = await provinceAdmin(database);
      // The seeded customers' facts of the month go first, so the first import loads an empty month.
      await database.db.execute(sql`delete from revenue_fact where month = ${`${month}-01`}::date`);
      const firstLoad = await timedImport(database, actor, file, month);
      console.log(kind, "first load", firstLoad);
      const replace = await timedImport(database, actor, file, month);
      console.log(kind, "replace", replace);
      results.push({ database: kind, rows: ROWS, customers: CUSTOMERS, firstLoad, replace });
    } finally {
      await drop();
    }
  }
  const report = {
    benchmark: "import-revenue",
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((n) => +n.toFixed(2)),
    },
    month,
    fileMiB,
    targetRowsPerSecond: TARGET,
    results,
  };
  console.log(JSON.stringify(report, null, 2));
  writeFileSync(
    new URL("results/import-revenue.json", import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
