import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, can } from "../../../platform/auth/actor.ts";
import type { DbOrTx } from "../../../platform/db/index.ts";
import { Forbidden } from "../../../platform/errors.ts";
import { orgSchema } from "../../org/index.ts";
import { customer } from "../schema.ts";

const { orgUnit } = orgSchema;

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** The ids of the units at and below `path`: lists name them rather than test the path per customer. */
export async function subtreeUnitIds(db: DbOrTx, provinceId: number, path: string): Promise<string[]> {
  const rows = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.provinceId, provinceId), sql`${orgUnit.path} <@ ${path}::ltree`));
  return rows.map((r) => r.id);
}

/** Customers whose unit lies in the subtree at `path` (an org-unit id list, so no join is needed). */
export function inUnitSubtree(provinceId: number, path: string): SQL {
  return sql`${customer.orgUnitId} in (select u.id from org_unit u
    where u.province_id = ${provinceId} and u.path <@ ${path}::ltree)`;
}

/**
 * Which customers the actor sees: with customer:read, those of its org subtree; with only
 * customer:read_own, those it owns as account manager or customer engineer (DOMAIN.md: an AM sees own
 * customers). The condition stands on the customer table alone: a province-wide reader needs no org
 * test at all, others an index probe per unit of their subtree.
 */
export function customerScope(actor: Actor, subtreeUnits?: readonly string[]): SQL {
  // A record merged into another is gone for every reader; only the merge itself still refers to it.
  const province = and(
    actor.orgLevel !== "hq"
      ? eq(customer.provinceId, actor.provinceId)
      : actor.hqProvinces
        ? inArray(customer.provinceId, actor.hqProvinces.length > 0 ? [...actor.hqProvinces] : [-1])
        : undefined,
    isNull(customer.mergedIntoId),
  );
  if (can(actor, "customer:read")) {
    if (actor.orgLevel === "hq" || actor.orgLevel === "province") return province!;
    // Named unit by unit, the planner knows how many customers the subtree holds (it underestimates
    // an ltree test several-fold) and picks the search index or the unit index accordingly.
    const units = subtreeUnits
      ? inArray(customer.orgUnitId, subtreeUnits.length > 0 ? [...subtreeUnits] : [ZERO_UUID])
      : inUnitSubtree(actor.provinceId, actor.orgPath);
    return and(province, units)!;
  }
  if (can(actor, "customer:read_own")) {
    const me = actor.userId ?? ZERO_UUID;
    return and(
      province,
      sql`(${customer.accountManagerId} = ${me} or ${customer.customerEngineerId} = ${me})`,
    )!;
  }
  throw new Forbidden("customer:read");
}

export const ownScopeOnly = (actor: Actor): boolean =>
  !can(actor, "customer:read") && can(actor, "customer:read_own");

export const orgJoin = and(eq(orgUnit.provinceId, customer.provinceId), eq(orgUnit.id, customer.orgUnitId))!;
