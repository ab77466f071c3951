import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDatabase } from '../../src/db/client.ts';
import { attemptBooking } from '../support/booking-load.ts';
import { readLedger } from '../support/ledger.ts';
import { answersWith, metricReaches, postGraphql, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createConcert, testDatabaseUrl } from '../support/test-app.ts';
import { connectWs, watchAvailability } from '../support/ws-client.ts';

const { db, pool } = createDatabase({ url: testDatabaseUrl(), poolSize: 2 });
let server: ServerProcess | undefined;
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await pool.end();
});

describe('SIGTERM', () => {
  it('refuses new work with 503, finishes in-flight bookings, closes WebSockets with 1001, then exits 0', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(db, [{ capacity: 100 }]);
    // A long lock timeout, so the bookings below wait for the test's lock instead of giving up.
    server = await startServerProcess(testDatabaseUrl(), { DB_LOCK_TIMEOUT_MS: '20000', DB_STATEMENT_TIMEOUT_MS: '30000' });
    const { base } = server;
    let closeCode: number | undefined;
    const ws = connectWs(server.port, { on: { closed: (event) => (closeCode = (event as { code: number }).code) } });
    const feed = watchAvailability(ws, concertGid);
    // Subscribed (graphql-ws has no message for it), so the socket is up before the drain begins.
    await metricReaches(base, 'graphql_open_subscriptions', (open) => open >= 1);

    // Hold the tier row so that bookings are in flight (waiting inside the server) when SIGTERM comes.
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM ticket_tiers WHERE id = $1 FOR UPDATE', [tiers[0].id]);
    const send = async (query: string, variables: Record<string, unknown>) => postGraphql(base, query, variables);
    const inFlight = Array.from({ length: 5 }, (_, i) => attemptBooking(send, concertGid, tierGids[0], 1, `drain-${i}-${crypto.randomUUID()}`));
    // All five are waiting inside the server (queued or in a batch blocked on the row lock).
    await metricReaches(base, 'booking_queue_pending', (pending) => pending === 5);

    server.child.kill('SIGTERM');
    await answersWith(base, '/ready', 503); // the drain has begun
    const refused = await postGraphql(base, '{ __typename }');
    expect(refused.status).toBe(503);
    expect(refused.body?.errors?.[0].extensions.code).toBe('SHUTTING_DOWN');
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(closeCode).toBeUndefined(); // subscriptions stay up while bookings finish
    // New WebSockets are turned away too, so clients reconnect to another instance.
    const lateStatus = await new Promise<number>((resolve) => {
      const late = new WebSocket(`ws://127.0.0.1:${server!.port}/graphql`, 'graphql-transport-ws');
      late.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      late.once('open', () => resolve(101));
      late.once('error', () => {});
    });
    expect(lateStatus).toBe(503);

    await holder.query('ROLLBACK');
    await holder.end();
    const finished = await Promise.all(inFlight);
    expect(finished.map((attempt) => attempt.outcome)).toEqual(['booked', 'booked', 'booked', 'booked', 'booked']);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    await expect.poll(() => closeCode, { timeout: 2_000 }).toBe(1001);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toEqual([{ id: tiers[0].id, capacity: 100, available: 95, booked: 5 }]);
    console.info(`SIGTERM: new request 503, ${finished.length} in-flight bookings completed, WebSocket closed ${closeCode}, exit ${exit.code}`);
    feed.close();
    await ws.dispose();
  }, 40_000);
});
