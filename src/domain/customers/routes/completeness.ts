import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { ArchiveCompleteness, CustomerCompleteness } from "../contracts.ts";
import { archiveCompleteness, customerCompleteness } from "../service/completeness.ts";

export const completenessRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["archive"];
  app.get(
    "/api/v1/archive/completeness",
    {
      schema: {
        tags,
        summary:
          "Archive completion rates by class and org unit against the targets (001), member authenticity",
        querystring: z.object({ orgUnitId: z.uuid().optional() }),
        response: { 200: ArchiveCompleteness, ...errorResponses },
      },
    },
    (req) => archiveCompleteness(app.db, actorOf(req), req.query.orgUnitId),
  );
  app.get(
    "/api/v1/customers/:id/completeness",
    {
      schema: {
        tags,
        summary: "One customer's archive score and the fields still missing",
        params: z.object({ id: z.string() }),
        response: { 200: CustomerCompleteness, ...errorResponses },
      },
    },
    (req) => customerCompleteness(app.db, actorOf(req), req.params.id),
  );
};
