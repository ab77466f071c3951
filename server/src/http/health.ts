import type { ServerResponse } from 'node:http';
import type pg from 'pg';
import type { PostgresListener } from '../events/postgres-listener.ts';

export interface HealthOptions {
  pool: pg.Pool;
  listener: PostgresListener;
  isDraining: () => boolean;
  /** /ready answers "unavailable" after this long rather than hang while the database does. */
  timeoutMs?: number;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/**
 * `/health`: the process is alive and serving (restart it if not).
 * `/ready`: it can do useful work — the database answers and the LISTEN connection that feeds
 * subscriptions is up — and it is not shutting down (send it traffic only if so).
 */
export function createHealthChecks({ pool, listener, isDraining, timeoutMs = 1_000 }: HealthOptions) {
  // Probes arriving together share one query, so a flood of probes cannot take the pool.
  let probe: Promise<boolean> | null = null;
  const databaseAnswers = () =>
    (probe ??= new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      pool.query('SELECT 1').then(
        () => resolve(true),
        () => resolve(false),
      ).finally(() => clearTimeout(timer));
    }).finally(() => {
      probe = null;
    }));

  return {
    health(res: ServerResponse) {
      json(res, 200, { status: 'ok' });
    },
    async ready(res: ServerResponse) {
      if (isDraining()) return json(res, 503, { status: 'draining' });
      const database = await databaseAnswers();
      const listen = listener.connected;
      const ok = database && listen;
      json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable', database, listen });
    },
  };
}
