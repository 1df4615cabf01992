import type { FastifyRequest } from "fastify";
import type { Actor } from "../auth/actor.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/index.ts";
import { Unauthenticated } from "../errors.ts";
import type { JobRunner } from "../jobs/runner.ts";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** Batch work on pg-boss: contexts queue runs through it. */
    jobs: JobRunner;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Raw session token from the cookie, when the request came with one. */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login). Everything else under /api answers 401. */
    public?: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}
