import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl, type TestApp } from './support/test-app.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';
import { connectWs, listening, watchAvailability } from './support/ws-client.ts';

/** A pino logger whose lines the test can read. */
function capturingLogger() {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const development = capturingLogger();
const production = capturingLogger();
const app = createTestApp({ logger: development.logger });
const productionApp = createTestApp({ logger: production.logger, production: true });
let base: string;
beforeAll(async () => {
  const { port } = await app.start(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await Promise.all([app.stop(), productionApp.stop()]);
});

const ask = (target: TestApp, headers: Record<string, string> = {}) =>
  target.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: 'query Ping { __typename }', operationName: 'Ping' }),
  });

describe('request ids and logs', () => {
  it('echoes a caller x-request-id and makes one up when it is missing or unreasonable', async () => {
    expect((await ask(app, { 'x-request-id': 'partner-42:req/7' })).headers.get('x-request-id')).toBe('partner-42:req/7');
    expect((await ask(app)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = 'x'.repeat(200);
    expect((await ask(app, { 'x-request-id': tooLong })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per operation with its request id; production logs none for healthy traffic', async () => {
    development.lines.length = 0;
    production.lines.length = 0;
    const ids = await Promise.all([1, 2, 3].map(async (n) => (await ask(app, { 'x-request-id': `ping-${n}` })).headers.get('x-request-id')));
    await Promise.all([1, 2, 3].map(() => ask(productionApp)));

    const requestLines = development.lines.filter((line) => line.msg === 'graphql request');
    expect(requestLines.map((line) => line.requestId).sort()).toEqual(ids.sort());
    expect(requestLines[0]).toMatchObject({ level: 30, operationName: 'Ping', status: 200, ms: expect.any(Number) });
    // Production: per-operation lines are debug level, so an info logger writes nothing for them.
    expect(production.lines).toEqual([]);
  });
});

const metricValue = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('counts bookings by result and exposes latency, pool, queue, subscriptions and LISTEN state', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 3 }]);
    const ws = connectWs(Number(new URL(base).port));
    const feed = watchAvailability(ws, concertGid);
    await listening(app, concertGid);
    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]));
    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 0]]));
    await feed.until(() => feed.latest.get(tierGids[0]) === 0);

    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(metricValue(text, 'bookings_total{result="BookTicketsSuccess"}')).toBe(2);
    expect(metricValue(text, 'bookings_total{result="SoldOutError"}')).toBe(1);
    expect(metricValue(text, 'bookings_total{result="ValidationError"}')).toBe(1);
    expect(metricValue(text, 'booking_duration_seconds_count{result="BookTicketsSuccess"}')).toBe(2);
    expect(metricValue(text, 'booking_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'db_pool_connections')).toBeGreaterThan(0);
    expect(metricValue(text, 'db_pool_waiting_requests')).toBe(0);
    expect(metricValue(text, 'booking_queue_pending')).toBe(0);
    expect(metricValue(text, 'graphql_open_subscriptions')).toBe(1);
    expect(metricValue(text, 'websocket_connections')).toBe(1);
    expect(metricValue(text, 'postgres_listen_connected')).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
    feed.close();
    await ws.dispose();
  });
});

describe('/health and /ready', () => {
  it('answers /ready 503 within its 1 s timeout when the database stops answering, and bookings fail within a bound', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(testDatabaseUrl()).port) });
    const shop = createTestApp({ databaseUrl: proxy.url(testDatabaseUrl()), databaseTimeouts: { statementMs: 500 } });
    try {
      const { port } = await shop.start(0, '127.0.0.1');
      const { concertGid, tierGids } = await createConcert(shop.db, [{ capacity: 5 }]);
      expect(await (await fetch(`http://127.0.0.1:${port}/ready`)).json()).toEqual({ status: 'ready', database: true, listen: true });

      proxy.blackHole();
      let started = Date.now();
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).database).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

      // Nothing comes back: the pool's 5 s connect timeout, or the query backstop (statement timeout + 2 s) on a
      // pooled connection, ends the wait.
      started = Date.now();
      const booking = await graphql(shop, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
      expect(booking.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(7_000);
    } finally {
      await proxy.close();
      await shop.stop();
    }
  }, 20_000);
});
