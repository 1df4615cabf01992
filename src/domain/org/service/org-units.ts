import { and, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { assertPathInScope, inScope } from "../../../platform/auth/scope.ts";
import { pathLabel } from "../../../platform/db/columns.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { escapeLike } from "../../../platform/db/sql.ts";
import { NotFound, ValidationFailed, VersionConflict } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import type { OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitUpdate } from "../contracts.ts";
import { InvalidOrgLevel, InvalidOrgMove, OrgCodeTaken } from "../errors.ts";
import { CHILD_LEVELS, canHoldChild, isWithinSubtree } from "../rules.ts";
import { orgUnit } from "../schema.ts";
import { ensureProvinceRoles } from "./roles.ts";
import { sessionsChanged } from "./session-cache.ts";

const {
  path: _path,
  createdAt: _c,
  updatedAt: _u,
  sortOrder: _s,
  ...publicColumns
} = getTableColumns(orgUnit);
const unitFields = {
  ...publicColumns,
  path: sql<string>`${orgUnit.path}::text`,
  // Qualified by hand: in a one-table select Drizzle leaves columns bare, and a bare "id" inside the
  // subquery would name the inner table's own column.
  childCount: sql<number>`(select count(*)::int from org_unit c where c.parent_id = "org_unit"."id")`,
  userCount: sql<number>`(select count(*)::int from app_user u
    where u.province_id = "org_unit"."province_id" and u.org_unit_id = "org_unit"."id")`,
};
type UnitRow = OrgUnit & { path: string };

const toOrgUnit = ({ path: _p, ...unit }: UnitRow): OrgUnit => unit;

/** A unit the actor may see, or 404 (also for malformed ids and units outside the scope). */
export async function findUnit(db: DbOrTx, actor: Actor, id: string): Promise<UnitRow> {
  if (!isUuid(id)) throw new NotFound("org_unit", id);
  const [unit] = await db
    .select(unitFields)
    .from(orgUnit)
    .where(and(eq(orgUnit.id, id), inScope(actor, orgUnit.path, orgUnit.provinceId)));
  if (!unit) throw new NotFound("org_unit", id);
  return unit;
}

export async function getOrgUnit(db: Db, actor: Actor, id: string): Promise<OrgUnit> {
  requirePermission(actor, "org:read");
  return toOrgUnit(await findUnit(db, actor, id));
}

export async function listOrgUnits(db: Db, actor: Actor, query: z.infer<typeof OrgUnitListQuery>) {
  requirePermission(actor, "org:read");
  const filters: (SQL | undefined)[] = [
    inScope(actor, orgUnit.path, orgUnit.provinceId),
    query.parentId ? eq(orgUnit.parentId, query.parentId) : undefined,
    query.level ? eq(orgUnit.level, query.level) : undefined,
    query.active ? eq(orgUnit.active, query.active === "true") : undefined,
    query.q
      ? or(ilike(orgUnit.name, `%${escapeLike(query.q)}%`), ilike(orgUnit.code, `%${escapeLike(query.q)}%`))
      : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(unitFields)
      .from(orgUnit)
      .where(where)
      .orderBy(orgUnit.path, orgUnit.sortOrder, orgUnit.code)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(orgUnit).where(where),
  ]);
  return { items: rows.map(toOrgUnit), total: total?.n ?? 0 };
}

export async function createOrgUnit(
  db: Db,
  actor: Actor,
  body: z.infer<typeof OrgUnitCreate>,
): Promise<OrgUnit> {
  requirePermission(actor, "org:write");
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const parent = await findUnit(tx, actor, body.parentId);
    if (!canHoldChild(parent.level, body.level)) {
      throw new InvalidOrgLevel(parent.level, body.level, CHILD_LEVELS[parent.level]);
    }
    let provinceId = parent.provinceId;
    if (body.level === "province") {
      if (body.provinceId === undefined) {
        throw new ValidationFailed("provinceId", "a province unit needs its two-digit province code");
      }
      provinceId = body.provinceId;
      await ensureProvinceRoles(tx, provinceId);
    }
    await assertCodeFree(tx, provinceId, body.code);
    const row = {
      provinceId,
      id,
      parentId: parent.id,
      level: body.level,
      code: body.code,
      name: body.name,
      path: `${parent.path}.${pathLabel(id)}`,
      sortOrder: body.sortOrder ?? 0,
    };
    await tx.insert(orgUnit).values(row);
    await recordAudit(tx, actor, {
      provinceId,
      action: "create",
      entityType: "org_unit",
      entityId: id,
      after: row,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
  return getOrgUnit(db, actor, id);
}

async function assertCodeFree(tx: DbOrTx, provinceId: number, code: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.provinceId, provinceId), eq(orgUnit.code, code)));
  if (clash && clash.id !== exceptId) throw new OrgCodeTaken(code);
}

