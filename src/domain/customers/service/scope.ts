import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, can } from "../../../platform/auth/actor.ts";
import { Forbidden } from "../../../platform/errors.ts";
import { orgSchema } from "../../org/index.ts";
import { customer } from "../schema.ts";

const { orgUnit } = orgSchema;

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
export function customerScope(actor: Actor): SQL {
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
    return and(province, inUnitSubtree(actor.provinceId, actor.orgPath))!;
  }
  if (can(actor, "customer:read_own")) {
    const me = actor.userId ?? "00000000-0000-0000-0000-000000000000";
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
