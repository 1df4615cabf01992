import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../src/platform/db/index.ts";

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts generated rows through one JSON parameter per batch (`json_populate_recordset`): a single
 * statement of thousands of rows parses far faster than as many multi-value tuples, on PGlite and on
 * PostgreSQL alike. Columns are the rows' keys in snake_case; columns left out take their defaults.
 */
export async function insertRows(tx: DbOrTx, table: string, rows: readonly object[], batch = 5000) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const names = keys.map(snake);
  const columns = sql.raw(names.join(", "));
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(
      rows.slice(i, i + batch).map((row) => {
        const out: Record<string, unknown> = {};
        keys.forEach((key, k) => {
          out[names[k]!] = (row as Record<string, unknown>)[key];
        });
        return out;
      }),
    );
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${columns})
          select ${columns} from json_populate_recordset(null::${sql.identifier(table)}, ${json}::json)`,
    );
  }
}
