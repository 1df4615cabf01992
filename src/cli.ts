import { Command, InvalidArgumentError, Option } from "commander";
import { and, eq } from "drizzle-orm";
import { seedDemo } from "../tools/datagen/index.ts";
import { importRevenueFromCli } from "./cli/import-revenue.ts";
import { UserCreate } from "./domain/org/contracts.ts";
import { createUser, isEmpty, orgSchema, systemActor } from "./domain/org/index.ts";
import { type Config, loadConfig } from "./platform/config.ts";
import type { Database } from "./platform/db/index.ts";
import { migrateDatabase } from "./platform/db/migrate.ts";
import { openDatabase } from "./platform/db/open.ts";
import { AppError } from "./platform/errors.ts";
import { serve } from "./serve.ts";

const program = new Command("jike")
  .description("Jike (集客): group-customer marketing & service management")
  .version(loadConfig().version);

/** Opens the configured database, migrates it, runs `work`, and always closes it. */
async function withDatabase(config: Config, work: (database: Database) => Promise<void>) {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    await work(database);
  } finally {
    await database.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
};

program
  .command("serve")
  .description("run the web app and API (PORT, default 3000); migrates and seeds demo data on first start")
  .action(() => serve(loadConfig()));

program
  .command("migrate")
  .description("apply pending database migrations and exit")
  .action(() => withDatabase(loadConfig(), async () => console.log("Migrations applied.")));

program
  .command("seed")
  .description("generate deterministic demo data into an empty database")
  .addOption(
    new Option(
      "--scale <scale>",
      "how much data: demo (2,000 customers), test (48), province (200,000 customers, ~4M lines; use PostgreSQL)",
    )
      .choices(["demo", "test", "province"])
      .default("demo"),
  )
  .option("--seed <n>", "random seed (same seed, same data)", positiveInt)
  .option("--password <password>", "password of every demo user (default JIKE_DEMO_PASSWORD or Jike@2026)")
  .action((opts: { scale: "demo" | "test" | "province"; seed?: number; password?: string }) => {
    const config = loadConfig();
    return withDatabase(config, async ({ db }) => {
      if (!(await isEmpty(db))) {
        throw new AppError(
          "conflict",
          "not_empty",
          "The database already holds data; seed only an empty database (or use a new JIKE_DATA_DIR).",
        );
      }
      const started = Date.now();
      let shown = 0;
      const result = await seedDemo(
        db,
        { seed: opts.seed ?? config.seed, password: opts.password ?? config.demoPassword, scale: opts.scale },
        (done) => {
          if (done - shown < 10_000) return;
          shown = done;
          console.log(
            `  ${done.toLocaleString("en-US")} customers written (${Math.round((Date.now() - started) / 1000)} s)`,
          );
        },
      );
      const c = result.counts;
      console.log(
        `Seeded ${c.units} org units, ${c.users} users, ${c.customers} customers, ${c.members} member lines, ` +
          `${c.contacts} key persons, ${c.revenueRows} revenue rows in ${Math.round((Date.now() - started) / 1000)} s.`,
      );
    });
  });

const user = program.command("user").description("manage users from the command line");
user
  .command("create")
  .description("create a user, e.g. the first administrator of a production install")
  .requiredOption("--username <username>")
  .requiredOption("--name <name>", "the person's name")
  .requiredOption("--password <password>", "at least 8 characters, letters and digits")
  .option("--roles <codes>", "comma-separated role codes", "admin")
  .option("--org <code>", "org unit code (default: HQ)", "HQ")
  .option("--province <id>", "province of the org unit (0 = HQ)", positiveInt, 0)
  .action(
    (opts: {
      username: string;
      name: string;
      password: string;
      roles: string;
      org: string;
      province: number;
    }) =>
      withDatabase(loadConfig(), async ({ db }) => {
        const actor = await systemActor(db);
        const { orgUnit } = orgSchema;
        const [unit] = await db
          .select({ id: orgUnit.id })
          .from(orgUnit)
          .where(and(eq(orgUnit.provinceId, opts.province), eq(orgUnit.code, opts.org)));
        if (!unit)
          throw new AppError(
            "not_found",
            "org_unit_not_found",
            `No org unit with code ${opts.org} in province ${opts.province}.`,
          );
        const body = UserCreate.parse({
          username: opts.username,
          name: opts.name,
          password: opts.password,
          roles: opts.roles
            .split(",")
            .map((r) => r.trim())
            .filter(Boolean),
          orgUnitId: unit.id,
        });
        const created = await createUser(db, actor, body, { mustChangePassword: false });
        console.log(
          `Created user ${created.username} (${created.roles.join(", ")}) in ${created.orgUnitName}.`,
        );
      }),
  );

const importer = program.command("import").description("import files from other systems");
importer
  .command("revenue")
  .description(
    "replace whole months of revenue with the billing system's CSV export (docs/revenue-import.md)",
  )
  .argument("<file>", "the CSV file")
  .option("--province <id>", "the province the file belongs to (default: the only one)", positiveInt)
  .option("--dry-run", "check the file and show what it would change, writing nothing")
  .addOption(
    new Option("--lang <locale>", "language of the problems").choices(["zh-CN", "en-US"]).default("zh-CN"),
  )
  .action((file: string, opts: { province?: number; dryRun?: boolean; lang: "zh-CN" | "en-US" }) =>
    withDatabase(loadConfig(), async ({ db }) => {
      process.exitCode = await importRevenueFromCli(db, file, opts);
    }),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError) console.error(`jike: ${error.message}`);
  else if (error && typeof error === "object" && "issues" in error) {
    for (const issue of (error as { issues: { path: PropertyKey[]; message: string }[] }).issues) {
      console.error(`jike: --${issue.path.join(".")}: ${issue.message}`);
    }
  } else console.error(`jike: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
