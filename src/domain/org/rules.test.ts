import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS } from "../../platform/auth/permissions.ts";
import type { OrgLevel } from "./contracts.ts";
import {
  afterFailedLogin,
  canHoldChild,
  DEFAULT_ROLES,
  isLocked,
  isWithinSubtree,
  rebasePath,
} from "./rules.ts";

describe("canHoldChild", () => {
  const allowed: [OrgLevel, OrgLevel][] = [
    ["hq", "province"],
    ["province", "city"],
    ["city", "county"],
    ["city", "grid"],
    ["county", "grid"],
  ];
  const refused: [OrgLevel, OrgLevel][] = [
    ["hq", "hq"],
    ["hq", "city"],
    ["province", "province"],
    ["province", "county"],
    ["province", "grid"],
    ["city", "city"],
    ["city", "province"],
    ["county", "county"],
    ["county", "city"],
    ["grid", "grid"],
    ["grid", "county"],
  ];
  it.each(allowed)("a %s unit may hold a %s unit", (parent, child) => {
    expect(canHoldChild(parent, child)).toBe(true);
  });
  it.each(refused)("a %s unit may not hold a %s unit", (parent, child) => {
    expect(canHoldChild(parent, child)).toBe(false);
  });
});

describe("isWithinSubtree", () => {
  it.each([
    ["a.b", "a.b", true],
    ["a.b", "a.b.c", true],
    ["a.b", "a.b.c.d", true],
    ["a.b", "a.bc", false],
    ["a.b", "a.bc.d", false],
    ["a.b", "a", false],
    ["a.b", "a.c", false],
    ["a.b", "x.a.b", false],
  ] as const)("%s contains %s: %s", (unit, candidate, expected) => {
    expect(isWithinSubtree(unit, candidate)).toBe(expected);
  });
});

describe("rebasePath", () => {
  it.each([
    ["a.b", "a.b", "x.b", "x.b"],
    ["a.b.c", "a.b", "x.y.b", "x.y.b.c"],
    ["a.b.c.d", "a.b", "x.b", "x.b.c.d"],
  ] as const)("%s moved from %s to %s becomes %s", (descendant, from, to, expected) => {
    expect(rebasePath(descendant, from, to)).toBe(expected);
  });

  it("refuses a path outside the moved unit, including a sibling sharing its prefix", () => {
    expect(() => rebasePath("a.bc.d", "a.b", "x.b")).toThrow();
    expect(() => rebasePath("a.c", "a.b", "x.b")).toThrow();
  });
});

describe("afterFailedLogin", () => {
  const now = new Date("2026-03-01T08:00:00Z");
  const policy = { threshold: 5, minutes: 15 };

  it("counts a failure below the threshold without locking", () => {
    expect(afterFailedLogin(0, policy, now)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(afterFailedLogin(3, policy, now)).toEqual({ failedLogins: 4, lockedUntil: null });
  });

  it("locks on the failure that reaches the threshold and resets the count", () => {
    expect(afterFailedLogin(4, policy, now)).toEqual({
      failedLogins: 0,
      lockedUntil: new Date("2026-03-01T08:15:00Z"),
    });
  });

  it("locks at once when the threshold is 1", () => {
    expect(afterFailedLogin(0, { threshold: 1, minutes: 30 }, now).lockedUntil).toEqual(
      new Date("2026-03-01T08:30:00Z"),
    );
  });

  it("never locks when the threshold is 0", () => {
    for (const failures of [0, 4, 5, 1000]) {
      expect(afterFailedLogin(failures, { threshold: 0, minutes: 15 }, now)).toEqual({
        failedLogins: failures + 1,
        lockedUntil: null,
      });
    }
  });
});

describe("isLocked", () => {
  const now = new Date("2026-03-01T08:00:00Z");
  it.each([
    ["never locked", null, false],
    ["locked until a minute from now", new Date("2026-03-01T08:01:00Z"), true],
    ["locked until a millisecond from now", new Date(now.getTime() + 1), true],
    ["the lock ends exactly now", now, false],
    ["the lock ended a minute ago", new Date("2026-03-01T07:59:00Z"), false],
  ] as const)("%s → %s", (_label, until, expected) => {
    expect(isLocked(until, now)).toBe(expected);
  });
});

describe("DEFAULT_ROLES", () => {
  it("has the 13 roles of the spec, each code once", () => {
    const codes = DEFAULT_ROLES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(
      [
        "admin",
        "hq_manager",
        "province_manager",
        "city_manager",
        "county_manager",
        "account_manager",
        "customer_engineer",
        "service_agent",
        "backoffice",
        "analyst",
        "product_manager",
        "channel_manager",
        "partner",
      ].sort(),
    );
  });

  it("gives admin every permission", () => {
    const admin = DEFAULT_ROLES.find((r) => r.code === "admin");
    expect([...(admin?.permissions ?? [])].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("names every role in both languages and grants only known permissions, each once", () => {
    for (const r of DEFAULT_ROLES) {
      expect(r.nameZh.length, r.code).toBeGreaterThan(0);
      expect(r.nameEn.length, r.code).toBeGreaterThan(0);
      expect(new Set(r.permissions).size, r.code).toBe(r.permissions.length);
      for (const p of r.permissions) expect(ALL_PERMISSIONS, r.code).toContain(p);
    }
  });

  it("keeps personal data and administration to admin", () => {
    const holders = (permission: string) =>
      DEFAULT_ROLES.filter((r) => (r.permissions as readonly string[]).includes(permission)).map(
        (r) => r.code,
      );
    expect(holders("pii:read")).toEqual(["admin"]);
    expect(holders("role:write")).toEqual(["admin"]);
    expect(holders("user:write")).toEqual(["admin"]);
    expect(DEFAULT_ROLES.find((r) => r.code === "partner")?.permissions).toEqual(["customer:read_own"]);
  });
});
