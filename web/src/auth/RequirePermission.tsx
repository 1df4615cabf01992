import type { ReactNode } from "react";
import type { Permission } from "../api/types.ts";
import { ForbiddenPage } from "../pages/errors/ForbiddenPage.tsx";
import { useCurrentUser } from "./CurrentUser.tsx";
import { canAny } from "./permissions.ts";

/** Shows the page when the user holds the permission (or, given a list, any one of them). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const me = useCurrentUser();
  return canAny(me, permission) ? children : <ForbiddenPage />;
}
