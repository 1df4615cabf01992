import type { Me, Permission } from "../api/types.ts";

export const can = (me: Pick<Me, "permissions"> | null | undefined, permission: Permission): boolean =>
  !!me?.permissions.includes(permission);
