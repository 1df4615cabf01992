import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/jike.js", import.meta.url));

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const [code] = await once(child, "exit");
  return { code: code as number, output };
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * Starts `jike serve` on a free port and waits until /api/v1/health answers ok (bounded: 120 s).
 * Readiness is polled, never assumed after a fixed sleep.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jike serve exited with ${child.exitCode}:\n${output}`);
    url ??= output.match(/http:\/\/localhost:(\d+)/)?.[0];
    if (url) {
      const res = await fetch(`${url}/api/v1/health`).catch(() => undefined);
      if (res?.status === 200) return { child, url, output: () => output };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`jike serve was not ready within ${timeoutMs} ms:\n${output}`);
}

export async function stop(
  server: RunningServer,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  const exited = once(server.child, "exit");
  server.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

/** Signs in against a real process: the session cookie and the CSRF token its writes need. */
export async function logIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A minimal API client over fetch for tests against a real process. */
export async function signIn(url: string, username: string, password: string) {
  const { cookie, csrfToken } = await logIn(url, username, password);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  return { call };
}
