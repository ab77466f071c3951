import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptBooking, countBy } from '../support/booking-load.ts';
import { readBookings, readLedger } from '../support/ledger.ts';
import { createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';

const LOCK_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 3_000;
const app = createTestApp({ databaseTimeouts: { lockMs: LOCK_TIMEOUT_MS, statementMs: STATEMENT_TIMEOUT_MS, idleInTransactionMs: 1_000 } });
const send = async (query: string, variables: Record<string, unknown>) => ({ body: await graphql(app, query, variables) });
afterAll(() => app.stop());

/** A separate connection, as another process or an operator's console would hold it. */
async function holdTierLock(tierId: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT available FROM ticket_tiers WHERE id = $1 FOR UPDATE', [tierId]);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe('timeouts on hot tier rows', () => {
  it('fails bookings stuck behind a held tier lock after lock_timeout, writes nothing, and a retry with the same keys books once', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(app.db, [{ capacity: 10 }]);
    const lock = await holdTierLock(tiers[0].id);
    const keys = Array.from({ length: 5 }, (_, i) => `lock-timeout-${i}-${crypto.randomUUID()}`);

    const stuck = await Promise.all(keys.map((key) => attemptBooking(send, concertGid, tierGids[0], 1, key)));
    await lock.release();
    const times = stuck.map((attempt) => attempt.ms).sort((a, b) => a - b);
    console.info(`lock held: ${JSON.stringify(countBy(stuck))}, answered after ${times.join(', ')} ms`);
    expect(stuck.every((attempt) => attempt.outcome === 'unavailable')).toBe(true);
    // lock_timeout applies to each lock wait: the first waiter gives up after 1 s; one queued behind it
    // waits for the tuple lock and then for the holder, each wait timed on its own. statement_timeout
    // caps the sum per statement; a booking queued behind an in-flight batch (4 at once) waits for that
    // batch first, so the bound is two statement timeouts.
    expect(times[0]).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
    expect(times[0]).toBeLessThan(LOCK_TIMEOUT_MS + 1_000);
    expect(times.at(-1)).toBeLessThan(2 * STATEMENT_TIMEOUT_MS + 1_000);

    // Nothing half-written: no booking rows, availability untouched.
    expect((await readBookings(testDatabaseUrl(), concert.id)).size).toBe(0);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toEqual([{ id: tiers[0].id, capacity: 10, available: 10, booked: 0 }]);

    const retried = await Promise.all(keys.map((key) => attemptBooking(send, concertGid, tierGids[0], 1, key)));
    expect(retried.map((attempt) => [attempt.outcome, attempt.replayed])).toEqual(keys.map(() => ['booked', false]));
    expect(await readLedger(testDatabaseUrl(), concert.id)).toEqual([{ id: tiers[0].id, capacity: 10, available: 5, booked: 5 }]);
  });

  it('ends a pooled transaction left idle while holding a tier lock, so bookings go through again', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(app.db, [{ capacity: 10 }]);
    // A stalled holder inside this process: a pooled connection that locked the row and went quiet.
    const stalled = await app.pool.connect();
    // The server ends the session; pg reports it here, with the reason.
    const ended = new Promise<Error & { code?: string }>((resolve) => stalled.on('error', resolve));
    await stalled.query('BEGIN');
    await stalled.query('SELECT available FROM ticket_tiers WHERE id = $1 FOR UPDATE', [tiers[0].id]);

    const started = Date.now();
    // idle_in_transaction_session_timeout (1 s) ends the holder; nothing else would.
    expect(await ended).toMatchObject({ code: '25P03' });
    const booking = await attemptBooking(send, concertGid, tierGids[0], 2, crypto.randomUUID());
    console.info(`idle holder ended; booking ${booking.outcome} after ${Date.now() - started} ms`);
    expect(booking.outcome).toBe('booked');
    stalled.release(true);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toEqual([{ id: tiers[0].id, capacity: 10, available: 8, booked: 2 }]);
  });

  it('cancels a statement that runs past statement_timeout', async () => {
    const started = Date.now();
    await expect(app.pool.query('SELECT pg_sleep(10)')).rejects.toMatchObject({ code: '57014' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
