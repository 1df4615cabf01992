import type { ReactNode } from "react";
import type { Permission } from "../api/types.ts";
import { ForbiddenPage } from "../pages/errors/ForbiddenPage.tsx";
import { useCurrentUser } from "./CurrentUser.tsx";
import { can } from "./permissions.ts";

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  return can(me, permission) ? children : <ForbiddenPage />;
}
