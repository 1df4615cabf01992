import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("serves an OpenAPI 3 document at /docs that matches the committed snapshot", async () => {
  const res = await t.app.inject({ method: "GET", url: "/docs/json" });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  // Every route is documented with its responses, so integrators can trust /docs.
  for (const [route, methods] of Object.entries<Record<string, { responses?: object }>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      expect(Object.keys(op.responses ?? {}).length, `${method} ${route}`).toBeGreaterThan(0);
    }
  }
  expect(doc.paths["/api/v1/org/units"]).toBeDefined();
  // CI fails when the API changed without updating docs/openapi.json (locally: vitest -u).
  await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot("../../docs/openapi.json");
});

it("answers unknown API routes with a JSON 404", async () => {
  const api = await t.app.inject({ method: "GET", url: "/api/v1/no-such-thing" });
  expect(api.statusCode).toBe(404);
  expect(api.json()).toMatchObject({ code: "route_not_found" });
});
