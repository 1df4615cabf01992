import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { installJobSchema } from "../jobs/install.ts";
import type { Database } from "./index.ts";
import { rowsOf } from "./sql.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/**
 * Applies the committed drizzle/ migrations that have not run yet, and creates the job queue's tables;
 * safe to call on every start.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as unknown as PgliteDatabase<Record<string, unknown>>, config);
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(database.db as unknown as NodePgDatabase<Record<string, unknown>>, config);
  }
  await installJobSchema(database);
}

/** Under the C ctype pg_trgm makes no trigrams from Chinese text, and name search silently degrades. */
export async function ctypeWarning(database: Database): Promise<string | null> {
  const [row] = await rowsOf<{ ctype: string }>(
    database.db,
    sql`select datctype as ctype from pg_database where datname = current_database()`,
  );
  const ctype = row?.ctype ?? "";
  if (ctype === "C" || ctype === "POSIX") {
    return `The database's LC_CTYPE is ${ctype}: Chinese substring search will not work. Create the cluster with initdb --locale=C.UTF-8.`;
  }
  return null;
}
