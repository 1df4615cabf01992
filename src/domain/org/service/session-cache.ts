import type { DbOrTx } from "../../../platform/db/index.ts";
import type { ActorRow } from "./actor-query.ts";

/**
 * Sessions resolved in the last few seconds, so the dozen API calls behind one page do not each read
 * the session, its user, unit, roles and permissions again (ADR 0005). Every org write that changes
 * what a session resolves to — a sign-out or revocation, a password, a user's status, roles or unit,
 * a role's permissions, the org tree — calls `sessionsChanged`, which forgets them all in this process
 * at once; another process on the same database sees such a change within `ttlMs`. Expiry is checked
 * on every request from the cached row itself.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: ActorRow; cachedAt: number }>();
  /** Bumped by every change, so a read that raced with one is not cached. */
  generation = 0;

  constructor(readonly ttlMs: number) {}

  get(key: string, now: number): ActorRow | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.cachedAt < this.ttlMs) return entry.row;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `row` unless something changed since `generation` was read, before the row was. */
  set(key: string, row: ActorRow, generation: number, now: number): void {
    if (this.ttlMs === 0 || generation !== this.generation) return;
    // Bounded: a burst of sign-ins cannot grow it without limit; the oldest entries go first.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { row, cachedAt: now });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const MAX_ENTRIES = 10_000;
const caches = new WeakMap<DbOrTx, SessionCache>();

/** The cache of the app serving `db` (one per database handle, so test apps never share one). */
export function sessionCacheFor(db: DbOrTx, ttlMs: number): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache(ttlMs);
    caches.set(db, cache);
  }
  return cache;
}

/** What every session resolves to may have changed: read them all afresh. */
export function sessionsChanged(db: DbOrTx): void {
  caches.get(db)?.clear();
}
