import type { z } from "zod";
import type {
  LoginResult as LoginResultSchema,
  Me,
  OrgLevel,
  OrgUnit,
  OrgUnitCreate as OrgUnitCreateSchema,
  OrgUnitUpdate as OrgUnitUpdateSchema,
  PasswordResetResult as PasswordResetResultSchema,
  RoleCreate as RoleCreateSchema,
  Role as RoleSchema,
  User,
  UserCreate as UserCreateSchema,
  UserUpdate as UserUpdateSchema,
} from "../../../src/domain/org/contracts.ts";
import type { AuditEvent as AuditEventSchema } from "../../../src/platform/audit/contracts.ts";
import type {
  NotificationList as NotificationListSchema,
  Notification as NotificationSchema,
} from "../../../src/platform/notifications/contracts.ts";

export type { Me, OrgLevel, OrgUnit, User };
export type Permission = Me["permissions"][number];
export type LoginResult = z.infer<typeof LoginResultSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type RoleCreate = z.input<typeof RoleCreateSchema>;
export type OrgUnitCreate = z.input<typeof OrgUnitCreateSchema>;
export type OrgUnitUpdate = z.input<typeof OrgUnitUpdateSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserUpdate = z.input<typeof UserUpdateSchema>;
export type PasswordResetResult = z.infer<typeof PasswordResetResultSchema>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;

export interface Page<T> {
  items: T[];
  total: number;
}
