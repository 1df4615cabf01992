import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import {
  RegradeBody,
  RegradeQueued,
  RegradeResult,
  RuleSet,
  RuleSetActivated,
  RuleSetCreate,
  RuleSetKind,
  RuleSetPreview,
} from "../contracts.ts";
import {
  activateRuleSet,
  createRuleSet,
  listRuleSets,
  previewRuleSet,
  regradeCustomer,
  regradeProvince,
} from "../service/grading.ts";

export const gradingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["grading"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/grading/rule-sets",
    {
      schema: {
        tags,
        summary: "Grading rule sets of the province, every revision",
        querystring: z.object({
          kind: RuleSetKind.optional(),
          provinceId: z.coerce
            .number()
            .int()
            .min(1)
            .max(99)
            .optional()
            .describe("group HQ names the province"),
        }),
        response: { 200: listOf(RuleSet), ...errorResponses },
      },
    },
    (req) => listRuleSets(app.db, actorOf(req), req.query.kind, req.query.provinceId),
  );
  app.post(
    "/api/v1/grading/rule-sets",
    {
      schema: {
        tags,
        summary: "A new draft revision",
        body: RuleSetCreate,
        response: { 201: RuleSet, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createRuleSet(app.db, actorOf(req), req.body)),
  );
  app.post(
    "/api/v1/grading/rule-sets/:id/preview",
    {
      schema: {
        tags,
        summary: "How many customers would change class under this rule set",
        params,
        response: { 200: RuleSetPreview, ...errorResponses },
      },
    },
    (req) => previewRuleSet(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/grading/rule-sets/:id/activate",
    {
      schema: {
        tags,
        summary: "Activate a draft (the previous revision retires) and queue the province's re-grade",
        params,
        response: { 200: RuleSetActivated, ...errorResponses },
      },
    },
    (req) => activateRuleSet(app.db, app.jobs, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/grading/regrade",
    {
      schema: {
        tags,
        summary: "Re-grade one customer (200, at once) or queue the whole province's re-grade (202, a job)",
        body: RegradeBody.optional(),
        response: { 200: RegradeResult, 202: RegradeQueued, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.body?.customerId) return regradeCustomer(app.db, actorOf(req), req.body.customerId);
      return reply
        .code(202)
        .send(await regradeProvince(app.db, app.jobs, actorOf(req), req.body?.provinceId));
    },
  );
};
