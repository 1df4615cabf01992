import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ltree, provinceId, updatedAt, version } from "../../platform/db/columns.ts";

/** HQ → province → city → county → grid (seed 000: 省公司, 14 市分公司, 88 县分公司; 001 grids). */
export const orgUnit = pgTable(
  "org_unit",
  {
    provinceId: provinceId(),
    id: id(),
    // No foreign key: a province's parent is HQ, which lives in province 0 (keys lead with province_id).
    parentId: uuid("parent_id"),
    level: text("level", { enum: ["hq", "province", "city", "county", "grid"] }).notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    path: ltree("path").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "org_unit_pk", columns: [t.provinceId, t.id] }),
    uniqueIndex("org_unit_code_unique_per_province").on(t.provinceId, t.code),
    // By parent alone: HQ's children live in other provinces.
    index("org_unit_parent_idx").on(t.parentId),
    index("org_unit_path_gist").using("gist", t.path),
    index("org_unit_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const appUser = pgTable(
  "app_user",
  {
    provinceId: provinceId(),
    id: id(),
    username: text("username").notNull(),
    name: text("name").notNull(),
    orgUnitId: uuid("org_unit_id").notNull(),
    passwordHash: text("password_hash").notNull(),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    phone: text("phone"),
    email: text("email"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    locale: text("locale"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "app_user_pk", columns: [t.provinceId, t.id] }),
    uniqueIndex("username_unique_per_province").on(t.provinceId, sql`lower(${t.username})`),
    // Login knows only the username; the service also keeps usernames unique across provinces.
    index("app_user_username_idx").on(sql`lower(${t.username})`),
    index("app_user_org_unit_idx").on(t.provinceId, t.orgUnitId),
    foreignKey({
      name: "app_user_org_unit_fk",
      columns: [t.provinceId, t.orgUnitId],
      foreignColumns: [orgUnit.provinceId, orgUnit.id],
    }),
  ],
);

/** Roles are data per province: an operator adds its own and grants permissions at runtime (002 一人多岗). */
export const role = pgTable(
  "role",
  {
    provinceId: provinceId(),
    code: text("code").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    builtin: boolean("builtin").notNull().default(false),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "role_pk", columns: [t.provinceId, t.code] })],
);

export const rolePermission = pgTable(
  "role_permission",
  {
    provinceId: provinceId(),
    roleCode: text("role_code").notNull(),
    permission: text("permission").notNull(),
  },
  (t) => [
    primaryKey({ name: "role_permission_pk", columns: [t.provinceId, t.roleCode, t.permission] }),
    foreignKey({
      name: "role_permission_role_fk",
      columns: [t.provinceId, t.roleCode],
      foreignColumns: [role.provinceId, role.code],
    }).onDelete("cascade"),
  ],
);

export const userRole = pgTable(
  "user_role",
  {
    provinceId: provinceId(),
    userId: uuid("user_id").notNull(),
    roleCode: text("role_code").notNull(),
  },
  (t) => [
    primaryKey({ name: "user_role_pk", columns: [t.provinceId, t.userId, t.roleCode] }),
    index("user_role_role_idx").on(t.provinceId, t.roleCode),
    foreignKey({
      name: "user_role_user_fk",
      columns: [t.provinceId, t.userId],
      foreignColumns: [appUser.provinceId, appUser.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "user_role_role_fk",
      columns: [t.provinceId, t.roleCode],
      foreignColumns: [role.provinceId, role.code],
    }),
  ],
);

/** Server-side sessions: revocable, expiring; the cookie carries `<province>.<token>`, the table its hash. */
export const userSession = pgTable(
  "user_session",
  {
    provinceId: provinceId(),
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    primaryKey({ name: "user_session_pk", columns: [t.provinceId, t.id] }),
    uniqueIndex("session_token_unique_per_province").on(t.provinceId, t.tokenHash),
    index("user_session_user_idx").on(t.provinceId, t.userId),
    foreignKey({
      name: "user_session_user_fk",
      columns: [t.provinceId, t.userId],
      foreignColumns: [appUser.provinceId, appUser.id],
    }).onDelete("cascade"),
  ],
);

export const orgSchema = { orgUnit, appUser, role, rolePermission, userRole, userSession };
