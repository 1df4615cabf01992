import type { Actor } from "../auth/actor.ts";
import type { Permission } from "../auth/permissions.ts";

/** What a run keeps of its requester: enough to act with their scope, as JSON (no request details). */
export type ActorSnapshot = Omit<
  Actor,
  "permissions" | "source" | "requestId" | "ip" | "hqProvinces" | "roles"
> & {
  hqProvinces?: number[];
  roles: string[];
  permissions: string[];
};

export const snapshotOf = (actor: Actor): ActorSnapshot => ({
  userId: actor.userId,
  provinceId: actor.provinceId,
  username: actor.username,
  name: actor.name,
  orgUnitId: actor.orgUnitId,
  orgPath: actor.orgPath,
  orgLevel: actor.orgLevel,
  ...(actor.hqProvinces ? { hqProvinces: [...actor.hqProvinces] } : {}),
  roles: [...actor.roles],
  permissions: [...actor.permissions],
});

/** The requester, acting through a job: audit rows say "job" and name them. */
export const actorFromSnapshot = (s: ActorSnapshot): Actor => ({
  ...s,
  permissions: new Set(s.permissions as Permission[]),
  source: "job",
});
