import { eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { targetProvince } from "../../../platform/auth/scope.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import type { JobContext, JobKind, JobRunner } from "../../../platform/jobs/runner.ts";
import { lastRunOf, presentJob, queueJob } from "../../../platform/jobs/service.ts";
import { orgSchema, orgUnitInScope } from "../../org/index.ts";
import type { DuplicateQuery } from "../contracts.ts";
import { duplicateCandidate } from "../schema.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

// Thresholds of pg_trgm similarity (0–1): a near-identical name alone, or a similar name at a similar address.
const NEAR_IDENTICAL_NAME = 0.85;
const SIMILAR_NAME = 0.6;
const SIMILAR_ADDRESS = 0.5;
/**
 * A name or address shared by more customers than this is a chain or an office tower, not one record
 * archived twice: comparing all its pairs would cost quadratic time for nothing.
 */
const CROWDED = 50;

/**
 * The core of a name, for blocking: Latin folded, spaces and punctuation gone, the legal form at the end
 * (有限公司…) and a leading province / city / county (湖南省长沙市天心区…) stripped — so 长沙市某某科技有限公司
 * and 某某科技（长沙）有限责任公司 fall into one block, where similarity then decides.
 */
const nameKey = (column: SQL) => sql`regexp_replace(regexp_replace(
    regexp_replace(search_fold(${column}), '[[:space:][:punct:]（）【】《》“”‘’、，。；：·—]', '', 'g'),
    '(股份有限公司|有限责任公司|有限公司|集团公司|总公司|公司)$', ''),
  '^(.{2,3}省)?(.{2,3}市)?(.{2,3}[区县])?', '')`;
const addressKey = (column: SQL) =>
  sql`regexp_replace(search_fold(${column}), '[[:space:][:punct:]（）【】《》“”‘’、，。；：·—]', '', 'g')`;

/**
 * Compares a province's live customers in one pass and keeps the likely duplicate pairs, replacing the
 * last scan's: customers are blocked by credit code, by the core of their name and by their address,
 * and only pairs within a block are measured (trigram similarity of names and of addresses, which works
 * on Chinese under a UTF-8 ctype). Seconds for a province, where probing a trigram index per customer
 * took most of an hour; so the page reads the stored pairs and this runs as a job.
 */
export async function scanDuplicates(
  db: Db,
  actor: Actor,
  provinceId: number,
  progress?: JobContext<unknown>["progress"],
) {
  return db.transaction(async (tx) => {
    const [{ customers } = { customers: 0 }] = await rowsOf<{ customers: number }>(
      tx,
      sql`select count(*)::int as customers from customer where province_id = ${provinceId} and merged_into_id is null`,
    );
    await progress?.(tx, 0, customers);
    await tx.delete(duplicateCandidate).where(eq(duplicateCandidate.provinceId, provinceId));
    const [{ pairs } = { pairs: 0 }] = await rowsOf<{ pairs: number }>(
      tx,
      sql`with live as materialized (
            select id, name, coalesce(address, '') as address, credit_code,
              ${nameKey(sql`name`)} as name_key, ${addressKey(sql`coalesce(address, '')`)} as address_key
            from customer where province_id = ${provinceId} and merged_into_id is null
          ), blocks as (
            select id, 'c' as by, credit_code as k from live where credit_code is not null
            union all select id, 'n', name_key from live where length(name_key) >= 2
            union all select id, 'a', address_key from live where length(address_key) >= 6
          ), sized as (
            select id, by, k, count(*) over (partition by by, k) as n from blocks
          ), pairs as (
            select distinct x.id as a_id, y.id as b_id
            from sized x join sized y on y.by = x.by and y.k = x.k and x.id < y.id
            where x.n > 1 and (x.by = 'c' or x.n <= ${CROWDED})
          ), measured as (
            select p.a_id, p.b_id,
              coalesce(a.credit_code = b.credit_code, false) as same_credit,
              similarity(a.name, b.name) as name_sim, similarity(a.address, b.address) as addr_sim
            from pairs p join live a on a.id = p.a_id join live b on b.id = p.b_id
          ), kept as (
            insert into duplicate_candidate (province_id, a_id, b_id, same_credit, name_similarity, address_similarity)
            select ${provinceId}::smallint, a_id, b_id, same_credit, name_sim, addr_sim from measured
            where same_credit or name_sim >= ${NEAR_IDENTICAL_NAME}
               or (name_sim >= ${SIMILAR_NAME} and addr_sim >= ${SIMILAR_ADDRESS})
            returning 1
          )
          select count(*)::int as pairs from kept`,
    );
    await recordAudit(tx, actor, {
      provinceId,
      action: "scan",
      entityType: "dataset",
      entityId: `duplicates:${provinceId}`,
      after: { customers, pairs },
    });
    await progress?.(tx, customers, customers);
    return { customers, pairs };
  });
}

/** The province's duplicate scan: a job, one at a time per province. */
export const DUPLICATE_SCAN_JOB = "customers.duplicate_scan";

export const duplicateScanJob: JobKind<
  Record<string, unknown>,
  Awaited<ReturnType<typeof scanDuplicates>>
> = {
  kind: DUPLICATE_SCAN_JOB,
  permission: "customer:write",
  expireInSeconds: 30 * 60,
  run: ({ db, actor, run, progress }) => scanDuplicates(db, actor, run.provinceId, progress),
  summary: (outcome) =>
    outcome.status === "failed"
      ? { title: `重复客户排查失败：${outcome.message}`, params: { message: outcome.message } }
      : {
          title: `重复客户排查完成：${outcome.result.customers} 个客户中发现 ${outcome.result.pairs} 对疑似重复`,
          params: outcome.result,
        },
  link: "/customers/duplicates",
};

/** Queues the province's scan (or joins the one under way); anyone who may merge may ask for one. */
export async function queueDuplicateScan(db: Db, jobs: JobRunner, actor: Actor, provinceId?: number) {
  requirePermission(actor, "customer:write");
  return queueJob(db, jobs, actor, {
    kind: DUPLICATE_SCAN_JOB,
    provinceId: targetProvince(actor, provinceId),
    params: {},
  });
}

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

/** One side of a stored pair, if it is live and within the caller's scope (and the unit filter). */
const side = (actor: Actor, id: SQL, unitFilter: SQL) => sql`(
  select customer.id, customer.code, customer.name, customer.credit_code, customer.address, customer.version,
    org_unit.name as unit
  from customer join org_unit on ${orgJoin}
  where customer.province_id = d.province_id and customer.id = ${id} and customer.merged_into_id is null
    and ${customerScope(actor)} ${unitFilter}
)`;

/**
 * Likely duplicates within the caller's scope, as the last scan found them: the same credit code, or
 * names alike at a similar address. Both customers of a pair must be live and in scope.
 */
export async function findDuplicates(db: Db, actor: Actor, query: z.infer<typeof DuplicateQuery>) {
  const unitFilter = query.orgUnitId
    ? sql`and ${orgUnit.path} <@ ${(await orgUnitInScope(db, actor, query.orgUnitId)).path}::ltree`
    : sql``;
  const province = actor.orgLevel === "hq" ? sql`true` : sql`d.province_id = ${actor.provinceId}`;
  const [rows, lastScan] = await Promise.all([
    rowsOf<PairRow>(
      db,
      sql`select a.id as a_id, a.code as a_code, a.name as a_name, a.credit_code as a_credit, a.address as a_address,
            a.unit as a_unit, a.version as a_version, b.id as b_id, b.code as b_code, b.name as b_name,
            b.credit_code as b_credit, b.address as b_address, b.unit as b_unit, b.version as b_version,
            d.same_credit, d.name_similarity::float8 as name_sim, d.address_similarity::float8 as addr_sim,
            count(*) over ()::int as total
          from duplicate_candidate d
          cross join lateral ${side(actor, sql`d.a_id`, unitFilter)} a
          cross join lateral ${side(actor, sql`d.b_id`, unitFilter)} b
          where ${province}
          order by d.same_credit desc, d.name_similarity desc, d.a_id, d.b_id
          limit ${query.limit} offset ${query.offset}`,
    ),
    lastRunOf(
      db,
      actor.orgLevel === "hq" ? (actor.hqProvinces ?? []) : [actor.provinceId],
      DUPLICATE_SCAN_JOB,
    ),
  ]);
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
    scan: {
      lastFinishedAt: lastScan.finished?.finishedAt?.toISOString() ?? null,
      open: lastScan.open ? presentJob(lastScan.open) : null,
    },
  };
}
