import { seedDemo } from "../tools/datagen/index.ts";
import { ensureHq, isEmpty } from "./domain/org/index.ts";
import type { Config } from "./platform/config.ts";
import { ctypeWarning, migrateDatabase } from "./platform/db/migrate.ts";
import { openDatabase } from "./platform/db/open.ts";
import { buildServer } from "./server.ts";

/**
 * `jike serve`: listen at once (health answers 503 "starting"), then migrate and seed, then open the API.
 * SIGTERM/SIGINT finish in-flight requests and close the database cleanly.
 */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase(config);
  const { app, setReady, startJobs } = await buildServer(config, database);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  console.log(`Jike ${config.version} starting on ${where} — http://localhost:${port}`);

  await migrateDatabase(database);
  const warning = await ctypeWarning(database);
  if (warning) app.log.warn(warning);
  await ensureHq(database.db);
  if (config.demo && (await isEmpty(database.db))) {
    const started = Date.now();
    console.log("Empty database: generating the demo province…");
    const result = await seedDemo(database.db, {
      seed: config.seed,
      password: config.demoPassword,
      scale: "demo",
    });
    const c = result.counts;
    console.log(
      `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${c.units} org units, ${c.users} users, ` +
        `${c.customers} customers, ${c.members} members, ${c.contacts} key persons, ${c.revenueRows} revenue rows.`,
    );
  }
  await startJobs();
  setReady();
  console.log(`\nJike is ready: http://localhost:${port}   (API docs: http://localhost:${port}/docs)`);
  if (config.demo) printDemoLogins(config.demoPassword);
}

function printDemoLogins(password: string) {
  const logins = [
    ["admin", "系统管理员 administrator — whole tree"],
    ["hn_admin", "省公司管理员 administrator of 湖南省公司"],
    ["hn_mgr", "省公司集客部经理 province manager"],
    ["cs_mgr", "长沙分公司经理 city manager (长沙 only)"],
    ["fr_mgr", "芙蓉分公司经理 county manager (芙蓉 only)"],
    ["am_demo", "客户经理 account manager"],
    ["agent_demo", "客服代表 service agent"],
    ["analyst_demo", "市场洞察分析师 analyst"],
    ["partner_demo", "合作伙伴 partner"],
  ];
  console.log(`Demo logins (password for all: ${password}):`);
  for (const [user, what] of logins) console.log(`  ${user!.padEnd(14)} ${what}`);
}
