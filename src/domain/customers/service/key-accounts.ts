import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { requireProvinceWide, targetProvince } from "../../../platform/auth/scope.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { orgSchema } from "../../org/index.ts";
import type { KeyAccountQuery, KeyAccountRebuild } from "../contracts.ts";
import { customer, keyAccount } from "../schema.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;
/** Default list size: the top 5% of the province's spenders (the share seed 001 gives class A). */
const DEFAULT_SHARE = 0.05;

/**
 * 003: the key-account list is rebuilt each year from the prior year's spend across the market. The
 * province's list is replaced whole, ranked by spend, in one statement.
 */
export async function rebuildKeyAccounts(db: Db, actor: Actor, body: z.infer<typeof KeyAccountRebuild>) {
  requireProvinceWide(actor, "grading:write", "The province's key-account list");
  const provinceId = targetProvince(actor, body.provinceId);
  return db.transaction(async (tx) => {
    const from = `${body.year - 1}-01-01`;
    const to = `${body.year}-01-01`;
    const [spenders] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(distinct customer_id)::int as n from revenue_fact
          where province_id = ${provinceId} and month >= ${from}::date and month < ${to}::date`,
    );
    const size = body.size ?? Math.max(1, Math.round((spenders?.n ?? 0) * DEFAULT_SHARE));
    await tx
      .delete(keyAccount)
      .where(and(eq(keyAccount.provinceId, provinceId), eq(keyAccount.year, body.year)));
    await tx.execute(sql`
      insert into key_account (province_id, year, customer_id, rank, spend_fen)
      select ${provinceId}, ${body.year}, customer_id, rank, spend from (
        select r.customer_id, sum(r.group_paid_fen + r.member_paid_fen) as spend,
               row_number() over (order by sum(r.group_paid_fen + r.member_paid_fen) desc, r.customer_id) as rank
        from revenue_fact r join customer c on c.province_id = r.province_id and c.id = r.customer_id
        where r.province_id = ${provinceId} and r.month >= ${from}::date and r.month < ${to}::date
          and c.merged_into_id is null
        group by r.customer_id
      ) ranked where rank <= ${size}`);
    await recordAudit(tx, actor, {
      provinceId,
      action: "rebuild",
      entityType: "key_account_list",
      entityId: String(body.year),
      after: { year: body.year, size, basedOn: body.year - 1 },
    });
    return { year: body.year, size, spenders: spenders?.n ?? 0 };
  });
}

/** The list as the caller may see it: only the key accounts inside its own scope. */
export async function listKeyAccounts(db: Db, actor: Actor, query: z.infer<typeof KeyAccountQuery>) {
  const where = and(eq(keyAccount.year, query.year), customerScope(actor));
  const base = db
    .select({
      rank: keyAccount.rank,
      spendFen: keyAccount.spendFen,
      builtAt: keyAccount.builtAt,
      id: customer.id,
      code: customer.code,
      name: customer.name,
      grade: customer.grade,
      orgUnitName: orgUnit.name,
    })
    .from(keyAccount)
    .innerJoin(
      customer,
      and(eq(customer.provinceId, keyAccount.provinceId), eq(customer.id, keyAccount.customerId)),
    )
    .innerJoin(orgUnit, orgJoin)
    .where(where);
  const [rows, [total]] = await Promise.all([
    base.orderBy(asc(keyAccount.rank)).limit(query.limit).offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(keyAccount)
      .innerJoin(
        customer,
        and(eq(customer.provinceId, keyAccount.provinceId), eq(customer.id, keyAccount.customerId)),
      )
      .innerJoin(orgUnit, orgJoin)
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      rank: r.rank,
      spendFen: r.spendFen,
      builtAt: r.builtAt.toISOString(),
      customer: { id: r.id, code: r.code, name: r.name, grade: r.grade, orgUnitName: r.orgUnitName },
    })),
    total: total?.n ?? 0,
  };
}
