import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SESSION_COOKIE } from "../../../platform/auth/http.ts";
import { ErrorBody, errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { LoginBody, LoginResult, PasswordChange, Preferences, Session } from "../contracts.ts";
import {
  changePassword,
  getMe,
  listSessions,
  login,
  logout,
  revokeSession,
  setPreferences,
} from "../service/auth.ts";

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["auth"];
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: app.config.secureCookies,
  } as const;
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  app.post(
    "/api/v1/auth/login",
    {
      config: {
        public: true,
        rateLimit: { max: app.config.loginRatePerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "Sign in: sets the HttpOnly session cookie and returns the CSRF token for writes",
        body: LoginBody,
        response: { 200: LoginResult, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const result = await login(app.db, app.config, req.body, {
        ip: req.ip,
        userAgent: req.headers["user-agent"],
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, result.cookieValue, { ...cookieOptions, expires: result.expiresAt });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      schema: {
        tags,
        summary: "The signed-in user and the CSRF token",
        response: { 200: LoginResult, ...errorResponses },
      },
    },
    async (req) => {
      return { user: await getMe(app.db, actorOf(req)), csrfToken: req.session!.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await logout(app.db, actorOf(req), req.session!.sessionId);
      clearCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/auth/password",
    {
      schema: {
        tags,
        summary: "Change one's own password",
        body: PasswordChange,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await changePassword(app.db, actorOf(req), req.body, req.session!.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/v1/auth/me/preferences",
    { schema: { tags, body: Preferences, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await setPreferences(app.db, actorOf(req), req.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/sessions",
    {
      schema: {
        tags,
        summary: "One's own open sessions",
        response: { 200: listOf(Session), ...errorResponses },
      },
    },
    (req) => listSessions(app.db, actorOf(req), req.session!.sessionId),
  );

  app.delete(
    "/api/v1/auth/sessions/:id",
    {
      schema: { tags, params: z.object({ id: z.string() }), response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await revokeSession(app.db, actorOf(req), req.params.id);
      if (req.params.id === req.session!.sessionId) clearCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
