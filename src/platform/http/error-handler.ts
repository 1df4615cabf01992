import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorBody } from "../errors.ts";

/** One error shape for every route: `{ code, message, details }`; no stack trace ever reaches a client. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.warn({ err: error }, error.message);
      return reply
        .code(error.status)
        .send({ code: error.code, message: error.message, details: error.details } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const issues = error.validation.map((v) => ({
        field:
          [where === "body" ? "" : where, ...v.instancePath.split("/").filter(Boolean)]
            .filter(Boolean)
            .join(".") || where,
        message: v.message ?? "invalid",
      }));
      const first = issues[0];
      return reply.code(400).send({
        code: "validation_failed",
        message: first ? `${first.field}: ${first.message}` : "The request is not valid.",
        details: { issues },
      } satisfies ErrorBody);
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({
        code: "rate_limited",
        message: "Too many attempts from this address. Wait a minute and try again.",
        details: {},
      } satisfies ErrorBody);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({
        code: error.code?.toLowerCase() ?? "bad_request",
        message: error.message,
        details: {},
      } satisfies ErrorBody);
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send({
      code: "internal_error",
      message: `Something went wrong on our side. Quote request id ${request.id} to support.`,
      details: { requestId: request.id },
    } satisfies ErrorBody);
  });
}
