/**
 * A bounded load loop for benchmarks: `concurrency` workers share `total` requests against a server on
 * loopback, and the latencies come back sorted. Never used by tests.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

export async function runLoad(
  request: (i: number) => Promise<Response>,
  options: { total: number; concurrency: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.total) return;
      const t0 = performance.now();
      const res = await request(i).catch(() => null);
      if (!res || res.status >= 400) errors++;
      await res?.arrayBuffer().catch(() => undefined);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    +(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2);
  return {
    requests: latencies.length,
    errors,
    seconds: +seconds.toFixed(2),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
    perSecond: Math.round(latencies.length / seconds),
  };
}
