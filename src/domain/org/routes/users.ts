import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import {
  PasswordReset,
  PasswordResetResult,
  User,
  UserCreate,
  UserListQuery,
  UserUpdate,
} from "../contracts.ts";
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  revokeUserSessions,
  unlockUser,
  updateUser,
} from "../service/users.ts";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["users"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Users of the caller's subtree",
        querystring: UserListQuery,
        response: { 200: listOf(User), ...errorResponses },
      },
    },
    (req) => listUsers(app.db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/users/:id",
    { schema: { tags, params, response: { 200: User, ...errorResponses } } },
    (req) => getUser(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/users",
    { schema: { tags, body: UserCreate, response: { 201: User, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createUser(app.db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/users/:id",
    { schema: { tags, params, body: UserUpdate, response: { 200: User, ...errorResponses } } },
    (req) => updateUser(app.db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/users/:id/reset-password",
    {
      schema: {
        tags,
        summary: "Set or generate a new password; unlocks the account and signs out its sessions",
        params,
        body: PasswordReset.optional(),
        response: { 200: PasswordResetResult, ...errorResponses },
      },
    },
    (req) => resetPassword(app.db, actorOf(req), req.params.id, req.body?.password),
  );
  app.post(
    "/api/v1/users/:id/unlock",
    { schema: { tags, params, response: { 200: User, ...errorResponses } } },
    (req) => unlockUser(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/users/:id/revoke-sessions",
    { schema: { tags, params, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await revokeUserSessions(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
