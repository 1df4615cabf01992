import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../http/error-schema.ts";
import { listOf } from "../http/pagination.ts";
import { actorOf } from "../http/types.ts";
import { Job, JobQuery } from "./contracts.ts";
import { cancelJob, getJob, listJobs } from "./service.ts";

/** Runs of batch work (re-grades, scans…): poll one for its progress, list recent ones, cancel. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["jobs"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/jobs",
    {
      schema: {
        tags,
        summary: "Recent runs the caller may see, newest first",
        querystring: JobQuery,
        response: { 200: listOf(Job), ...errorResponses },
      },
    },
    (req) => listJobs(app.db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/jobs/:id",
    {
      schema: {
        tags,
        summary: "One run: status and progress",
        params,
        response: { 200: Job, ...errorResponses },
      },
    },
    (req) => getJob(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/jobs/:id/cancel",
    {
      schema: {
        tags,
        summary: "Stop a queued or running run (work already committed stays)",
        params,
        response: { 200: Job, ...errorResponses },
      },
    },
    (req) => cancelJob(app.db, app.jobs, actorOf(req), req.params.id),
  );
};
