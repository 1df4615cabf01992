/** The org context's public face: other contexts and the server import only this file. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SessionResolver } from "../../platform/auth/http.ts";
import type { Db } from "../../platform/db/index.ts";
import { authRoutes } from "./routes/auth.ts";
import { orgUnitRoutes } from "./routes/org-units.ts";
import { roleRoutes } from "./routes/roles.ts";
import { userRoutes } from "./routes/users.ts";
import { resolveSession } from "./service/auth.ts";
import { sessionCacheFor } from "./service/session-cache.ts";

export { DEFAULT_ROLES } from "./rules.ts";
export { orgSchema } from "./schema.ts";
export { ensureHq, isEmpty, systemActor } from "./service/bootstrap.ts";
export { createOrgUnit, findUnit as orgUnitInScope, listOrgUnits } from "./service/org-units.ts";
export { ensureProvinceRoles } from "./service/roles.ts";
export { createUser, findStaff, listUsers } from "./service/users.ts";

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
};

/** Resolves session cookies for `installAuth`, keeping each for `cacheSeconds` (0: read every time). */
export const sessionResolver = (db: Db, { cacheSeconds }: { cacheSeconds: number }): SessionResolver => {
  const cache = sessionCacheFor(db, cacheSeconds * 1000);
  return async (cookie, meta) => {
    const resolved = await resolveSession(db, cookie, meta, cache);
    return (
      resolved && { actor: resolved.actor, csrfToken: resolved.csrfToken, sessionId: resolved.sessionId }
    );
  };
};
