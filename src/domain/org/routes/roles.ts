import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { Role, RoleCreate, RolePermissionsUpdate } from "../contracts.ts";
import { createRole, listPermissions, listRoles, setRolePermissions } from "../service/roles.ts";

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["roles"];
  app.get("/api/v1/roles", { schema: { tags, response: { 200: listOf(Role), ...errorResponses } } }, (req) =>
    listRoles(app.db, actorOf(req)),
  );
  app.post(
    "/api/v1/roles",
    { schema: { tags, body: RoleCreate, response: { 201: Role, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createRole(app.db, actorOf(req), req.body)),
  );
  app.put(
    "/api/v1/roles/:code/permissions",
    {
      schema: {
        tags,
        summary: "Replace a role's permissions; holders get them on their next request",
        params: z.object({ code: z.string() }),
        body: RolePermissionsUpdate,
        response: { 200: Role, ...errorResponses },
      },
    },
    (req) => setRolePermissions(app.db, actorOf(req), req.params.code, req.body),
  );
  app.get(
    "/api/v1/permissions",
    {
      schema: {
        tags,
        summary: "Every permission a role can be granted",
        response: { 200: z.object({ items: z.array(z.string()) }), ...errorResponses },
      },
    },
    () => listPermissions(),
  );
};
