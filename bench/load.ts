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

/** What one request of a load answered: its HTTP status (a failure to connect counts as an error). */
type Request = (i: number) => Promise<{ status: number }>;

export async function runLoad(
  request: Request,
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
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarize(latencies, errors, started);
}

function summarize(latencies: number[], errors: number, started: number): LoadResult {
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

/**
 * An open-loop load: requests start on a fixed schedule (`perSecond`), whether or not earlier ones have
 * finished, as 50 people working at once would send them; each latency counts from its scheduled start,
 * so a slow server cannot hide its queueing by slowing the senders down. At most `maxInFlight` wait.
 */
export async function runPaced(
  request: Request,
  options: { total: number; perSecond: number; maxInFlight: number },
): Promise<LoadResult & { offeredPerSecond: number; dropped: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let dropped = 0;
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < options.total; i++) {
    const due = started + (i * 1000) / options.perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= options.maxInFlight) {
      dropped++;
      continue;
    }
    inFlight++;
    pending.push(
      (async () => {
        const res = await request(i).catch(() => null);
        if (!res || res.status >= 400) errors++;
        latencies.push(performance.now() - due);
        inFlight--;
      })(),
    );
  }
  await Promise.all(pending);
  return { ...summarize(latencies, errors, started), dropped, offeredPerSecond: options.perSecond };
}
