/**
 * First start: `jike serve` on an empty PGlite folder until /api/v1/health answers ok (migrations + demo
 * data), then a second start on the same folder. Target: first start within 240 s on 2 cores.
 * Run: npm run bench:start   (prints and writes bench/results/first-start.json)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, stop } from "../test/helpers/process.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "jike-bench-start-"));
try {
  const env = { JIKE_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const t0 = performance.now();
  const first = await startServer(env, 300_000);
  const firstMs = performance.now() - t0;
  const seeded = first.output().match(/Demo data ready in ([\d.]+) s: (\d+) org units, (\d+) users/);
  await stop(first);
  const t1 = performance.now();
  const second = await startServer(env, 120_000);
  const secondMs = performance.now() - t1;
  await stop(second);
  const result = {
    benchmark: "first-start",
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    firstStartSeconds: +(firstMs / 1000).toFixed(2),
    demoSeedSeconds: seeded ? Number(seeded[1]) : null,
    orgUnits: seeded ? Number(seeded[2]) : null,
    users: seeded ? Number(seeded[3]) : null,
    secondStartSeconds: +(secondMs / 1000).toFixed(2),
    targetFirstStartSeconds: 240,
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(new URL("results/first-start.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
