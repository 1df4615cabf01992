import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { schema } from "../../schema.ts";

export type Schema = typeof schema;
/** One type for both drivers: services never know whether they run on PGlite or a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs one or more SQL statements without parameters (extensions, maintenance). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}
