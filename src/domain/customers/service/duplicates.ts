import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { orgSchema, orgUnitInScope } from "../../org/index.ts";
import type { DuplicateQuery } from "../contracts.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

// Thresholds of pg_trgm similarity (0–1): a near-identical name alone, or a similar name at a similar address.
const NEAR_IDENTICAL_NAME = 0.85;
const SIMILAR_NAME = 0.6;
const SIMILAR_ADDRESS = 0.5;

interface PairRow {
  a_id: string;
  a_code: string;
  a_name: string;
  a_credit: string | null;
  a_address: string | null;
  a_unit: string;
  a_version: number;
  b_id: string;
  b_code: string;
  b_name: string;
  b_credit: string | null;
  b_address: string | null;
  b_unit: string;
  b_version: number;
  same_credit: boolean;
  name_sim: number;
  addr_sim: number;
  total: number;
}

/**
 * Likely duplicates within the caller's scope: the same credit code, or names alike (trigram similarity,
 * which works on Chinese under a UTF-8 ctype) at a similar address. Each candidate is found through the
 * name's trigram index, never by comparing every pair.
 */
export async function findDuplicates(db: Db, actor: Actor, query: z.infer<typeof DuplicateQuery>) {
  const unitFilter = query.orgUnitId
    ? sql`and ${orgUnit.path} <@ ${(await orgUnitInScope(db, actor, query.orgUnitId)).path}::ltree`
    : sql``;
  // The % operator finds candidates through the trigram index at pg_trgm's threshold; at the default 0.3
  // every "…有限公司" resembles every other, so the threshold is raised to the weakest pair we report.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${SIMILAR_NAME}`));
    return rowsOf<PairRow>(
      tx,
      sql`with scoped as materialized (
          select customer.id, customer.province_id, customer.code, customer.name, customer.credit_code,
                 customer.address, customer.version, org_unit.name as unit
          from customer join org_unit on ${orgJoin}
          where ${customerScope(actor)} ${unitFilter}
        ), pairs as (
          select a.*, b.id as b_id, b.code as b_code, b.name as b_name, b.credit_code as b_credit,
                 b.address as b_address, b.unit as b_unit, b.version as b_version,
                 (a.credit_code is not null and a.credit_code = b.credit_code) as same_credit,
                 similarity(a.name, b.name)::float8 as name_sim,
                 similarity(coalesce(a.address, ''), coalesce(b.address, ''))::float8 as addr_sim
          from scoped a
          cross join lateral (
            select c.id from customer c
            where c.province_id = a.province_id and c.id > a.id and c.merged_into_id is null
              and ((a.credit_code is not null and c.credit_code = a.credit_code) or c.name % a.name)
          ) cand
          join scoped b on b.id = cand.id
        )
        select id as a_id, code as a_code, name as a_name, credit_code as a_credit, address as a_address,
               unit as a_unit, version as a_version, b_id, b_code, b_name, b_credit, b_address, b_unit, b_version,
               same_credit, name_sim, addr_sim, count(*) over ()::int as total
        from pairs
        where same_credit or name_sim >= ${NEAR_IDENTICAL_NAME}
           or (name_sim >= ${SIMILAR_NAME} and addr_sim >= ${SIMILAR_ADDRESS})
        order by same_credit desc, name_sim desc, a_id, b_id
        limit ${query.limit} offset ${query.offset}`,
    );
  });
  const ref = (r: PairRow, side: "a" | "b") => ({
    id: side === "a" ? r.a_id : r.b_id,
    code: side === "a" ? r.a_code : r.b_code,
    name: side === "a" ? r.a_name : r.b_name,
    creditCode: side === "a" ? r.a_credit : r.b_credit,
    address: side === "a" ? r.a_address : r.b_address,
    orgUnitName: side === "a" ? r.a_unit : r.b_unit,
    version: side === "a" ? r.a_version : r.b_version,
  });
  return {
    items: rows.map((r) => ({
      a: ref(r, "a"),
      b: ref(r, "b"),
      reasons: [
        ...(r.same_credit ? (["same_credit_code"] as const) : []),
        ...(r.name_sim >= NEAR_IDENTICAL_NAME ? (["near_identical_name"] as const) : []),
        ...(r.name_sim >= SIMILAR_NAME && r.addr_sim >= SIMILAR_ADDRESS
          ? (["similar_name_and_address"] as const)
          : []),
      ],
      nameSimilarity: Number(r.name_sim),
      addressSimilarity: Number(r.addr_sim),
    })),
    total: rows[0]?.total ?? 0,
  };
}
