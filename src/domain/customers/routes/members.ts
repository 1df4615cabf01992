import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { Member, MemberCreate, MemberLeave, MemberListQuery } from "../contracts.ts";
import { addMember, leaveMember, listMembers } from "../service/members.ts";

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["members"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/customers/:id/members",
    {
      schema: {
        tags,
        params,
        querystring: MemberListQuery,
        response: { 200: listOf(Member), ...errorResponses },
      },
    },
    (req) => listMembers(app.db, actorOf(req), req.params.id, req.query),
  );
  app.post(
    "/api/v1/customers/:id/members",
    { schema: { tags, params, body: MemberCreate, response: { 201: Member, ...errorResponses } } },
    async (req, reply) =>
      reply.code(201).send(await addMember(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    "/api/v1/customers/:id/members/:memberId/leave",
    {
      schema: {
        tags,
        summary: "The line leaves the group (kept with its dates for history)",
        params: z.object({ id: z.string(), memberId: z.string() }),
        body: MemberLeave.optional(),
        response: { 200: Member, ...errorResponses },
      },
    },
    (req) => leaveMember(app.db, actorOf(req), req.params.id, req.params.memberId, req.body ?? {}),
  );
};
