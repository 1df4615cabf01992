import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { dummyHash, hashPassword, verifyPassword } from "../../../platform/auth/password.ts";
import type { Config } from "../../../platform/config.ts";
import type { Db } from "../../../platform/db/index.ts";
import { NotFound } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import type { LoginBody, Me } from "../contracts.ts";
import { AccountDisabled, AccountLocked, InvalidCredentials, WrongCurrentPassword } from "../errors.ts";
import { afterFailedLogin, isLocked } from "../rules.ts";
import { appUser, userSession } from "../schema.ts";
import { actorRowBySession, actorRowByUser, toActor, toMe } from "./actor-query.ts";
import { type SessionCache, sessionsChanged } from "./session-cache.ts";

type Policy = Pick<Config, "sessionTtlHours" | "lockoutThreshold" | "lockoutMinutes">;
interface ClientMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The cookie value is `<province>.<secret>`: the province leads the session key, the secret is never stored. */
export function parseSessionCookie(
  value: string | undefined,
): { provinceId: number; tokenHash: string } | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  const provinceId = Number(value.slice(0, dot));
  const secret = value.slice(dot + 1);
  if (dot < 1 || !Number.isInteger(provinceId) || provinceId < 0 || provinceId > 32767 || secret.length < 20)
    return null;
  return { provinceId, tokenHash: hashToken(secret) };
}

export interface LoginResult {
  user: Me;
  csrfToken: string;
  cookieValue: string;
  expiresAt: Date;
}

export async function login(
  db: Db,
  policy: Policy,
  body: z.infer<typeof LoginBody>,
  meta: ClientMeta,
): Promise<LoginResult> {
  const now = new Date();
  const [user] = await db
    .select()
    .from(appUser)
    .where(sql`lower(${appUser.username}) = lower(${body.username})`)
    .limit(1);
  if (!user) {
    await verifyPassword(await dummyHash(), body.password);
    throw new InvalidCredentials();
  }
  if (isLocked(user.lockedUntil, now)) throw new AccountLocked(user.lockedUntil!);
  const ok = await verifyPassword(user.passwordHash, body.password);
  const row = await actorRowByUser(db, user.provinceId, user.id);
  if (!row) throw new InvalidCredentials();
  const actor = toActor(row, "web", meta);
  const key = and(eq(appUser.provinceId, user.provinceId), eq(appUser.id, user.id));

  if (!ok && user.status !== "active") throw new InvalidCredentials();
  if (!ok) {
    const next = afterFailedLogin(
      user.failedLogins,
      { threshold: policy.lockoutThreshold, minutes: policy.lockoutMinutes },
      now,
    );
    await db.transaction(async (tx) => {
      await tx.update(appUser).set(next).where(key);
      await recordAudit(tx, actor, {
        provinceId: user.provinceId,
        action: next.lockedUntil ? "account_locked" : "login_failed",
        entityType: "user",
        entityId: user.id,
        after: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil?.toISOString() ?? null },
      });
    });
    if (next.lockedUntil) throw new AccountLocked(next.lockedUntil);
    throw new InvalidCredentials();
  }
  if (user.status !== "active") throw new AccountDisabled();

  const secret = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.sessionTtlHours * 3_600_000);
  const sessionId = uuidv7();
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(key);
    await tx.insert(userSession).values({
      provinceId: user.provinceId,
      id: sessionId,
      tokenHash: hashToken(secret),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, actor, {
      provinceId: user.provinceId,
      action: "login",
      entityType: "session",
      entityId: sessionId,
    });
  });
  return { user: toMe(row), csrfToken, cookieValue: `${user.provinceId}.${secret}`, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  me: Me;
  csrfToken: string;
  sessionId: string;
}

// Touch last_seen_at at most once a minute: a write on every request would serialise readers on PGlite.
const TOUCH_INTERVAL_MS = 60_000;

