import type { Me, Permission } from "../api/types.ts";

export const can = (me: Pick<Me, "permissions"> | null | undefined, permission: Permission): boolean =>
  !!me?.permissions.includes(permission);

/** True when the user holds the permission, or, given a list, at least one of them. */
export const canAny = (
  me: Pick<Me, "permissions"> | null | undefined,
  permissions: Permission | readonly Permission[],
): boolean => (typeof permissions === "string" ? [permissions] : permissions).some((p) => can(me, p));
