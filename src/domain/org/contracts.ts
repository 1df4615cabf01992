import { z } from "zod";
import { Permission } from "../../platform/auth/permissions.ts";
import { ListQuery } from "../../platform/http/pagination.ts";

export const OrgLevel = z.enum(["hq", "province", "city", "county", "grid"]);
export type OrgLevel = z.infer<typeof OrgLevel>;

export const OrgUnit = z.object({
  id: z.uuid(),
  provinceId: z.number().int(),
  parentId: z.uuid().nullable(),
  level: OrgLevel,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  childCount: z.number().int(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitListQuery = ListQuery.extend({
  parentId: z.uuid().optional().describe("only the direct children of this unit"),
  level: OrgLevel.optional(),
  q: z.string().trim().min(1).max(50).optional().describe("substring of the name or code"),
  active: z.enum(["true", "false"]).optional(),
});

export const OrgUnitCreate = z.object({
  parentId: z.uuid(),
  provinceId: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe("required for a province unit: its two-digit administrative code (43 = Hunan)"),
  level: OrgLevel.exclude(["hq"]),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ or - only"),
  name: z.string().trim().min(1).max(60),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

export const OrgUnitUpdate = z.object({
  version: z.number().int().min(1).describe("the version you read; a mismatch answers 409"),
  name: z.string().trim().min(1).max(60).optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ or - only")
    .optional(),
  parentId: z.uuid().optional().describe("move the unit (and its subtree) under another unit"),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

export const UserStatus = z.enum(["active", "disabled"]);
export const RoleCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _ only, starting with a letter");

export const User = z.object({
  id: z.uuid(),
  provinceId: z.number().int(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  status: UserStatus,
  phone: z.string().nullable().describe("masked unless the caller holds pii:read"),
  email: z.string().nullable(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = ListQuery.extend({
  role: z.string().optional(),
  orgUnitId: z.uuid().optional().describe("users of this unit and its subtree"),
  status: UserStatus.optional(),
  q: z.string().trim().min(1).max(50).optional().describe("substring of username or name"),
  sort: z.enum(["username", "name", "createdAt", "lastLoginAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
});

const Password = z
  .string()
  .min(8, "at least 8 characters")
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "must mix letters and digits");
const Mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, "an 11-digit mainland mobile number starting with 13–19");

export const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . or - only"),
  name: z.string().trim().min(1).max(40),
  password: Password,
  roles: z.array(RoleCode).min(1, "give the user at least one role"),
  orgUnitId: z.uuid(),
  phone: Mobile.optional(),
  email: z.email().optional(),
});

export const UserUpdate = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(40).optional(),
  roles: z.array(RoleCode).min(1).optional(),
  orgUnitId: z.uuid().optional(),
  status: UserStatus.optional(),
  phone: Mobile.nullable().optional(),
  email: z.email().nullable().optional(),
});

export const PasswordReset = z.object({
  password: Password.optional().describe("leave out to generate a temporary password"),
});
export const PasswordResetResult = z.object({ temporaryPassword: z.string().nullable() });

export const Role = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  builtin: z.boolean(),
  permissions: z.array(Permission),
  userCount: z.number().int(),
  version: z.number().int(),
});
export const RoleCreate = z.object({
  code: RoleCode,
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  permissions: z.array(Permission).default([]),
});
export const RolePermissionsUpdate = z.object({
  version: z.number().int().min(1),
  permissions: z.array(Permission),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(Permission),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  orgLevel: OrgLevel,
  provinceId: z.number().int(),
  locale: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const LoginResult = z.object({ user: Me, csrfToken: z.string() });

export const PasswordChange = z.object({ currentPassword: z.string().min(1), newPassword: Password });
export const Preferences = z.object({ locale: z.enum(["zh-CN", "en-US"]) });

export const Session = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
