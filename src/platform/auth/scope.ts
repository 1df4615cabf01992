import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { OutOfScope, ProvinceRequired } from "../errors.ts";
import { type Actor, requirePermission } from "./actor.ts";
import type { Permission } from "./permissions.ts";

/**
 * The data scope: a user sees its org unit's subtree. One SQL condition for every list and lookup, so the
 * rule lives in one place. Outside HQ the province is pinned too, which lets the planner use the
 * province-leading keys.
 */
export function inScope(actor: Actor, path: AnyPgColumn, provinceId: AnyPgColumn): SQL {
  const subtree = sql`${path} <@ ${actor.orgPath}::ltree`;
  return actor.orgLevel === "hq" ? subtree : sql`${provinceId} = ${actor.provinceId} and ${subtree}`;
}

/** True when `path` is the actor's own unit or below it (ltree paths are dot-separated labels). */
export function pathInScope(actor: Actor, path: string): boolean {
  return path === actor.orgPath || path.startsWith(`${actor.orgPath}.`);
}

export function assertPathInScope(actor: Actor, path: string, what: string): void {
  if (!pathInScope(actor, path)) throw new OutOfScope(what);
}

/**
 * The province a province-wide operation acts on (rule sets, re-grading, scans, yearly lists): one's own,
 * or — for group HQ, whose own "province" 0 holds no customers — the one it names, or the only one it
 * oversees. HQ over several provinces must name one: acting on province 0 would touch nothing.
 */
export function targetProvince(actor: Actor, requested?: number): number {
  if (actor.orgLevel !== "hq") {
    if (requested === undefined || requested === actor.provinceId) return actor.provinceId;
    throw new OutOfScope(`Province ${requested}`);
  }
  if (requested !== undefined) return requested;
  if (actor.hqProvinces?.length === 1) return actor.hqProvinces[0]!;
  throw new ProvinceRequired();
}

/**
 * Some settings reach every person or customer of a province (role permissions, rule sets, yearly lists):
 * only someone whose scope is the whole province, or HQ, may change them.
 */
export function requireProvinceWide(actor: Actor, permission: Permission, what: string): void {
  requirePermission(actor, permission);
  if (actor.orgLevel !== "hq" && actor.orgLevel !== "province") throw new OutOfScope(what);
}
