import { z } from "zod";
import { Forbidden } from "../errors.ts";
import type { Permission } from "./permissions.ts";

/** Where a call came from; recorded on every audit row. */
export const ActorSource = z.enum([
  "web", // the browser app, with a session cookie
  "api", // a system integration calling our API
  "tmf", // a TM Forum Open API client
  "cli", // an operator at the command line
  "job", // a background job acting on the system's behalf
  "import", // a file import run by a user
]);
export type ActorSource = z.infer<typeof ActorSource>;

/** Who is calling, and what they may see: every service takes one and starts with its scope check. */
export interface Actor {
  userId: string | null;
  provinceId: number;
  username: string;
  name: string;
  orgUnitId: string;
  /** ltree path of the actor's org unit: the data scope is everything at or below it. */
  orgPath: string;
  orgLevel: "hq" | "province" | "city" | "county" | "grid";
  /**
   * For group HQ, the provinces under it, read with the session: data is keyed province first, so naming
   * them lets HQ's queries use the same indexes as a province's. Absent: no province is pinned.
   */
  hqProvinces?: readonly number[];
  roles: readonly string[];
  permissions: ReadonlySet<Permission>;
  source: ActorSource;
  requestId?: string;
  ip?: string;
}

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden(permission);
}
