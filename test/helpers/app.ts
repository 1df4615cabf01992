import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig } from "../../src/platform/config.ts";
import type { Database } from "../../src/platform/db/index.ts";
import { openPglite, openPostgres } from "../../src/platform/db/open.ts";
import { buildServer } from "../../src/server.ts";
import { databaseUrl, loadPgliteTemplate, PG_TEMPLATE_DB, TEST_PASSWORD } from "./template.ts";

/** Which database this test project runs on: `pglite` (default) or `postgres` (TEST_DATABASE_URL). */
export const DB_KIND = process.env.JIKE_TEST_DB === "postgres" ? "postgres" : "pglite";

/** A fresh database cloned from the seeded template: every test file gets its own. */
export async function freshDatabase(): Promise<Database> {
  if (DB_KIND === "pglite") return openPglite(undefined, loadPgliteTemplate(inject("pgliteTemplate")));
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("JIKE_TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `jike_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const database = await openPostgres(databaseUrl(base, name));
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name}`);
      await dropper.end();
    },
  };
}

export interface Client {
  username: string;
  csrfToken: string;
  cookie: string;
  user: { id: string; orgUnitId: string; provinceId: number; roles: string[]; permissions: string[] };
  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in through the real login route; demo users of the test scale share TEST_PASSWORD. */
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Parameters<typeof loadConfig>[1] = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: "silent" },
    { loginRatePerMinute: 1000, ...overrides },
  );
  const { app, setReady, startJobs } = await buildServer(config, database);
  await app.ready();
  await startJobs();
  setReady();
  const login = async (username: string, password = TEST_PASSWORD): Promise<Client> => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "jike_session");
    const body = res.json();
    const client: Client = {
      username,
      csrfToken: body.csrfToken,
      cookie: `jike_session=${cookie?.value}`,
      user: body.user,
      request: (method, url, payload, headers = {}) =>
        app.inject({
          method,
          url,
          payload: payload as InjectOptions["payload"],
          headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken, ...headers },
        }),
      get: (url) => client.request("GET", url),
      post: (url, payload) => client.request("POST", url, payload),
      patch: (url, payload) => client.request("PATCH", url, payload),
      put: (url, payload) => client.request("PUT", url, payload),
      delete: (url) => client.request("DELETE", url),
    };
    return client;
  };
  return {
    app,
    database,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface JobView {
  id: string;
  kind: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: { done: number; total: number | null };
  attempts: number;
  result: unknown;
  error: { code: string; message: string } | null;
  cancelRequested: boolean;
}

/**
 * Reads a run until it has ended, as the browser's progress bar does, waking its worker so the test does
 * not wait for the next poll. Gives up after `timeoutMs` with the last state seen.
 */
export async function jobEnded(t: TestApp, client: Client, id: string, timeoutMs = 60_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/jobs/${id}`);
    if (res.statusCode !== 200) throw new Error(`job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobView;
    if (job.status !== "queued" && job.status !== "running") return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    t.app.jobs.wake(job.kind);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
