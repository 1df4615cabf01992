import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { ALL_PERMISSIONS, type Permission } from "../../../platform/auth/permissions.ts";
import { requireProvinceWide } from "../../../platform/auth/scope.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { NotFound, VersionConflict } from "../../../platform/errors.ts";
import type { RoleCreate, RolePermissionsUpdate } from "../contracts.ts";
import { RoleExists } from "../errors.ts";
import { DEFAULT_ROLES } from "../rules.ts";
import { role, rolePermission } from "../schema.ts";
import { sessionsChanged } from "./session-cache.ts";

/** A new province starts with the built-in roles; existing ones are left as the operator tuned them. */
export async function ensureProvinceRoles(tx: DbOrTx, provinceId: number): Promise<void> {
  await tx
    .insert(role)
    .values(
      DEFAULT_ROLES.map((r) => ({
        provinceId,
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        builtin: true,
      })),
    )
    .onConflictDoNothing();
  const grants = DEFAULT_ROLES.flatMap((r) =>
    r.permissions.map((permission) => ({ provinceId, roleCode: r.code, permission })),
  );
  await tx.insert(rolePermission).values(grants).onConflictDoNothing();
}

const roleFields = {
  code: role.code,
  nameZh: role.nameZh,
  nameEn: role.nameEn,
  builtin: role.builtin,
  version: role.version,
  // Qualified by hand: in a one-table select Drizzle leaves columns bare, and a bare "province_id"
  // inside the subquery would name the inner table's own column (every province's grants would mix).
  permissions: sql<
    Permission[]
  >`coalesce((select array_agg(rp.permission order by rp.permission) from role_permission rp
    where rp.province_id = "role"."province_id" and rp.role_code = "role"."code"), '{}')`,
  userCount: sql<number>`(select count(*)::int from user_role ur
    where ur.province_id = "role"."province_id" and ur.role_code = "role"."code")`,
};

/** Roles are readable by anyone who may read users or manage roles: they label people everywhere. */
export async function listRoles(db: Db, actor: Actor) {
  if (!actor.permissions.has("role:write")) requirePermission(actor, "user:read");
  const items = await db
    .select(roleFields)
    .from(role)
    .where(eq(role.provinceId, actor.provinceId))
    .orderBy(role.createdAt, role.code);
  return { items, total: items.length };
}

async function getRole(db: DbOrTx, actor: Actor, code: string) {
  const [found] = await db
    .select(roleFields)
    .from(role)
    .where(and(eq(role.provinceId, actor.provinceId), eq(role.code, code)));
  if (!found) throw new NotFound("role", code);
  return found;
}

export async function createRole(db: Db, actor: Actor, body: z.infer<typeof RoleCreate>) {
  // A role reaches every holder in the province: a city admin must not widen another city's rights.
  requireProvinceWide(actor, "role:write", "Roles of the whole province");
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(role)
      .values({ provinceId: actor.provinceId, code: body.code, nameZh: body.nameZh, nameEn: body.nameEn })
      .onConflictDoNothing()
      .returning({ code: role.code });
    if (inserted.length === 0) throw new RoleExists(body.code);
    const permissions = [...new Set(body.permissions)];
    if (permissions.length > 0) {
      await tx.insert(rolePermission).values(
        permissions.map((permission) => ({
          provinceId: actor.provinceId,
          roleCode: body.code,
          permission,
        })),
      );
    }
    await recordAudit(tx, actor, {
      provinceId: actor.provinceId,
      action: "create",
      entityType: "role",
      entityId: body.code,
      after: { ...body, permissions },
    });
  });
  return getRole(db, actor, body.code);
}

/** Replaces a role's permissions; effective on the holders' next request (sessions read them fresh). */
export async function setRolePermissions(
  db: Db,
  actor: Actor,
  code: string,
  body: z.infer<typeof RolePermissionsUpdate>,
) {
  // A role reaches every holder in the province: a city admin must not widen another city's rights.
  requireProvinceWide(actor, "role:write", "Roles of the whole province");
  await db.transaction(async (tx) => {
    const before = await getRole(tx, actor, code);
    if (before.version !== body.version) throw new VersionConflict("role", body.version, before);
    const permissions = [...new Set(body.permissions)];
    await tx
      .delete(rolePermission)
      .where(and(eq(rolePermission.provinceId, actor.provinceId), eq(rolePermission.roleCode, code)));
    if (permissions.length > 0) {
      await tx
        .insert(rolePermission)
        .values(
          permissions.map((permission) => ({ provinceId: actor.provinceId, roleCode: code, permission })),
        );
    }
    await tx
      .update(role)
      .set({ version: before.version + 1 })
      .where(and(eq(role.provinceId, actor.provinceId), eq(role.code, code)));
    await recordAudit(tx, actor, {
      provinceId: actor.provinceId,
      action: "permissions_changed",
      entityType: "role",
      entityId: code,
      before: { permissions: before.permissions },
      after: { permissions },
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
  return getRole(db, actor, code);
}

export const listPermissions = () => ({ items: [...ALL_PERMISSIONS] });
