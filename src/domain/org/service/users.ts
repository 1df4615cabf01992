import { randomInt } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { hashPassword } from "../../../platform/auth/password.ts";
import { inScope } from "../../../platform/auth/scope.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { escapeLike } from "../../../platform/db/sql.ts";
import { NotFound, VersionConflict } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import { notify } from "../../../platform/notifications/service.ts";
import { emailFor, maskEmail, maskMobile, mobileFor } from "../../../platform/pii.ts";
import type { User, UserCreate, UserListQuery, UserUpdate } from "../contracts.ts";
import { InvalidOrgMove, SelfLockout, UnknownRoles, UsernameTaken } from "../errors.ts";
import { appUser, orgUnit, role, userRole, userSession } from "../schema.ts";
import { findUnit } from "./org-units.ts";
import { sessionsChanged } from "./session-cache.ts";

const userFields = {
  id: appUser.id,
  provinceId: appUser.provinceId,
  username: appUser.username,
  name: appUser.name,
  orgUnitId: appUser.orgUnitId,
  orgUnitName: orgUnit.name,
  status: appUser.status,
  phone: appUser.phone,
  email: appUser.email,
  locked: sql<boolean>`coalesce(${appUser.lockedUntil} > now(), false)`,
  lastLoginAt: appUser.lastLoginAt,
  createdAt: appUser.createdAt,
  version: appUser.version,
  roles: sql<string[]>`coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur
    where ur.province_id = ${appUser.provinceId} and ur.user_id = ${appUser.id}), '{}')`,
};
type UserRow = Omit<User, "lastLoginAt" | "createdAt"> & { lastLoginAt: Date | null; createdAt: Date };

const selectUsers = (db: DbOrTx) =>
  db
    .select(userFields)
    .from(appUser)
    .innerJoin(orgUnit, and(eq(orgUnit.provinceId, appUser.provinceId), eq(orgUnit.id, appUser.orgUnitId)));

