import { describe, expect, it } from "vitest";
import type { Actor } from "./auth/actor.ts";
import type { Permission } from "./auth/permissions.ts";
import { emailFor, maskEmail, maskMobile, mobileFor } from "./pii.ts";

describe("maskMobile", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["1381234567", "138***4567"],
    ["13812345", "138*2345"],
    ["8765432", "*******"],
    ["138123", "******"],
    ["1", "*"],
    ["", ""],
  ])("%s → %s", (value, masked) => {
    expect(maskMobile(value)).toBe(masked);
  });

  it("never returns a non-empty value in the clear", () => {
    for (let length = 1; length <= 15; length++) {
      const value = "9".repeat(length);
      expect(maskMobile(value)).not.toBe(value);
      expect(maskMobile(value)).toHaveLength(length);
    }
  });

  it("keeps the length, so the masked number still looks like a number of that kind", () => {
    expect(maskMobile("008613812345678")).toHaveLength(15);
    expect(maskMobile("008613812345678")).toBe("008********5678");
  });
});

describe("maskEmail", () => {
  it.each([
    ["zhang.san@example.com", "z***@example.com"],
    ["a@b.cn", "a***@b.cn"],
    ["@example.com", "***"],
    ["no-at-sign", "***"],
    ["", "***"],
  ])("%s → %s", (value, masked) => {
    expect(maskEmail(value)).toBe(masked);
  });
});

describe("mobileFor / emailFor", () => {
  const actor = (permissions: Permission[]): Actor => ({
    userId: null,
    provinceId: 43,
    username: "someone",
    name: "某人",
    orgUnitId: "00000000-0000-7000-8000-000000000000",
    orgPath: "root",
    orgLevel: "province",
    roles: [],
    permissions: new Set(permissions),
    source: "web",
  });

  it("shows personal data only to a holder of pii:read", () => {
    expect(mobileFor(actor(["pii:read"]), "13812345678")).toBe("13812345678");
    expect(mobileFor(actor(["user:read"]), "13812345678")).toBe("138****5678");
    expect(emailFor(actor(["pii:read"]), "li.si@example.com")).toBe("li.si@example.com");
    expect(emailFor(actor([]), "li.si@example.com")).toBe("l***@example.com");
  });

  it("passes a missing value through as null", () => {
    expect(mobileFor(actor([]), null)).toBeNull();
    expect(emailFor(actor(["pii:read"]), null)).toBeNull();
  });
});