export async function updateOrgUnit(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof OrgUnitUpdate>,
): Promise<OrgUnit> {
  requirePermission(actor, "org:write");
  await db.transaction(async (tx) => {
    const unit = await findUnit(tx, actor, id);
    if (unit.version !== body.version) throw new VersionConflict("org_unit", body.version, toOrgUnit(unit));
    const changes: Partial<typeof orgUnit.$inferInsert> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
    if (body.code !== undefined && body.code !== unit.code) {
      await assertCodeFree(tx, unit.provinceId, body.code, unit.id);
      changes.code = body.code;
    }
    if (body.active === false && unit.active) await assertCanDeactivate(tx, unit);
    if (body.active !== undefined) changes.active = body.active;
    if (body.parentId !== undefined && body.parentId !== unit.parentId) {
      await moveSubtree(tx, actor, unit, body.parentId);
      changes.parentId = body.parentId;
    }
    await tx
      .update(orgUnit)
      .set({ ...changes, version: unit.version + 1, updatedAt: new Date() })
      .where(and(eq(orgUnit.provinceId, unit.provinceId), eq(orgUnit.id, unit.id)));
    await recordAudit(tx, actor, {
      provinceId: unit.provinceId,
      action: body.parentId !== undefined && body.parentId !== unit.parentId ? "move" : "update",
      entityType: "org_unit",
      entityId: unit.id,
      before: toOrgUnit(unit),
      after: changes,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
  return getOrgUnit(db, actor, id);
}

/** Deactivating a unit that still has active people or active children would strand them. */
async function assertCanDeactivate(tx: DbOrTx, unit: UnitRow) {
  const [counts] = await tx
    .select({
      children: sql<number>`(select count(*)::int from org_unit c where c.parent_id = ${unit.id} and c.active)`,
      users: sql<number>`(select count(*)::int from app_user u where u.province_id = ${unit.provinceId}
        and u.org_unit_id = ${unit.id} and u.status = 'active')`,
    })
    .from(sql`(select 1) as one`);
  if ((counts?.children ?? 0) > 0 || (counts?.users ?? 0) > 0) {
    throw new InvalidOrgMove(
      `This unit still has ${counts?.children} active sub-units and ${counts?.users} active users: move or deactivate them first.`,
    );
  }
}

async function moveSubtree(tx: DbOrTx, actor: Actor, unit: UnitRow, newParentId: string) {
  if (unit.parentId === null) throw new InvalidOrgMove("The root of the org tree cannot be moved.");
  const parent = await findUnit(tx, actor, newParentId);
  if (isWithinSubtree(unit.path, parent.path)) {
    throw new InvalidOrgMove("A unit cannot move under itself or one of its own sub-units.");
  }
  if (parent.provinceId !== unit.provinceId && parent.level !== "hq") {
    throw new InvalidOrgMove("A unit cannot move to another province: its data belongs to its province.");
  }
  if (!canHoldChild(parent.level, unit.level))
    throw new InvalidOrgLevel(parent.level, unit.level, CHILD_LEVELS[parent.level]);
  assertPathInScope(actor, parent.path, "The new parent unit");
  const newPath = `${parent.path}.${pathLabel(unit.id)}`;
  // One statement rebases the whole subtree: every descendant keeps its suffix below the moved unit.
  // The unit itself has no suffix (subpath at its own length is an error), so it takes the new path as is.
  await tx.execute(sql`
    update org_unit set path = case when path = ${unit.path}::ltree then ${newPath}::ltree
        else ${newPath}::ltree || subpath(path, nlevel(${unit.path}::ltree)) end,
      updated_at = now()
    where province_id = ${unit.provinceId} and path <@ ${unit.path}::ltree`);
}
