import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/service.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { NotFound } from "../../../platform/errors.ts";
import { isUuid } from "../../../platform/ids.ts";
import { orgSchema } from "../../org/index.ts";
import { customer } from "../schema.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

interface Move {
  id: string;
  name: string;
  home: string;
  current: string;
  owner: string;
}

/**
 * A cross-region group (跨区集团) — a parent with subsidiaries in other counties or cities — is owned by
 * the lowest org unit that covers its own site and every subsidiary (DOMAIN.md "Core objects": a
 * cross-region group is managed where its parts meet). Called after any write that links, unlinks or
 * moves customers, with the customers it touched and any parent they left: those of them that head a
 * group, and their parents, move to their new owner, with an audit row each.
 */
export async function rehomeGroups(
  tx: DbOrTx,
  actor: Actor,
  provinceId: number,
  touched: readonly (string | null | undefined)[],
) {
  const ids = [...new Set(touched.filter((id): id is string => typeof id === "string"))];
  if (ids.length === 0) return [];
  const list = sql`(select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`;
  // ltree's lca() excludes the paths themselves; a dummy last label makes it inclusive, so a group whose
  // subsidiaries all sit inside its own unit stays where it is.
  const moves = await rowsOf<Move>(
    tx,
    sql`with g as (
          select p.id, p.name, coalesce(p.home_org_unit_id, p.org_unit_id) as home, p.org_unit_id as current
          from customer p
          where p.province_id = ${provinceId} and p.merged_into_id is null
            and (p.id in ${list} or p.id in (select t.parent_id from customer t
                                             where t.province_id = ${provinceId} and t.id in ${list}))
            and (p.home_org_unit_id is not null or exists (select 1 from customer s
                 where s.province_id = ${provinceId} and s.parent_id = p.id))
        ), cover as (
          select g.id, g.name, g.home, g.current, lca(array_agg(u.path || 'x'::ltree)) as path
          from g
          cross join lateral (
            select x.org_unit_id as unit from customer x
            where x.province_id = ${provinceId} and x.parent_id = g.id and x.merged_into_id is null
            union all select g.home
          ) part
          join org_unit u on u.province_id = ${provinceId} and u.id = part.unit
          group by g.id, g.name, g.home, g.current
        )
        select cover.id, cover.name, cover.home, cover.current, o.id as owner
        from cover join org_unit o on o.path = cover.path
        where o.id <> cover.current`,
  );
  for (const move of moves) {
    await tx
      .update(customer)
      .set({
        orgUnitId: move.owner,
        homeOrgUnitId: move.owner === move.home ? null : move.home,
        version: sql`${customer.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(customer.provinceId, provinceId), eq(customer.id, move.id)));
  }
  await recordAudit(
    tx,
    actor,
    moves.map((move) => ({
      provinceId,
      action: "rehome",
      entityType: "customer",
      entityId: move.id,
      before: { orgUnitId: move.current },
      after: { orgUnitId: move.owner, homeOrgUnitId: move.owner === move.home ? null : move.home },
    })),
  );
  return moves;
}

/**
 * A group's summary for everyone who sees the parent or any of its subsidiaries: the managers of every
 * unit holding a part of a cross-region group see the whole group's shape and spend, not the parent's
 * archive (its key persons and lines stay with those who own it).
 */
export async function groupSummary(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFound("customer", id);
  const visible = await db
    .select({ id: customer.id, parentId: customer.parentId })
    .from(customer)
    .innerJoin(orgUnit, orgJoin)
    .where(and(sql`(${customer.id} = ${id} or ${customer.parentId} = ${id})`, customerScope(actor)));
  if (visible.length === 0) throw new NotFound("customer", id);
  const seen = new Set(visible.map((v) => v.id));
  // The parent may lie outside the caller's scope, but never outside its province (or HQ's provinces).
  const provinceFilter =
    actor.orgLevel !== "hq"
      ? eq(customer.provinceId, actor.provinceId)
      : actor.hqProvinces
        ? inArray(customer.provinceId, [...actor.hqProvinces, -1])
        : undefined;
  const [parent] = await db
    .select({
      provinceId: customer.provinceId,
      id: customer.id,
      code: customer.code,
      name: customer.name,
      grade: customer.grade,
      valueTier: customer.valueTier,
      status: customer.status,
      orgUnitId: customer.orgUnitId,
      orgUnitName: orgUnit.name,
    })
    .from(customer)
    .innerJoin(orgUnit, orgJoin)
    .where(and(eq(customer.id, id), isNull(customer.mergedIntoId), provinceFilter));
  if (!parent) throw new NotFound("customer", id);
  const parts = await db
    .select({
      id: customer.id,
      code: customer.code,
      name: customer.name,
      grade: customer.grade,
      status: customer.status,
      orgUnitName: orgUnit.name,
    })
    .from(customer)
    .innerJoin(orgUnit, orgJoin)
    .where(
      and(
        eq(customer.provinceId, parent.provinceId),
        eq(customer.parentId, id),
        isNull(customer.mergedIntoId),
      ),
    )
    .orderBy(asc(customer.name))
    .limit(500);
  const [spend] = await rowsOf<{ fen: number }>(
    db,
    sql`select coalesce(sum(r.group_paid_fen + r.member_paid_fen), 0)::bigint as fen
        from revenue_fact r
        where r.province_id = ${parent.provinceId}
          and r.customer_id in (${sql.join(
            [parent.id, ...parts.map((p) => p.id)].map((x) => sql`${x}::uuid`),
            sql`, `,
          )})
          and r.month >= date_trunc('year', now() at time zone 'Asia/Shanghai')::date`,
  );
  const { provinceId: _p, ...header } = parent;
  return {
    parent: { ...header, visible: seen.has(parent.id) },
    subsidiaries: parts.map((p) => ({ ...p, visible: seen.has(p.id) })),
    groupRevenueToDateFen: Number(spend?.fen ?? 0),
  };
}
