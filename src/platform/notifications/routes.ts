import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../http/error-schema.ts";
import { actorOf } from "../http/types.ts";
import { NotificationList, NotificationQuery } from "./contracts.ts";
import { listNotifications, markAllRead, markRead } from "./service.ts";

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["notifications"];
  app.get(
    "/api/v1/notifications",
    {
      schema: {
        tags,
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    (req) => listNotifications(app.db, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/notifications/:id/read",
    {
      schema: { tags, params: z.object({ id: z.string() }), response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await markRead(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    "/api/v1/notifications/read-all",
    { schema: { tags, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await markAllRead(app.db, actorOf(req));
      return reply.code(204).send(null);
    },
  );
};
