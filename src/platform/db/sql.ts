import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./index.ts";

/** Rows of a raw query. Both drivers answer `{ rows }`; cast integers in SQL (`::int`) to get numbers. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Escapes LIKE/ILIKE wildcards so a user's "%" or "_" is searched for literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
