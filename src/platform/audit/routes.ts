import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../http/error-schema.ts";
import { listOf } from "../http/pagination.ts";
import { actorOf } from "../http/types.ts";
import { AuditEvent, AuditQuery } from "./contracts.ts";
import { listAudit } from "./service.ts";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit log: who changed what, when, before and after",
        querystring: AuditQuery,
        response: { 200: listOf(AuditEvent), ...errorResponses },
      },
    },
    (req) => listAudit(app.db, actorOf(req), req.query),
  );
};
