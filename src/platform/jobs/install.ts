import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database } from "../db/index.ts";
import { rowsOf } from "../db/sql.ts";
import { BOSS_SCHEMA } from "./runner.ts";

/**
 * Creates pg-boss's tables with the app's own migrations, so a migrated database (a test template, a
 * fresh server) is ready for jobs without each process building them on its first start. Upgrades of an
 * existing pg-boss schema are pg-boss's own, on `start`.
 */
export async function installJobSchema(database: Database): Promise<void> {
  const [found] = await rowsOf<{ ok: number }>(
    database.db,
    sql`select 1 as ok from pg_namespace where nspname = ${BOSS_SCHEMA}`,
  );
  if (!found) await database.exec(PgBoss.getConstructionPlans(BOSS_SCHEMA));
}
