/**
 * A lean HTTP/1.1 client for load benchmarks: keep-alive sockets through node:http, so the load
 * generator, which shares the machine's two cores with the server and the database, spends as little
 * of them as it can (undici's fetch costs two to three times more per request). Answers only the
 * status and the body's length; loopback only.
 */
import http from "node:http";
import { logIn } from "../test/helpers/process.ts";

export interface BenchClient {
  get(path: string): Promise<{ status: number; bytes: number }>;
  close(): void;
}

export async function benchSignIn(baseUrl: string, username: string, password: string): Promise<BenchClient> {
  const { cookie } = await logIn(baseUrl, username, password);
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const get = (path: string) =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const req = http.get({ hostname, port, path, agent, headers: { cookie } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", reject);
      });
      req.on("error", reject);
    });
  return { get, close: () => agent.destroy() };
}
