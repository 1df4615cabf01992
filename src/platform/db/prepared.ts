import type { SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./index.ts";

interface Internals {
  dialect: PgDialect;
  session: PgSession;
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
  const byDb = new WeakMap<DbOrTx, { execute(values: Values): Promise<unknown> }>();
  return async (db, values) => {
    let query = byDb.get(db);
    if (!query) {
      const { dialect, session } = db as unknown as Internals;
      query = session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false);
      byDb.set(db, query);
    }
    const result = (await query.execute(values)) as { rows: T[] };
    return result.rows;
  };
}
