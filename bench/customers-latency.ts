/**
 * Latency of the customer list and the 360° view under 50 concurrent requests, on PostgreSQL when
 * BENCH_DATABASE_URL names a server (the database jike_bench_<scale> is created and seeded once and
 * reused), else on a PGlite folder. Also counts sequential scans per table during the run, so a list or
 * view that stopped using its indexes shows up here.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_SCALE=demo npm run bench:customers
 * Targets (J2): 360° p99 ≤ 20 ms, list p99 ≤ 50 ms at 50 concurrent requests.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { isEmpty } from "../src/domain/org/index.ts";
import type { Database } from "../src/platform/db/index.ts";
import { migrateDatabase } from "../src/platform/db/migrate.ts";
import { openPglite, openPostgres } from "../src/platform/db/open.ts";
import { rowsOf } from "../src/platform/db/sql.ts";
import { signIn, startServer, stop } from "../test/helpers/process.ts";
import { seedDemo } from "../tools/datagen/index.ts";
import { benchSignIn } from "./client.ts";
import { runLoad, runPaced } from "./load.ts";

const scale = (process.env.BENCH_SCALE ?? "demo") as "demo" | "test" | "province";
const PASSWORD = "Bench@2026";
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** The paced run: 50 people at work, each sending a request every half second on average. */
const PACED_RATE = Number(process.env.BENCH_RATE ?? 100);

let dataDir: string | undefined;
async function open(): Promise<{ database: Database; kind: string; url?: string }> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "jike-bench-"));
    return { database: await openPglite(dataDir), kind: "pglite" };
  }
  const name = `jike_bench_${scale}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { database: await openPostgres(url.toString()), kind: "postgres", url: url.toString() };
}

async function tableScans(database: Database) {
  const rows = await rowsOf<{ relname: string; seq_scan: number; idx_scan: number }>(
    database.db,
    sql`select relname, seq_scan::int, coalesce(idx_scan, 0)::int as idx_scan from pg_stat_user_tables
        where relname in ('customer', 'member', 'contact', 'revenue_fact', 'org_unit')`,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, { seq: r.seq_scan, idx: r.idx_scan }]));
}

const { database, kind, url: databaseUrl } = await open();
await migrateDatabase(database);
if (await isEmpty(database.db)) {
  const t0 = performance.now();
  await seedDemo(database.db, { seed: 20261123, password: PASSWORD, scale });
  console.log(`seeded ${scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
// The server runs in its own process, as in production, so the load loop does not steal its event loop.
await database.close();
const server = await startServer({
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { JIKE_DATA_DIR: dataDir! }),
  JIKE_DEMO: "0",
  JIKE_LOGIN_RATE: "10000",
  LOG_LEVEL: "warn",
});
const url = server.url;
const stats = databaseUrl ? await openPostgres(databaseUrl) : null;
const admin = await signIn(url, "admin", PASSWORD);
const city = await signIn(url, "cs_mgr", PASSWORD);
// Customers spread over the archive: five pages of 200 along the code order, far apart.
const ids: string[] = [];
for (let page = 0; page < 5; page++) {
  const res = await admin.call("GET", `/api/v1/customers?limit=200&sort=code&offset=${page * 1900}`);
  ids.push(...((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id));
}
const units = (
  (await (await city.call("GET", "/api/v1/org/units?level=county&limit=200")).json()) as {
    items: { id: string }[];
  }
).items.map((u) => u.id);
// The load itself goes through lean keep-alive clients, one per person signed in.
const adminLoad = await benchSignIn(url, "admin", PASSWORD);
const cityLoad = await benchSignIn(url, "cs_mgr", PASSWORD);
const lists = [
  "/api/v1/customers?grade=A&limit=20",
  "/api/v1/customers?q=%E5%8C%BB%E9%99%A2&limit=20",
  "/api/v1/customers?status=at_risk&sort=handsets&order=desc&limit=20",
  ...units.slice(0, 5).map((u) => `/api/v1/customers?orgUnitId=${u}&limit=20`),
  "/api/v1/customers?marketSegment=finance,party_gov_military&limit=20&offset=20",
];

// Warm the caches, the prepared statements of every pooled connection and the server's compiled code
// for both reads, then measure.
await runLoad((i) => adminLoad.get(`/api/v1/customers/${ids[i % ids.length]}/overview`), {
  total: 400,
  concurrency: 10,
});
await runLoad((i) => (i % 2 ? adminLoad : cityLoad).get(lists[i % lists.length]!), {
  total: 400,
  concurrency: 10,
});
const before = stats ? await tableScans(stats) : null;
const overview = await runLoad(
  (i) => adminLoad.get(`/api/v1/customers/${ids[(i * 7) % ids.length]}/overview`),
  {
    total: TOTAL,
    concurrency: CONCURRENCY,
  },
);
const list = await runLoad((i) => (i % 2 ? adminLoad : cityLoad).get(lists[i % lists.length]!), {
  total: TOTAL,
  concurrency: CONCURRENCY,
});
// Saturation above says how many requests the machine serves; the paced runs say how long a person
// waits while 50 of them work at once.
const paced = { total: TOTAL, perSecond: PACED_RATE, maxInFlight: CONCURRENCY };
const overviewPaced = await runPaced(
  (i) => adminLoad.get(`/api/v1/customers/${ids[(i * 11) % ids.length]}/overview`),
  paced,
);
const listPaced = await runPaced((i) => (i % 2 ? adminLoad : cityLoad).get(lists[i % lists.length]!), paced);
const after = stats ? await tableScans(stats) : null;
const [counts] = stats
  ? await rowsOf<{ customers: number; members: number }>(
      stats.db,
      sql`select (select count(*)::int from customer) as customers, (select count(*)::int from member) as members`,
    )
  : [null];

const result = {
  benchmark: "customers-latency",
  at: new Date().toISOString(),
  database: kind,
  scale,
  machine: { cpus: os.cpus().length, node: process.version },
  data: counts,
  concurrency: CONCURRENCY,
  closedLoop: { note: `${CONCURRENCY} requests always in flight`, overviewMs: overview, listMs: list },
  paced: {
    note: `${PACED_RATE} requests/s offered on a schedule, at most ${CONCURRENCY} in flight`,
    overviewMs: overviewPaced,
    listMs: listPaced,
  },
  targets: { overviewP99Ms: 20, listP99Ms: 50 },
  sequentialScansDuringRun:
    before && after
      ? Object.fromEntries(
          Object.keys(after).map((t) => [
            t,
            { seq: after[t]!.seq - (before[t]?.seq ?? 0), idx: after[t]!.idx - (before[t]?.idx ?? 0) },
          ]),
        )
      : "n/a on PGlite",
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(
  new URL(`results/customers-latency-${kind}-${scale}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
adminLoad.close();
cityLoad.close();
await stats?.close();
await stop(server);
