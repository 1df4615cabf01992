import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, can } from "../../../platform/auth/actor.ts";
import { inScope } from "../../../platform/auth/scope.ts";
import { Forbidden } from "../../../platform/errors.ts";
import { orgSchema } from "../../org/index.ts";
import { customer } from "../schema.ts";

const { orgUnit } = orgSchema;

/**
 * Which customers the actor sees: with customer:read, those of its org subtree; with only
 * customer:read_own, those it owns as account manager or customer engineer (DOMAIN.md: an AM sees own
 * customers). Queries must join org_unit on the customer's unit (see `customerFrom`).
 */
export function customerScope(actor: Actor): SQL {
  // A record merged into another is gone for every reader; only the merge itself still refers to it.
  const province = and(
    actor.orgLevel === "hq" ? undefined : eq(customer.provinceId, actor.provinceId),
    isNull(customer.mergedIntoId),
  );
  if (can(actor, "customer:read")) return and(province, inScope(actor, orgUnit.path, orgUnit.provinceId))!;
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
