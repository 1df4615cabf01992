import { mkdirSync } from "node:fs";
import type { Config } from "../config.ts";
import type { Database } from "./index.ts";
import { acquireDataDirLock } from "./lock.ts";

/** PGlite in `config.dataDir` unless `DATABASE_URL` names a PostgreSQL server. Same schema, same SQL. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config.dataDir);
}

export async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { schema } = await import("../../schema.ts");
  // bigint (fen) and numeric come back as strings by default; int8 fits JS numbers for amounts we hold.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query("select 1");
  const db = drizzle({ client: pool, schema });
  return {
    db,
    kind: "postgres",
    exec: async (text) => void (await pool.query(text)),
    close: () => pool.end(),
  };
}

/** `dataDir` undefined or "memory://" gives an in-memory database (tests). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { ltree } = await import("@electric-sql/pglite/contrib/ltree");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { schema } = await import("../../schema.ts");
  const persistent = dataDir !== undefined && !dataDir.startsWith("memory://");
  let release = () => {};
  if (persistent) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create({
      dataDir: persistent ? dataDir : undefined,
      extensions: { ltree, pg_trgm },
      loadDataDir,
    });
    // PGlite is one process: a parallel plan's Gather would wait for workers that can never start.
    await client.exec("set max_parallel_workers_per_gather = 0");
    const db = drizzle({ client, schema });
    return {
      db,
      kind: "pglite",
      exec: async (text) => void (await client.exec(text)),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
