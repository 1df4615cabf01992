import { describe, expect, it } from "vitest";
import type { ActorRow } from "./actor-query.ts";
import { SessionCache } from "./session-cache.ts";

const row = (name: string) => ({ id: name, name }) as unknown as ActorRow;

describe("SessionCache", () => {
  it("serves a session for its lifetime, then reads it again", () => {
    const cache = new SessionCache(5_000);
    cache.set("43.a", row("张三"), cache.generation, 1_000);
    expect(cache.get("43.a", 5_999)?.name).toBe("张三");
    expect(cache.get("43.a", 6_000)).toBeUndefined();
    expect(cache.get("43.a", 6_001)).toBeUndefined();
  });

  it("forgets every session at once when something they resolve to changed", () => {
    const cache = new SessionCache(5_000);
    cache.set("43.a", row("张三"), cache.generation, 0);
    cache.set("43.b", row("李四"), cache.generation, 0);
    cache.clear();
    expect(cache.get("43.a", 1)).toBeUndefined();
    expect(cache.get("43.b", 1)).toBeUndefined();
  });

  it("does not keep a row read before a change that landed while it was being read", () => {
    const cache = new SessionCache(5_000);
    const before = cache.generation;
    cache.clear(); // e.g. a role lost a permission while the row was on its way
    cache.set("43.a", row("stale"), before, 0);
    expect(cache.get("43.a", 1)).toBeUndefined();
    cache.set("43.a", row("fresh"), cache.generation, 0);
    expect(cache.get("43.a", 1)?.name).toBe("fresh");
  });

  it("keeps nothing when its lifetime is zero (JIKE_SESSION_CACHE_SECONDS=0)", () => {
    const cache = new SessionCache(0);
    cache.set("43.a", row("张三"), cache.generation, 0);
    expect(cache.get("43.a", 0)).toBeUndefined();
  });

  it("stays bounded: past 10,000 sessions the oldest make room", () => {
    const cache = new SessionCache(60_000);
    for (let i = 0; i <= 10_000; i++) cache.set(`43.${i}`, row(String(i)), cache.generation, 0);
    expect(cache.get("43.0", 1)).toBeUndefined();
    expect(cache.get("43.1", 1)?.name).toBe("1");
    expect(cache.get("43.10000", 1)?.name).toBe("10000");
  });
});
