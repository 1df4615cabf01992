import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { customerJobs, customersRoutes } from "./domain/customers/index.ts";
import { orgRoutes, sessionResolver } from "./domain/org/index.ts";
import { auditRoutes } from "./platform/audit/routes.ts";
import { installAuth } from "./platform/auth/http.ts";
import type { Config } from "./platform/config.ts";
import type { Database } from "./platform/db/index.ts";
import { AppError } from "./platform/errors.ts";
import { installErrorHandler } from "./platform/http/error-handler.ts";
import "./platform/http/types.ts";
import { uuidv7 } from "./platform/ids.ts";
import { jobRoutes } from "./platform/jobs/routes.ts";
import { JobRunner } from "./platform/jobs/runner.ts";
import { notificationRoutes } from "./platform/notifications/routes.ts";

export interface Server {
  app: FastifyInstance;
  /** Health answers `ok` and /api opens only after migrations and seeding have finished. */
  setReady(): void;
  /** Starts working queued runs; call after migrating (pg-boss's tables come with the migrations). */
  startJobs(): Promise<void>;
}

const Health = z.object({
  status: z.enum(["ok", "starting"]),
  db: z.enum(["ok", "error"]),
  version: z.string(),
});

/** The one way to build the app: `serve`, the CLI and the tests all call this. */
export async function buildServer(config: Config, database: Database): Promise<Server> {
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => uuidv7(),
    requestIdHeader: "x-request-id",
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", database.db);
  app.decorate("config", config);
  const jobs = new JobRunner(database, { work: config.jobWorkers });
  for (const kind of customerJobs) jobs.register(kind);
  app.decorate("jobs", jobs);
  // Before the database closes: running attempts finish their transaction, polling stops.
  app.addHook("onClose", () => jobs.stop());
  let ready = false;

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Jike (集客) API",
        version: config.version,
        description: "Group-customer marketing & service management",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "jike_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  installErrorHandler(app);

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onRequest", async (request) => {
    if (!ready && request.url.startsWith("/api/") && !request.url.startsWith("/api/v1/health")) {
      throw new AppError(
        "unavailable",
        "starting",
        "Jike is starting (migrating or seeding). Try again in a moment.",
      );
    }
  });
  installAuth(app, sessionResolver(database.db, { cacheSeconds: config.sessionCacheSeconds }));

  app.get(
    "/api/v1/health",
    { config: { public: true }, schema: { tags: ["health"], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const db = await database.db
        .execute("select 1")
        .then(() => "ok" as const)
        .catch(() => "error" as const);
      const status = ready ? "ok" : "starting";
      return reply.code(ready && db === "ok" ? 200 : 503).send({ status, db, version: config.version });
    },
  );
  await app.register(orgRoutes);
  await app.register(customersRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(jobRoutes);
  await serveWeb(app, config.webDir);

  return {
    app,
    setReady: () => {
      ready = true;
    },
    startJobs: () => jobs.start(),
  };
}

/**
 * The SPA: hashed assets under /assets (cached for good), index.html for every other non-API path
 * (client-side routes, never cached so a new release is picked up).
 */
async function serveWeb(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(path.join(webDir, "index.html"));
  const sendIndex = (reply: FastifyReply) =>
    reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html", webDir);
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: path.join(webDir, "assets"),
      prefix: "/assets/",
      wildcard: true,
      index: false,
      immutable: true,
      maxAge: "365d",
    });
    app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return reply.code(404).send({
        code: "route_not_found",
        message: `No route ${request.method} ${request.url.split("?")[0]}. The API is described at /docs.`,
        details: {},
      });
    }
    // A missing asset is a 404, never index.html: a stale page must not receive HTML as JavaScript.
    if (!hasWeb || request.url.startsWith("/assets/")) {
      const message = hasWeb
        ? "Not found."
        : "The web app is not built. Run `npm run build:web`, then reload.";
      return reply.code(404).type("text/plain").send(message);
    }
    return sendIndex(reply);
  });
}
