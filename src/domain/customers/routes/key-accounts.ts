import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { KeyAccount, KeyAccountQuery, KeyAccountRebuild } from "../contracts.ts";
import { listKeyAccounts, rebuildKeyAccounts } from "../service/key-accounts.ts";

export const keyAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["key accounts"];
  app.get(
    "/api/v1/key-accounts",
    {
      schema: {
        tags,
        summary:
          "The year's key-account list (003), ranked by the prior year's spend, within the caller's scope",
        querystring: KeyAccountQuery,
        response: { 200: listOf(KeyAccount), ...errorResponses },
      },
    },
    (req) => listKeyAccounts(app.db, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/key-accounts/rebuild",
    {
      schema: {
        tags,
        summary: "Rebuild the province's list for a year from the prior year's spend",
        body: KeyAccountRebuild,
        response: {
          200: z.object({ year: z.number().int(), size: z.number().int(), spenders: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    (req) => rebuildKeyAccounts(app.db, actorOf(req), req.body),
  );
};
