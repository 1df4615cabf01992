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

/**
 * Customers whose unit lies in the subtree at `path` (an org-unit id list, so no join is needed). The
 * values are parameters or a prepared statement's placeholders.
 */
function inUnitSubtree(provinceId: unknown, path: unknown): SQL {
  return sql`${customer.orgUnitId} in (select u.id from org_unit u
    where u.province_id = ${provinceId} and u.path <@ ${path}::ltree)`;
}

/**
 * The kinds of reader, each with one shape of scope condition (so one prepared statement each); `own`
 * narrows any of them to the reader's own customers.
 */
type ScopeKind = "province" | "hq_provinces" | "hq_all" | "subtree";
interface ScopeValues {
  provinceId: number;
  /** HQ's provinces as an array literal (`{43,44}`): one parameter, whether prepared or not. */
  provinces: string;
  path: string;
  me: string;
}

function scopeOf(actor: Actor): { kind: ScopeKind; own: boolean; values: ScopeValues } {
  if (!can(actor, "customer:read") && !can(actor, "customer:read_own")) throw new Forbidden("customer:read");
  const provinces = actor.hqProvinces && actor.hqProvinces.length > 0 ? actor.hqProvinces : [-1];
  // HQ over a single province reads it as that province does: with `province_id = any(…)` an index
  // on (province_id, name) can no longer hand out rows in name order.
  const single = actor.orgLevel === "hq" && actor.hqProvinces?.length === 1;
  const values: ScopeValues = {
    provinceId: single ? provinces[0]! : actor.provinceId,
    provinces: `{${provinces.join(",")}}`,
    path: actor.orgPath,
    me: actor.userId ?? ZERO_UUID,
  };
  const own = ownScopeOnly(actor);
  if (actor.orgLevel === "hq" && !single)
    return { kind: actor.hqProvinces ? "hq_provinces" : "hq_all", own, values };
  const wholeProvince = own || actor.orgLevel === "province" || single;
  return { kind: wholeProvince ? "province" : "subtree", own, values };
}

/** The condition of a kind, each value given by `value` (a parameter, or a prepared statement's placeholder). */
function scopeCondition(kind: ScopeKind, own: boolean, value: (key: keyof ScopeValues) => unknown): SQL {
  // A record merged into another is gone for every reader; only the merge itself still refers to it.
  const live = isNull(customer.mergedIntoId);
  const province =
    kind === "hq_all"
      ? live
      : kind === "hq_provinces"
        ? and(sql`${customer.provinceId} = any(${value("provinces")}::smallint[])`, live)!
        : and(sql`${customer.provinceId} = ${value("provinceId")}`, live)!;
  if (own) {
    const me = value("me");
    return and(
      province,
      sql`(${customer.accountManagerId} = ${me} or ${customer.customerEngineerId} = ${me})`,
    )!;
  }
  return kind === "subtree" ? and(province, inUnitSubtree(value("provinceId"), value("path")))! : province;
}

/**
 * Which customers the actor sees: with customer:read, those of its org subtree; with only
 * customer:read_own, those it owns as account manager or customer engineer (DOMAIN.md: an AM sees own
 * customers). The condition stands on the customer table alone: a province-wide reader needs no org
 * test at all, others an index probe per unit of their subtree.
 */
export function customerScope(actor: Actor, subtreeUnits?: readonly string[]): SQL {
  const { kind, own, values } = scopeOf(actor);
  if (kind === "subtree" && subtreeUnits) {
    // Named unit by unit, the planner knows how many customers the subtree holds (it underestimates
    // an ltree test several-fold) and picks the search index or the unit index accordingly.
    const units = inArray(customer.orgUnitId, subtreeUnits.length > 0 ? [...subtreeUnits] : [ZERO_UUID]);
    return and(
      scopeCondition("province", false, (k) => values[k]),
      units,
    )!;
  }
  return scopeCondition(kind, own, (k) => values[k]);
}

/**
 * The same scope for a prepared statement: `key` names the statement shape (one per kind of reader),
 * `where` holds placeholders `scope_<value>`, and `values` fills them.
 */
export function preparedCustomerScope(actor: Actor) {
  const { kind, own, values } = scopeOf(actor);
  return {
    key: own ? `${kind}_own` : kind,
    where: () => scopeCondition(kind, own, (k) => sql.placeholder(`scope_${k}`)),
    values: {
      scope_provinceId: values.provinceId,
      scope_provinces: values.provinces,
      scope_path: values.path,
      scope_me: values.me,
    },
  };
}

export const ownScopeOnly = (actor: Actor): boolean =>
  !can(actor, "customer:read") && can(actor, "customer:read_own");

export const orgJoin = and(eq(orgUnit.provinceId, customer.provinceId), eq(orgUnit.id, customer.orgUnitId))!;
