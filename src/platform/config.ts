import { readFileSync } from "node:fs";
import path from "node:path";

/** Everything the app reads from its environment, parsed once. The README's configuration table mirrors this. */
export interface Config {
  port: number;
  host: string;
  /** PGlite data folder, used when `databaseUrl` is not set. */
  dataDir: string;
  /** A PostgreSQL server; when set, PGlite is not used. */
  databaseUrl: string | undefined;
  /** Create demo users and data when the database is empty. */
  demo: boolean;
  demoPassword: string;
  seed: number;
  logLevel: string;
  sessionTtlHours: number;
  /**
   * How long a resolved session is reused before it is read again. Changes made through this process
   * apply at once; this bounds how long other processes on the same database take to see them.
   */
  sessionCacheSeconds: number;
  /** Consecutive failed logins before an account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts allowed per client address per minute, successful or not. */
  loginRatePerMinute: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  webDir: string;
  version: string;
  /** Work queued runs (re-grades…) in this process; off for a process that should only serve requests. */
  jobWorkers: boolean;
}

const DEFAULT_DEMO_PASSWORD = "Jike@2026";
const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative whole number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === "production";
  return {
    port: int(env.PORT, 3000, "PORT"),
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.JIKE_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: !production && env.JIKE_DEMO !== "0",
    demoPassword: env.JIKE_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    seed: int(env.JIKE_SEED, 20261123, "JIKE_SEED"),
    logLevel: env.LOG_LEVEL ?? (env.VITEST ? "silent" : "info"),
    sessionTtlHours: int(env.JIKE_SESSION_TTL_HOURS, 12, "JIKE_SESSION_TTL_HOURS"),
    sessionCacheSeconds: int(env.JIKE_SESSION_CACHE_SECONDS, 5, "JIKE_SESSION_CACHE_SECONDS"),
    lockoutThreshold: int(env.JIKE_LOCKOUT_THRESHOLD, 5, "JIKE_LOCKOUT_THRESHOLD"),
    lockoutMinutes: int(env.JIKE_LOCKOUT_MINUTES, 15, "JIKE_LOCKOUT_MINUTES"),
    loginRatePerMinute: int(env.JIKE_LOGIN_RATE, 20, "JIKE_LOGIN_RATE"),
    secureCookies: env.JIKE_SECURE_COOKIES === "1",
    webDir: path.resolve(env.JIKE_WEB_DIR ?? "dist/web"),
    version: PACKAGE.version,
    jobWorkers: env.JIKE_JOB_WORKERS !== "0",
    ...overrides,
  };
}