/** What a caller sees of a user: personal data masked without pii:read, never the password hash. */
function present(actor: Actor, row: UserRow): User {
  return {
    ...row,
    phone: mobileFor(actor, row.phone),
    email: emailFor(actor, row.email),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findUser(db: DbOrTx, actor: Actor, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw new NotFound("user", id);
  const [row] = await selectUsers(db).where(
    and(eq(appUser.id, id), inScope(actor, orgUnit.path, orgUnit.provinceId)),
  );
  if (!row) throw new NotFound("user", id);
  return row;
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  requirePermission(actor, "user:read");
  return present(actor, await findUser(db, actor, id));
}

const SORTS = {
  username: appUser.username,
  name: appUser.name,
  createdAt: appUser.createdAt,
  lastLoginAt: appUser.lastLoginAt,
} as const;

export async function listUsers(db: Db, actor: Actor, query: z.infer<typeof UserListQuery>) {
  requirePermission(actor, "user:read");
  const filters: (SQL | undefined)[] = [inScope(actor, orgUnit.path, orgUnit.provinceId)];
  if (query.orgUnitId) {
    const unit = await findUnit(db, actor, query.orgUnitId);
    filters.push(sql`${orgUnit.path} <@ ${unit.path}::ltree`);
  }
  if (query.role) {
    filters.push(sql`exists (select 1 from user_role ur where ur.province_id = ${appUser.provinceId}
      and ur.user_id = ${appUser.id} and ur.role_code = ${query.role})`);
  }
  if (query.status) filters.push(eq(appUser.status, query.status));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(or(sql`${appUser.username} ilike ${like}`, sql`${appUser.name} ilike ${like}`));
  }
  const where = and(...filters);
  const column = SORTS[query.sort ?? "username"];
  const direction = query.order === "desc" ? desc : asc;
  const [rows, [total]] = await Promise.all([
    selectUsers(db)
      .where(where)
      // Never-signed-in users sort last either way: "most recent sign-in" should lead with real dates.
      .orderBy(sql`${direction(column)} nulls last`, asc(appUser.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(appUser)
      .innerJoin(orgUnit, and(eq(orgUnit.provinceId, appUser.provinceId), eq(orgUnit.id, appUser.orgUnitId)))
      .where(where),
  ]);
  return { items: rows.map((r) => present(actor, r)), total: total?.n ?? 0 };
}

async function assertRolesExist(tx: DbOrTx, provinceId: number, codes: string[]) {
  const found = await tx
    .select({ code: role.code })
    .from(role)
    .where(and(eq(role.provinceId, provinceId), inArray(role.code, codes)));
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length > 0) throw new UnknownRoles(missing);
}

async function assertUsernameFree(tx: DbOrTx, username: string) {
  const [clash] = await tx
    .select({ id: appUser.id })
    .from(appUser)
    .where(sql`lower(${appUser.username}) = lower(${username})`);
  if (clash) throw new UsernameTaken(username);
}

/**
 * What the audit log keeps of a user: no secrets, and personal data masked, because managers read the
 * log without holding pii:read (a changed number still shows as a change).
 */
const snapshot = (row: UserRow) => ({
  ...row,
  phone: row.phone === null ? null : maskMobile(row.phone),
  email: row.email === null ? null : maskEmail(row.email),
  lastLoginAt: undefined,
});

export async function createUser(
  db: Db,
  actor: Actor,
  body: z.infer<typeof UserCreate>,
  options: { mustChangePassword?: boolean } = {},
): Promise<User> {
  requirePermission(actor, "user:write");
  const id = uuidv7();
  const passwordHash = await hashPassword(body.password);
  const roles = [...new Set(body.roles)];
  await db.transaction(async (tx) => {
    const unit = await findUnit(tx, actor, body.orgUnitId);
    await assertRolesExist(tx, unit.provinceId, roles);
    await assertUsernameFree(tx, body.username);
    await tx.insert(appUser).values({
      provinceId: unit.provinceId,
      id,
      username: body.username,
      name: body.name,
      orgUnitId: unit.id,
      passwordHash,
      phone: body.phone ?? null,
      email: body.email ?? null,
      // An administrator chose this password, so the person replaces it at first sign-in.
      mustChangePassword: options.mustChangePassword ?? true,
    });
    await tx
      .insert(userRole)
      .values(roles.map((roleCode) => ({ provinceId: unit.provinceId, userId: id, roleCode })));
    const created = await findUser(tx, actor, id);
    await recordAudit(tx, actor, {
      provinceId: unit.provinceId,
      action: "create",
      entityType: "user",
      entityId: id,
      after: snapshot(created),
    });
    await notify(tx, {
      provinceId: unit.provinceId,
      userId: id,
      kind: "welcome",
      params: { name: body.name },
      title: `欢迎使用集客，${body.name}`,
    });
  });
  return getUserAfterWrite(db, actor, id);
}

/** Re-read after a write; a CLI actor without user:read still gets the canonical shape. */
async function getUserAfterWrite(db: Db, actor: Actor, id: string) {
  return present(actor, await findUser(db, actor, id));
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof UserUpdate>,
): Promise<User> {
  requirePermission(actor, "user:write");
  await db.transaction(async (tx) => {
    const before = await findUser(tx, actor, id);
    if (before.version !== body.version)
      throw new VersionConflict("user", body.version, present(actor, before));
    if (id === actor.userId && body.status === "disabled") throw new SelfLockout("disable");
    const changes: Partial<typeof appUser.$inferInsert> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.phone !== undefined) changes.phone = body.phone;
    if (body.email !== undefined) changes.email = body.email;
    if (body.status !== undefined) changes.status = body.status;
    if (body.orgUnitId !== undefined && body.orgUnitId !== before.orgUnitId) {
      const unit = await findUnit(tx, actor, body.orgUnitId);
      if (unit.provinceId !== before.provinceId) {
        throw new InvalidOrgMove("A user cannot move to another province; create an account there instead.");
      }
      changes.orgUnitId = unit.id;
    }
    const key = and(eq(appUser.provinceId, before.provinceId), eq(appUser.id, id));
    await tx
      .update(appUser)
      .set({ ...changes, version: before.version + 1, updatedAt: new Date() })
      .where(key);
    const roles = body.roles ? [...new Set(body.roles)].sort() : undefined;
    const rolesChanged = roles !== undefined && roles.join() !== [...before.roles].sort().join();
    if (roles && rolesChanged) {
      await assertRolesExist(tx, before.provinceId, roles);
      await tx
        .delete(userRole)
        .where(and(eq(userRole.provinceId, before.provinceId), eq(userRole.userId, id)));
      await tx
        .insert(userRole)
        .values(roles.map((roleCode) => ({ provinceId: before.provinceId, userId: id, roleCode })));
      await notify(tx, {
        provinceId: before.provinceId,
        userId: id,
        kind: "roles_changed",
        params: { roles: roles.join(", ") },
        title: `你的角色已变更为：${roles.join("、")}`,
      });
    }
    // A disabled account must not keep working through a session opened before.
    if (body.status === "disabled") await revokeAllSessions(tx, before.provinceId, id);
    const after = await findUser(tx, actor, id);
    await recordAudit(tx, actor, {
      provinceId: before.provinceId,
      action:
        body.status && body.status !== before.status
          ? body.status === "disabled"
            ? "disable"
            : "enable"
          : "update",
      entityType: "user",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
  return getUserAfterWrite(db, actor, id);
}

async function revokeAllSessions(tx: DbOrTx, provinceId: number, userId: string) {
  await tx
    .update(userSession)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSession.provinceId, provinceId),
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
      ),
    );
}

const TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
/** 12 characters without look-alikes (0/O, 1/l/I), always with a letter and a digit. */
export function temporaryPassword(): string {
  for (;;) {
    const p = Array.from({ length: 12 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join("");
    if (/\d/.test(p) && /[A-Za-z]/.test(p)) return p;
  }
}

/** Sets a new password (given or generated), unlocks the account and signs out its sessions. */
export async function resetPassword(db: Db, actor: Actor, id: string, password?: string) {
  requirePermission(actor, "user:write");
  const temporary = password ? null : temporaryPassword();
  const passwordHash = await hashPassword(password ?? temporary!);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, actor, id);
    await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: new Date(),
        version: user.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(appUser.provinceId, user.provinceId), eq(appUser.id, id)));
    await revokeAllSessions(tx, user.provinceId, id);
    await recordAudit(tx, actor, {
      provinceId: user.provinceId,
      action: "password_reset",
      entityType: "user",
      entityId: id,
    });
    await notify(tx, {
      provinceId: user.provinceId,
      userId: id,
      kind: "password_reset",
      params: { by: actor.name },
      title: `${actor.name} 重置了你的密码`,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
  return { temporaryPassword: temporary };
}

export async function revokeUserSessions(db: Db, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, "user:write");
  await db.transaction(async (tx) => {
    const user = await findUser(tx, actor, id);
    await revokeAllSessions(tx, user.provinceId, id);
    await recordAudit(tx, actor, {
      provinceId: user.provinceId,
      action: "sessions_revoked",
      entityType: "user",
      entityId: id,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
}

export async function unlockUser(db: Db, actor: Actor, id: string): Promise<User> {
  requirePermission(actor, "user:write");
  await db.transaction(async (tx) => {
    const user = await findUser(tx, actor, id);
    await tx
      .update(appUser)
      .set({ failedLogins: 0, lockedUntil: null, version: user.version + 1, updatedAt: new Date() })
      .where(and(eq(appUser.provinceId, user.provinceId), eq(appUser.id, id)));
    await recordAudit(tx, actor, {
      provinceId: user.provinceId,
      action: "unlock",
      entityType: "user",
      entityId: id,
    });
  });
  return getUserAfterWrite(db, actor, id);
}

/** A staff member other contexts may reference (an account manager, an engineer), or null. */
export async function findStaff(db: DbOrTx, provinceId: number, userId: string) {
  if (!isUuid(userId)) return null;
  const [row] = await selectUsers(db).where(and(eq(appUser.provinceId, provinceId), eq(appUser.id, userId)));
  return row
    ? { id: row.id, name: row.name, roles: row.roles, status: row.status, orgUnitId: row.orgUnitId }
    : null;
}
