import type { SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./index.ts";

interface Internals {
  dialect: PgDialect;
  session: PgSession;
}

/**
 * A value made once per database handle and kept while the handle lives: prepared statements belong
 * to their database, and tests open many.
 */
export function perDatabase<V>(create: (db: DbOrTx) => V): (db: DbOrTx) => V {
  const byDb = new WeakMap<DbOrTx, V>();
  return (db) => {
    if (!byDb.has(db)) byDb.set(db, create(db));
    return byDb.get(db)!;
  };
}

/**
 * A raw query that runs on every request (the session behind a cookie, the 360° view) as a named
 * prepared statement: on a PostgreSQL server each connection parses and plans it once, instead of
 * planning a statement of several subqueries on every call (about 1 ms each, more than running it).
 * Values come in through `sql.placeholder(name)`. On PGlite the name is ignored and it runs as usual.
 * The SQL built by `build` must not depend on its values: one name, one text.
 */
export function preparedRows<T, Values extends Record<string, unknown>>(
  name: string,
  build: () => SQL,
): (db: DbOrTx, values: Values) => Promise<T[]> {
  const queryOf = perDatabase((db) => {
    const { dialect, session } = db as unknown as Internals;
    return session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false);
  });
  return async (db, values) => {
    const result = (await queryOf(db).execute(values)) as { rows: T[] };
    return result.rows;
  };
}
