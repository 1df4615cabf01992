import { execFileSync } from "node:child_process";

/**
 * CI guard: the Drizzle schema and the committed migrations must agree. If `drizzle-kit generate` would
 * write a new migration, someone changed a schema.ts without generating one (npm run db:generate).
 */
const output = execFileSync("npx", ["--no-install", "drizzle-kit", "generate"], { encoding: "utf8" });
if (!/No schema changes/.test(output)) {
  console.error(output);
  console.error(
    "Schema drift: a schema.ts changed without a migration. Run `npm run db:generate -- --name <what>` and commit drizzle/.",
  );
  process.exit(1);
}
console.log("Migrations match the schema.");
