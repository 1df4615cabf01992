/**
 * The province's duplicate scan (service/duplicates.ts) on the database `npm run bench:customers` seeds:
 * BENCH_DATABASE_URL names the server, BENCH_SCALE the scale (province: 200,000 customers). Each scan
 * replaces the stored pairs, so runs repeat the same work.
 *   BENCH_DATABASE_URL=postgres://… BENCH_SCALE=province node --import tsx bench/duplicate-scan.ts
 * Prints and writes bench/results/duplicate-scan-<scale>.json.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { scanDuplicates } from "../src/domain/customers/index.ts";
import { openPostgres } from "../src/platform/db/open.ts";
import { provinceAdmin } from "./scratch.ts";

const base = process.env.BENCH_DATABASE_URL;
if (!base)
  throw new Error("BENCH_DATABASE_URL must name a PostgreSQL server seeded by npm run bench:customers");
const scale = process.env.BENCH_SCALE ?? "demo";
const url = new URL(base);
url.pathname = `/jike_bench_${scale}`;
const database = await openPostgres(url.toString());
const actor = await provinceAdmin(database);
const runs: { seconds: number; customers: number; pairs: number }[] = [];
try {
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = await scanDuplicates(database.db, actor, actor.provinceId);
    runs.push({ seconds: +((performance.now() - t0) / 1000).toFixed(2), ...result });
  }
} finally {
  await database.close();
}
const out = {
  benchmark: "duplicate-scan",
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  scale,
  runs,
};
console.log(JSON.stringify(out, null, 2));
writeFileSync(
  new URL(`results/duplicate-scan-${scale}.json`, import.meta.url),
  `${JSON.stringify(out, null, 2)}\n`,
);