export async function resolveSession(
  db: Db,
  cookie: string | undefined,
  meta: ClientMeta,
  cache?: SessionCache,
): Promise<ResolvedSession | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const key = `${parsed.provinceId}.${parsed.tokenHash}`;
  const now = Date.now();
  let row = cache?.get(key, now);
  if (!row) {
    const generation = cache?.generation ?? 0;
    row = await actorRowBySession(db, parsed.provinceId, parsed.tokenHash);
    if (row) cache?.set(key, row, generation, now);
  }
  if (!row?.session_id || !row.csrf_token || !row.expires_at) return null;
  if (new Date(row.expires_at).getTime() <= now) return null;
  if (!row.last_seen_at || now - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    row.last_seen_at = new Date(now);
    await db
      .update(userSession)
      .set({ lastSeenAt: row.last_seen_at })
      .where(and(eq(userSession.provinceId, row.province_id), eq(userSession.id, row.session_id)));
  }
  return {
    actor: toActor(row, "web", meta),
    me: toMe(row),
    csrfToken: row.csrf_token,
    sessionId: row.session_id,
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await revokeSession(db, actor, sessionId);
}

export async function listSessions(db: Db, actor: Actor, currentSessionId: string | null) {
  const rows = await db
    .select()
    .from(userSession)
    .where(
      and(
        eq(userSession.provinceId, actor.provinceId),
        eq(userSession.userId, actor.userId ?? ""),
        isNull(userSession.revokedAt),
        gt(userSession.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(userSession.createdAt));
  return {
    items: rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === currentSessionId,
    })),
    total: rows.length,
  };
}

/** Revoke one of the caller's own sessions (logout, or "sign out that other browser"). */
export async function revokeSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) throw new NotFound("session", sessionId);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(userSession)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(userSession.provinceId, actor.provinceId),
          eq(userSession.id, sessionId),
          eq(userSession.userId, actor.userId ?? ""),
          isNull(userSession.revokedAt),
        ),
      )
      .returning({ id: userSession.id });
    if (revoked.length === 0) throw new NotFound("session", sessionId);
    await recordAudit(tx, actor, {
      provinceId: actor.provinceId,
      action: "logout",
      entityType: "session",
      entityId: sessionId,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
}

export async function changePassword(
  db: Db,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
  currentSessionId: string | null,
): Promise<void> {
  const key = and(eq(appUser.provinceId, actor.provinceId), eq(appUser.id, actor.userId ?? ""));
  const [user] = await db.select().from(appUser).where(key);
  if (!user) throw new NotFound("user", actor.userId ?? "");
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) throw new WrongCurrentPassword();
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(key);
    // Other browsers signed in with the old password are signed out; this one stays.
    await tx
      .update(userSession)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(userSession.provinceId, actor.provinceId),
          eq(userSession.userId, user.id),
          isNull(userSession.revokedAt),
          currentSessionId ? sql`${userSession.id} <> ${currentSessionId}` : undefined,
        ),
      );
    await recordAudit(tx, actor, {
      provinceId: actor.provinceId,
      action: "password_changed",
      entityType: "user",
      entityId: user.id,
    });
  });
  // What sessions resolve to may have changed: drop the cached ones (session-cache.ts).
  sessionsChanged(db);
}

export async function setPreferences(db: Db, actor: Actor, prefs: { locale: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const key = and(eq(appUser.provinceId, actor.provinceId), eq(appUser.id, actor.userId ?? ""));
    const [before] = await tx.select({ locale: appUser.locale }).from(appUser).where(key);
    await tx.update(appUser).set({ locale: prefs.locale }).where(key);
    await recordAudit(tx, actor, {
      provinceId: actor.provinceId,
      action: "preferences_changed",
      entityType: "user",
      entityId: actor.userId ?? "",
      before,
      after: prefs,
    });
  });
}

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const row = await actorRowByUser(db, actor.provinceId, actor.userId ?? "");
  if (!row) throw new NotFound("user", actor.userId ?? "");
  return toMe(row);
}
