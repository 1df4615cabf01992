/**
 * What the import benchmarks share: a scratch database of either kind (a PGlite folder, or a database
 * created on BENCH_DATABASE_URL and dropped afterwards) and the demo province's administrator.
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Actor } from "../src/platform/auth/actor.ts";
import { ALL_PERMISSIONS } from "../src/platform/auth/permissions.ts";
import type { Database } from "../src/platform/db/index.ts";
import { openPglite, openPostgres } from "../src/platform/db/open.ts";
import { rowsOf } from "../src/platform/db/sql.ts";

export async function openScratch(
  kind: "pglite" | "postgres",
  work: string,
  label: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const database = await openPglite(path.join(work, "pglite"));
    return { database, drop: () => database.close() };
  }
  const base = process.env.BENCH_DATABASE_URL!;
  const name = `jike_bench_${label}_${process.pid}`;
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`drop database if exists ${name}`);
  await onServer(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    database,
    drop: async () => {
      await database.close();
      await onServer(`drop database if exists ${name}`);
    },
  };
}

/** hn_admin of the seeded demo province, with every permission, as an import runs for it. */
export async function provinceAdmin(database: Database): Promise<Actor> {
  const [row] = await rowsOf<{ id: string; org_unit_id: string; path: string; name: string }>(
    database.db,
    sql`select u.id, u.org_unit_id, o.path::text as path, u.name from app_user u
        join org_unit o on o.province_id = u.province_id and o.id = u.org_unit_id where u.username = 'hn_admin'`,
  );
  if (!row) throw new Error("hn_admin is not seeded");
  return {
    userId: row.id,
    provinceId: 43,
    username: "hn_admin",
    name: row.name,
    orgUnitId: row.org_unit_id,
    orgPath: row.path,
    orgLevel: "province",
    roles: ["admin"],
    permissions: new Set(ALL_PERMISSIONS),
    source: "web",
  };
}
