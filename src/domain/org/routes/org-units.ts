import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitUpdate } from "../contracts.ts";
import { createOrgUnit, getOrgUnit, listOrgUnits, updateOrgUnit } from "../service/org-units.ts";

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["org"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/org/units",
    {
      schema: {
        tags,
        summary: "Org units in the caller's subtree, as a flat list",
        querystring: OrgUnitListQuery,
        response: { 200: listOf(OrgUnit), ...errorResponses },
      },
    },
    (req) => listOrgUnits(app.db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/org/units/:id",
    { schema: { tags, params, response: { 200: OrgUnit, ...errorResponses } } },
    (req) => getOrgUnit(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/org/units",
    { schema: { tags, body: OrgUnitCreate, response: { 201: OrgUnit, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createOrgUnit(app.db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/org/units/:id",
    {
      schema: {
        tags,
        summary: "Rename, re-code, move (with its subtree) or (de)activate a unit",
        params,
        body: OrgUnitUpdate,
        response: { 200: OrgUnit, ...errorResponses },
      },
    },
    (req) => updateOrgUnit(app.db, actorOf(req), req.params.id, req.body),
  );
};
