import { fileURLToPath } from 'node:url';
import { spawnServer, type ServerProcess } from '../../src/dev/server-process.ts';
import { metricsHeaders, TEST_METRICS_TOKEN } from './metrics-token.ts';
import { partnerHeaders } from './test-app.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export type { ServerProcess };

/**
 * The real entry point (`src/main.ts`) as a child process on DATABASE_URL, so a test can SIGKILL or
 * SIGTERM it. Resolves once /ready answers 200.
 */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, port?: number): Promise<ServerProcess> {
  return spawnServer({
    entry: 'src/main.ts',
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', METRICS_TOKEN: TEST_METRICS_TOKEN, ...env, DATABASE_URL: databaseUrl },
    port,
  });
}

/** A GraphQL request over real HTTP as the test partner; network failures are returned, not thrown. */
export async function postGraphql(base: string, query: string, variables?: Record<string, unknown>) {
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...partnerHeaders() },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  } catch (error) {
    return { status: 0, network: error as Error };
  }
}

/** Resolves once `predicate` holds for a gauge the server in another process reports on /metrics. */
/** A gauge of a server in another process, read from /metrics (0 when absent). */
export async function gaugeOf(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: metricsHeaders })).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

export async function metricReaches(base: string, name: string, predicate: (value: number) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await gaugeOf(base, name);
    if (predicate(value)) return;
    if (Date.now() > deadline) throw new Error(`${name} did not reach the expected value within ${timeoutMs} ms (last: ${value})`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves once `path` answers with `status` (e.g. /ready turning 503 when a drain starts). */
export async function answersWith(base: string, path: string, status: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await fetch(`${base}${path}`).then((response) => response.status, () => 0);
    if (answered === status) return;
    if (Date.now() > deadline) throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms (last: ${answered})`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
