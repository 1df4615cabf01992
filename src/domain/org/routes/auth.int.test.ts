import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { TEST_PASSWORD } from "../../../../test/helpers/template.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ lockoutThreshold: 3, lockoutMinutes: 15 });
});
afterAll(() => t.close());

const loginRaw = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });

describe("sign-in", () => {
  it("sets an HttpOnly SameSite=Lax session cookie and returns the user with a top-level csrfToken", async () => {
    const res = await loginRaw("admin", TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "jike_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const body = res.json();
    expect(typeof body.csrfToken).toBe("string");
    expect(body.user).toMatchObject({ username: "admin", roles: ["admin"], orgLevel: "hq" });
    expect(body.user.permissions).toContain("role:write");
    expect(JSON.stringify(body)).not.toContain("passwordHash");
  });

  it("answers 401 with one error shape for a wrong password or an unknown user", async () => {
    for (const [u, p] of [
      ["hn_mgr", "wrong-password-1"],
      ["nobody", "whatever-123"],
    ] as const) {
      const res = await loginRaw(u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: "invalid_credentials", message: expect.any(String), details: {} });
    }
  });

  it("names the missing field when the body is malformed", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "admin" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0].field).toBe("password");
  });

  it("locks an account after consecutive failures; successes in between reset the count", async () => {
    await loginRaw("cs_mgr", "bad-password-1");
    await loginRaw("cs_mgr", "bad-password-2");
    expect((await loginRaw("cs_mgr", TEST_PASSWORD)).statusCode).toBe(200);
    await loginRaw("cs_mgr", "bad-password-3");
    await loginRaw("cs_mgr", "bad-password-4");
    const third = await loginRaw("cs_mgr", "bad-password-5");
    expect(third.statusCode).toBe(423);
    // Even the right password is refused while locked.
    const locked = await loginRaw("cs_mgr", TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe("account_locked");
  });

  it("rate-limits sign-in attempts per client address", async () => {
    const limited = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await limited.app.inject({
              method: "POST",
              url: "/api/v1/auth/login",
              payload: { username: "x", password: "y" },
            })
          ).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("sessions", () => {
  it("answers 401 on every /api route without a session, except health and login", async () => {
    for (const url of [
      "/api/v1/auth/me",
      "/api/v1/org/units",
      "/api/v1/users",
      "/api/v1/audit",
      "/api/v1/notifications",
      "/api/v1/roles",
    ]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await t.app.inject({ method: "GET", url: "/api/v1/health" })).json()).toMatchObject({
      status: "ok",
      db: "ok",
    });
  });

  it("refuses writes without the CSRF token and accepts them with it", async () => {
    const admin = await t.login("admin");
    const without = await admin.request("POST", "/api/v1/notifications/read-all", undefined, {
      "x-csrf-token": "",
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("csrf_token_invalid");
    expect((await admin.post("/api/v1/notifications/read-all")).statusCode).toBe(204);
  });

  it("logout revokes the session: the old cookie no longer works", async () => {
    const user = await t.login("hn_mgr");
    expect((await user.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await user.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await user.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("expires sessions after their lifetime", async () => {
    const shortLived = await createTestApp({ sessionTtlHours: 0 });
    try {
      const user = await shortLived.login("hn_mgr");
      expect((await user.get("/api/v1/auth/me")).statusCode).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it("lists one's own sessions and revokes another browser's", async () => {
    const first = await t.login("analyst_demo");
    const second = await t.login("analyst_demo");
    const list = (await second.get("/api/v1/auth/sessions")).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    const other = list.items.find((s: { current: boolean }) => !s.current);
    expect((await second.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(204);
    const stillFirst = await first.get("/api/v1/auth/me");
    const stillSecond = await second.get("/api/v1/auth/me");
    expect([stillFirst.statusCode, stillSecond.statusCode].sort()).toEqual([200, 401]);
  });

  it("changing one's password needs the current one and signs out other sessions", async () => {
    const a = await t.login("agent_demo");
    const b = await t.login("agent_demo");
    const wrong = await a.post("/api/v1/auth/password", {
      currentPassword: "nope-nope-1",
      newPassword: "NewPass123",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.issues[0].field).toBe("currentPassword");
    expect(
      (await a.post("/api/v1/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "NewPass123" }))
        .statusCode,
    ).toBe(204);
    expect((await a.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await loginRaw("agent_demo", "NewPass123")).statusCode).toBe(200);
  });

  it("answers 404 for a malformed or someone else's session id", async () => {
    const user = await t.login("pm01");
    expect((await user.delete("/api/v1/auth/sessions/not-a-uuid")).statusCode).toBe(404);
    const other = await t.login("analyst_demo");
    const theirs = (await other.get("/api/v1/auth/sessions")).json().items[0].id;
    expect((await user.delete(`/api/v1/auth/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await other.get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("remembers the chosen language on the server", async () => {
    const user = await t.login("am_demo");
    expect((await user.put("/api/v1/auth/me/preferences", { locale: "en-US" })).statusCode).toBe(204);
    expect((await user.get("/api/v1/auth/me")).json().user.locale).toBe("en-US");
  });
});
