import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { AccountManagerLoad, AssignBody, AssignmentHistoryEntry, AssignResult } from "../contracts.ts";
import { accountManagerLoad, assignCustomers, assignmentHistoryOf } from "../service/assignment.ts";

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["assignment"];
  app.post(
    "/api/v1/customers/assign",
    {
      schema: {
        tags,
        summary: "Assign or transfer customers to an account manager, with a reason (all or nothing)",
        body: AssignBody,
        response: { 200: AssignResult, ...errorResponses },
      },
    },
    (req) => assignCustomers(app.db, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/account-managers/load",
    {
      schema: {
        tags,
        summary: "Each account manager's customers against the 1:50 norm (001)",
        querystring: z.object({ orgUnitId: z.uuid().optional() }),
        response: { 200: listOf(AccountManagerLoad), ...errorResponses },
      },
    },
    (req) => accountManagerLoad(app.db, actorOf(req), req.query.orgUnitId),
  );
  app.get(
    "/api/v1/customers/:id/assignments",
    {
      schema: {
        tags,
        summary: "Who owned the customer when, and why it moved",
        params: z.object({ id: z.string() }),
        response: { 200: listOf(AssignmentHistoryEntry), ...errorResponses },
      },
    },
    (req) => assignmentHistoryOf(app.db, actorOf(req), req.params.id),
  );
};
