import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { cappedListOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import {
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerOverview,
  CustomerUpdate,
  GroupSummary,
  StatusChange,
} from "../contracts.ts";
import {
  changeStatus,
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "../service/customers.ts";
import { groupSummary } from "../service/groups.ts";
import { customerOverview } from "../service/overview.ts";

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["customers"];
  const params = z.object({ id: z.string() });
  app.get(
    "/api/v1/customers",
    {
      schema: {
        tags,
        summary: "Group customers in the caller's scope, filtered, sorted and paged",
        querystring: CustomerListQuery,
        response: { 200: cappedListOf(Customer), ...errorResponses },
      },
    },
    (req) => listCustomers(app.db, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/customers",
    { schema: { tags, body: CustomerCreate, response: { 201: Customer, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createCustomer(app.db, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/customers/:id",
    { schema: { tags, params, response: { 200: Customer, ...errorResponses } } },
    (req) => getCustomer(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/v1/customers/:id",
    { schema: { tags, params, body: CustomerUpdate, response: { 200: Customer, ...errorResponses } } },
    (req) => updateCustomer(app.db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/customers/:id/status",
    {
      schema: {
        tags,
        summary: "Move the customer along its lifecycle, with a reason kept in its history",
        params,
        body: StatusChange,
        response: { 200: Customer, ...errorResponses },
      },
    },
    (req) => changeStatus(app.db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/customers/:id/overview",
    {
      schema: {
        tags,
        summary: "The 360° view in one document",
        params,
        response: { 200: CustomerOverview, ...errorResponses },
      },
    },
    (req) => customerOverview(app.db, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/customers/:id/group",
    {
      schema: {
        tags,
        summary:
          "A group's summary (parent, subsidiaries, group revenue) for anyone who sees the parent or one of its subsidiaries",
        params,
        response: { 200: GroupSummary, ...errorResponses },
      },
    },
    (req) => groupSummary(app.db, actorOf(req), req.params.id),
  );
};
