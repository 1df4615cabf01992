import { createContext, useContext } from "react";
import type { Me } from "../api/types.ts";

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user; only valid below <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser must be used below <RequireAuth>");
  return me;
}
