import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../../platform/db/index.ts";
import { rowsOf } from "../../../../platform/db/sql.ts";

/** Codes per statement: a 10,000-element array parameter keeps every statement small and quick. */
const BATCH = 10_000;

export type CustomerProblem =
  | { code: "unknown_customer" }
  | { code: "customer_other_province"; province: string }
  | { code: "customer_merged"; survivor: string };

export interface CustomerMatches {
  /** The customer's id by the file's code index; null where the code cannot take revenue. */
  ids: (string | null)[];
  problems: Map<number, CustomerProblem>;
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/**
 * The file's customer codes in the province, a batch at a time. A code of a merged duplicate names the
 * customer it now lives on (following merges of merges); a code found only in another province says so.
 */
export async function matchCustomers(
  db: DbOrTx,
  provinceId: number,
  codes: string[],
): Promise<CustomerMatches> {
  const ids: (string | null)[] = new Array(codes.length).fill(null);
  const problems = new Map<number, CustomerProblem>();
  const indexOf = new Map(codes.map((code, i) => [code, i]));
  const mergedInto = new Map<number, string>();
  for (const batch of batches(codes)) {
    const rows = await rowsOf<{ code: string; id: string; merged_into_id: string | null }>(
      db,
      sql`select code, id, merged_into_id from customer
          where province_id = ${provinceId} and code = any(${sql.param(batch)}::text[])`,
    );
    for (const row of rows) {
      const i = indexOf.get(row.code)!;
      if (row.merged_into_id) mergedInto.set(i, row.merged_into_id);
      else ids[i] = row.id;
    }
  }
  for (const [i, survivor] of await survivorCodes(db, provinceId, mergedInto)) {
    problems.set(i, { code: "customer_merged", survivor });
  }
  const missing = codes.filter((_, i) => ids[i] === null && !mergedInto.has(i));
  for (const batch of batches(missing)) {
    const elsewhere = await rowsOf<{ code: string; province: string }>(
      db,
      sql`select distinct on (c.code) c.code, coalesce(p.name, c.province_id::text) as province from customer c
          left join org_unit p on p.province_id = c.province_id and p.level = 'province'
          where c.province_id <> ${provinceId} and c.code = any(${sql.param(batch)}::text[])
          order by c.code, c.province_id`,
    );
    const found = new Map(elsewhere.map((r) => [r.code, r.province]));
    for (const code of batch) {
      const province = found.get(code);
      problems.set(
        indexOf.get(code)!,
        province ? { code: "customer_other_province", province } : { code: "unknown_customer" },
      );
    }
  }
  return { ids, problems };
}

/** Merges can chain (A into B, later B into C): follow each to the record that is still live. */
async function survivorCodes(db: DbOrTx, provinceId: number, mergedInto: Map<number, string>) {
  const result = new Map<number, string>();
  let pending = new Map(mergedInto);
  for (let hop = 0; hop < 10 && pending.size > 0; hop++) {
    const rows = await rowsOf<{ id: string; code: string; merged_into_id: string | null }>(
      db,
      sql`select id, code, merged_into_id from customer
          where province_id = ${provinceId} and id = any(${sql.param([...new Set(pending.values())])}::uuid[])`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const next = new Map<number, string>();
    for (const [i, id] of pending) {
      const row = byId.get(id);
      if (!row) continue;
      if (row.merged_into_id) next.set(i, row.merged_into_id);
      else result.set(i, row.code);
    }
    pending = next;
  }
  return result;
}
