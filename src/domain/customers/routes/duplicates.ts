import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { JobQueued } from "../../../platform/jobs/contracts.ts";
import { DuplicateList, DuplicateQuery, DuplicateScanBody, Merge, MergeBody } from "../contracts.ts";
import { findDuplicates, queueDuplicateScan } from "../service/duplicates.ts";
import { confirmMerge, getMerge, listMerges, mergeCustomers, undoMerge } from "../service/merge.ts";

export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["duplicates"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/customers/duplicates",
    {
      schema: {
        tags,
        summary:
          "Likely duplicates in scope, as the last scan found them: same credit code, or similar name and address",
        querystring: DuplicateQuery,
        response: { 200: DuplicateList, ...errorResponses },
      },
    },
    (req) => findDuplicates(app.db, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/customers/duplicates/scan",
    {
      schema: {
        tags,
        summary: "Scan the province for likely duplicates again (a job; poll GET /api/v1/jobs/{id})",
        body: DuplicateScanBody.optional(),
        response: { 202: JobQueued, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await queueDuplicateScan(app.db, app.jobs, actorOf(req), req.body?.provinceId)),
  );
  app.post(
    "/api/v1/customers/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge a duplicate into this customer (reversible until confirmed)",
        params,
        body: MergeBody,
        response: { 200: Merge, ...errorResponses },
      },
    },
    (req) => mergeCustomers(app.db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/customers/:id/merges",
    { schema: { tags, params, response: { 200: listOf(Merge), ...errorResponses } } },
    (req) => listMerges(app.db, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/customers/merges/:mergeId",
    {
      schema: {
        tags,
        params: z.object({ mergeId: z.string() }),
        response: { 200: Merge, ...errorResponses },
      },
    },
    (req) => getMerge(app.db, actorOf(req), req.params.mergeId),
  );
  app.post(
    "/api/v1/customers/merges/:mergeId/undo",
    {
      schema: {
        tags,
        summary: "Undo a pending merge: both customers are restored as they were",
        params: z.object({ mergeId: z.string() }),
        response: { 200: Merge, ...errorResponses },
      },
    },
    (req) => undoMerge(app.db, actorOf(req), req.params.mergeId),
  );
  app.post(
    "/api/v1/customers/merges/:mergeId/confirm",
    {
      schema: {
        tags,
        summary: "Confirm a merge; it can no longer be undone",
        params: z.object({ mergeId: z.string() }),
        response: { 200: Merge, ...errorResponses },
      },
    },
    (req) => confirmMerge(app.db, actorOf(req), req.params.mergeId),
  );
};
