import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { Contact, ContactCreate, ContactUpdate } from "../contracts.ts";
import { createContact, deleteContact, listContacts, updateContact } from "../service/contacts.ts";

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["key persons"];
  const params = z.object({ id: z.string() });
  const both = z.object({ id: z.string(), contactId: z.string() });
  app.get(
    "/api/v1/customers/:id/contacts",
    {
      schema: {
        tags,
        summary: "Key persons, decision makers first",
        params,
        response: { 200: listOf(Contact), ...errorResponses },
      },
    },
    (req) => listContacts(app.db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/customers/:id/contacts",
    { schema: { tags, params, body: ContactCreate, response: { 201: Contact, ...errorResponses } } },
    async (req, reply) =>
      reply.code(201).send(await createContact(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    "/api/v1/customers/:id/contacts/:contactId",
    { schema: { tags, params: both, body: ContactUpdate, response: { 200: Contact, ...errorResponses } } },
    (req) => updateContact(app.db, actorOf(req), req.params.id, req.params.contactId, req.body),
  );
  app.delete(
    "/api/v1/customers/:id/contacts/:contactId",
    { schema: { tags, params: both, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteContact(app.db, actorOf(req), req.params.id, req.params.contactId);
      return reply.code(204).send(null);
    },
  );
};
