import type { DbOrTx } from "./index.ts";

/** The driver's own query call, for a library that brings its own SQL (pg-boss). */
export interface RawSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface DriverClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: several statements in one call (pg's simple protocol does this through `query`). */
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * Reaches the driver client under a Drizzle handle — the pool or PGlite for a database, the open
 * connection for a transaction — so SQL run through it commits or rolls back with that transaction.
 * Drizzle keeps the client on its session for both drivers; a version that stops doing so fails here,
 * at once, rather than running the SQL outside the transaction.
 */
export function rawSqlOf(db: DbOrTx): RawSql {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== "function")
    throw new Error("rawSqlOf: this Drizzle handle does not expose its driver client");
  return {
    async executeSql(text, values) {
      if ((values === undefined || values.length === 0) && client.exec) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values);
    },
  };
}
