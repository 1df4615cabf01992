import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, Unauthenticated } from "../errors.ts";
import type { Actor } from "./actor.ts";

export const SESSION_COOKIE = "jike_session";
export const CSRF_HEADER = "x-csrf-token";

export interface SessionResolution {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}
export type SessionResolver = (
  cookie: string,
  meta: { ip: string; userAgent?: string; requestId: string },
) => Promise<SessionResolution | null>;

declare module "fastify" {
  interface FastifyRequest {
    session: SessionResolution | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class CsrfRejected extends AppError {
  constructor() {
    super(
      "forbidden",
      "csrf_token_invalid",
      `Writes need the X-CSRF-Token header with the csrfToken returned by login or GET /api/v1/auth/me.`,
    );
  }
}

/**
 * Resolves the session cookie into an Actor for every /api request, and enforces the two rules that hold
 * for every route: no session → 401 (unless the route is `config.public`), and writes carry the CSRF
 * token bound to the session. Installed on the root instance so it covers every context's routes.
 */
export function installAuth(app: FastifyInstance, resolve: SessionResolver): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("preHandler", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/")) return;
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      request.sessionToken = cookie;
      request.session = await resolve(cookie, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
      });
      request.actor = request.session?.actor ?? null;
    }
    // Unknown routes fall through to the 404 handler, with or without a session.
    if (request.routeOptions.config.public || request.is404) return;
    if (!request.session) throw new Unauthenticated();
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== "string" || !sameToken(header, request.session.csrfToken))
        throw new CsrfRejected();
    }
  });
}
