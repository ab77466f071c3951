import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/client.ts';
import { attemptBooking, countBy, startBookingLoad, type Attempt } from '../support/booking-load.ts';
import { readBookings, readLedger } from '../support/ledger.ts';
import { postGraphql, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createConcert, testDatabaseUrl } from '../support/test-app.ts';

const { db, pool } = createDatabase({ url: testDatabaseUrl(), poolSize: 2 });
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) server.child.kill('SIGKILL');
  await pool.end();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server process is SIGKILLed under booking load', () => {
  it('keeps every confirmed booking, books each retried key at most once, and the ledger stays exact', async () => {
    const { concert, concertGid, tierGids } = await createConcert(db, [
      { name: 'A', capacity: 100_000 },
      { name: 'B', capacity: 100_000 },
    ]);
    let server = await startServerProcess(testDatabaseUrl());
    servers.push(server);
    // Each worker sends to whichever process is current.
    let base = server.base;
    const send = async (query: string, variables: Record<string, unknown>) => {
      const { body, network } = await postGraphql(base, query, variables);
      return { body, network };
    };

    const load = startBookingLoad(send, concertGid, tierGids, 16);
    while (load.attempts.filter((attempt) => attempt.outcome === 'booked').length < 200) await sleep(20);
    server.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect((await server.exited).signal).toBe('SIGKILL');
    // Let clients meet the dead server for a while: some requests must fail before the restart.
    const failedBefore = load.attempts.filter((attempt) => attempt.outcome === 'network').length;
    while (load.attempts.filter((attempt) => attempt.outcome === 'network').length < failedBefore + 32) await sleep(20);
    await load.stop();
    const beforeRestart = [...load.attempts];

    server = await startServerProcess(testDatabaseUrl(), {}, server.port);
    servers.push(server);
    base = server.base;
    const restartMs = Date.now() - killedAt;

    // Clients retry whatever did not get an answer, with the same idempotency keys.
    const inDoubt = beforeRestart.filter((attempt) => attempt.outcome !== 'booked' && attempt.outcome !== 'soldOut');
    const retried = await Promise.all(inDoubt.map((a) => attemptBooking(send, concertGid, a.tierGid, a.quantity, a.key)));
    expect(retried.map((attempt) => attempt.outcome).filter((outcome) => outcome !== 'booked')).toEqual([]);
    const committedBeforeKill = retried.filter((attempt) => attempt.replayed).length;
    const inFlightAtKill = inDoubt.filter((attempt) => attempt.startedAt < killedAt).length;

    // Every success a client saw is in the database, under its key, and retrying it replays it.
    const confirmed = [...beforeRestart, ...retried].filter((a): a is Attempt & { bookingId: string } => a.outcome === 'booked');
    const stored = await readBookings(testDatabaseUrl(), concert.id);
    for (const attempt of confirmed) expect(stored.get(attempt.key)).toBe(attempt.bookingId);
    expect(stored.size).toBe(new Set(confirmed.map((attempt) => attempt.key)).size);
    const sample = confirmed.slice(0, 50);
    const again = await Promise.all(sample.map((a) => attemptBooking(send, concertGid, a.tierGid, a.quantity, a.key)));
    expect(again.map((attempt) => [attempt.bookingId, attempt.replayed])).toEqual(sample.map((attempt) => [attempt.bookingId, true]));

    const ledger = await readLedger(testDatabaseUrl(), concert.id);
    for (const tier of ledger) expect(tier.capacity - tier.available).toBe(tier.booked);
    console.info(
      `crash: before the kill ${JSON.stringify(countBy(beforeRestart))}; restarted and ready in ${restartMs} ms; ` +
        `${inDoubt.length} in-doubt retried (${inFlightAtKill} in flight at the kill, the rest refused while it was down): ` +
        `all booked, ${committedBeforeKill} had committed before the kill (replayed); ` +
        `${stored.size} bookings stored for ${stored.size} keys; ledger ${ledger.map((t) => `${t.capacity}-${t.available}=${t.booked}`).join(', ')}`,
    );

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);
});
