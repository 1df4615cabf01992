import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./ids.ts";

describe("uuidv7", () => {
  it("sets the version to 7 and the variant to RFC 9562", () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it("carries the Unix milliseconds in its first 48 bits", () => {
    const ms = Date.UTC(2026, 2, 1, 8, 30, 15, 123);
    const id = uuidv7(ms);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
  });

  it("sorts by creation time across milliseconds, as text", () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = [0, 1, 2, 999, 1000, 86_400_000, 2 ** 32].map((offset) => uuidv7(start + offset));
    expect([...ids].sort()).toEqual(ids);
  });

  it("is ordered at the edges of the 48-bit timestamp", () => {
    expect(uuidv7(0).startsWith("00000000-0000-7")).toBe(true);
    expect(uuidv7(2 ** 48 - 1).startsWith("ffffffff-ffff-7")).toBe(true);
    expect(uuidv7(0) < uuidv7(1)).toBe(true);
    expect(uuidv7(255) < uuidv7(256)).toBe(true);
  });

  it("differs between calls in the same millisecond", () => {
    const ms = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(ms)));
    expect(ids.size).toBe(1000);
  });
});

describe("isUuid", () => {
  it.each([
    ["0190a5b2-3c4d-7e5f-8a6b-7c8d9e0fa1b2", true],
    ["0190A5B2-3C4D-7E5F-8A6B-7C8D9E0FA1B2", true],
    ["00000000-0000-0000-0000-000000000000", true],
    ["0190a5b23c4d7e5f8a6b7c8d9e0fa1b2", false],
    ["0190a5b2-3c4d-7e5f-8a6b-7c8d9e0fa1b", false],
    ["0190a5b2-3c4d-7e5f-8a6b-7c8d9e0fa1b2a", false],
    ["0190a5b2-3c4d-7e5f-8a6b-7c8d9e0fa1bg", false],
    [" 0190a5b2-3c4d-7e5f-8a6b-7c8d9e0fa1b2", false],
    ["not-a-uuid", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });

  it("accepts what uuidv7 makes", () => {
    expect(isUuid(uuidv7())).toBe(true);
  });
});
