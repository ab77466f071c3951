// The HTTP load generator, run as a child process (see load.ts) so its CPU is measured apart from
// the server's. Bodies are built once; autocannon's idReplacement fills `[<id>]` with a fresh id per
// request, which gives every booking its own idempotency key at almost no cost.
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Request bodies, sent round-robin by each connection. */
  bodies: string[];
  /** Sent with every request besides content-type (a partner's x-api-key). */
  headers?: Record<string, string>;
  /** A response counts as a success only if its body contains this. */
  successMarker: string;
}

export interface LoadResult {
  requests: number;
  /** Requests sent during the warm-up, which no figure includes. */
  warmupRequests: number;
  successes: number;
  errors: number;
  errorSamples: string[];
  durationSec: number;
  perSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Cores the load generator itself used while measuring. */
  clientCores: number;
}

function run(spec: LoadSpec, seconds: number, onResponse?: (status: number, body: string) => void, onLatency?: (ms: number) => void) {
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    connections: spec.connections,
    duration: seconds,
    timeout: 10,
    idReplacement: true,
    headers: { 'content-type': 'application/json', ...spec.headers },
    requests: spec.bodies.map((body) => ({ body, ...(onResponse ? { onResponse } : {}) })),
  });
  if (onLatency) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onLatency(ms));
  return instance;
}

async function measure(spec: LoadSpec): Promise<LoadResult> {
  // Warm-up: JIT, pool connections and plan caches, excluded from every figure.
  const warmup = spec.warmupSec > 0 ? await run(spec, spec.warmupSec) : null;
  process.send!({ measuring: true });

  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let successes = 0;
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await run(
    spec,
    spec.durationSec,
    (status, body) => {
      if (status === 200 && body.includes(spec.successMarker)) successes += 1;
      else {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${status} ${body.slice(0, 300)}`);
      }
    },
    (ms) => latencies.push(ms),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Timeouts and socket errors never reach onResponse.
  errors += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    warmupRequests: warmup?.requests.total ?? 0,
    successes,
    errors,
    errorSamples,
    durationSec: round(elapsed),
    perSec: Math.round(successes / elapsed),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: round(latencies.at(-1) ?? 0),
    clientCores: round((cpu.user + cpu.system) / 1e6 / elapsed),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

process.once('message', (spec: LoadSpec) => {
  measure(spec).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
