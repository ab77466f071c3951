import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort } from '../../src/db/free-port.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { attemptBooking, countBy, startBookingLoad, type Attempt } from '../support/booking-load.ts';
import { readBookings, readLedger } from '../support/ledger.ts';
import { createConcert, graphql, testPartnerKey } from '../support/test-app.ts';
import { insertTestPartner } from '../support/test-partner.ts';
import { connectWs, listening, watchAvailability } from '../support/ws-client.ts';

// A Postgres of this test's own, so that it can be stopped and started under a running server.
const dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-restart-'));
chmodSync(dataDir, 0o755); // the postgres user must be able to enter it
const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
let port: number;
let postgres: EmbeddedPostgres;
let app: App;

beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir, port, settings });
  await migrateDatabase(postgres.url);
  await insertTestPartner(postgres.url, testPartnerKey());
  app = buildApp({ databaseUrl: postgres.url, poolSize: 10 });
});
afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = async (query: string, variables: Record<string, unknown>) => ({ body: await graphql(app, query, variables) });

describe('Postgres restarts under load', () => {
  it('fails requests cleanly during the outage, recovers within seconds, resyncs subscribers, and keeps the ledger exact', async () => {
    const { port: appPort } = await app.start(0, '127.0.0.1');
    const { concert, concertGid, tierGids } = await createConcert(app.db, [
      { name: 'A', capacity: 100_000 },
      { name: 'B', capacity: 100_000 },
      { name: 'Untouched', capacity: 50 },
    ]);
    const ws = connectWs(appPort);
    const concertFeed = watchAvailability(ws, concertGid);
    const everythingFeed = watchAvailability(ws);
    await Promise.all([listening(app, concertGid), listening(app)]);

    const load = startBookingLoad(send, concertGid, tierGids.slice(0, 2), 8);
    const bookedSince = (after: number) => load.attempts.filter((attempt) => attempt.outcome === 'booked' && attempt.startedAt > after).length;
    await expect.poll(() => bookedSince(0), { timeout: 10_000 }).toBeGreaterThanOrEqual(50);
    const stoppedAt = Date.now();
    await postgres.stop();
    // The outage lasts until bookings have failed for it and the LISTEN connection is known lost,
    // so it has to reconnect and resync.
    const failedSince = (after: number) => load.attempts.filter((attempt) => attempt.outcome !== 'booked' && attempt.startedAt >= after).length;
    await expect.poll(() => failedSince(stoppedAt), { timeout: 10_000 }).toBeGreaterThanOrEqual(40);
    const listenUp = async () => ((await (await fetch(`http://127.0.0.1:${appPort}/ready`)).json()) as { listen: boolean }).listen;
    await expect.poll(listenUp, { timeout: 10_000 }).toBe(false);
    postgres = await startEmbeddedPostgres({ dataDir, port, settings });
    const restartedAt = Date.now();
    // Keep booking until bookings have worked again for a while.
    await expect.poll(() => bookedSince(restartedAt), { timeout: 10_000 }).toBeGreaterThanOrEqual(50);
    await load.stop();

    const during = load.attempts.filter((attempt) => attempt.startedAt >= stoppedAt && attempt.startedAt < restartedAt);
    const firstBack = Math.min(...load.attempts.filter((a) => a.outcome === 'booked' && a.startedAt > restartedAt).map((a) => a.startedAt + a.ms));
    const failed = load.attempts.filter((attempt) => attempt.outcome !== 'booked');
    console.info(
      `restart: ${load.attempts.length} attempts ${JSON.stringify(countBy(load.attempts))}; during the outage ` +
        `${JSON.stringify(countBy(during))}, slowest failure ${Math.max(...failed.map((a) => a.ms))} ms; ` +
        `first booking ${firstBack - restartedAt} ms after Postgres was back`,
    );
    // Failures are GraphQL errors saying "retry", never anything else, and none hangs.
    expect(failed.every((attempt) => attempt.outcome === 'unavailable')).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    expect(Math.max(...failed.map((attempt) => attempt.ms))).toBeLessThan(6_000);
    expect(firstBack - restartedAt).toBeLessThan(5_000);

    // Resync: after the LISTEN connection came back, every subscriber got every tier it watches,
    // including the one no booking touched (no NOTIFY ever named it).
    const untouched = tierGids[2];
    const resynced = (feed: typeof concertFeed) => feed.events.find((event) => event.id === untouched && event.receivedAt > restartedAt);
    await concertFeed.until(() => resynced(concertFeed) !== undefined);
    await everythingFeed.until(() => resynced(everythingFeed) !== undefined);
    const resyncMs = Math.max(resynced(concertFeed)!.receivedAt, resynced(everythingFeed)!.receivedAt) - restartedAt;
    expect(resyncMs).toBeLessThan(5_000); // the LISTEN connection retries at most every 2 s

    // Requests that failed may or may not have committed (a lost COMMIT reply): retried with the
    // same key, each is booked exactly once.
    const inDoubt = failed.filter((attempt) => attempt.outcome === 'unavailable');
    const retried = await Promise.all(inDoubt.map((a) => attemptBooking(send, concertGid, a.tierGid, a.quantity, a.key)));
    expect(retried.every((attempt) => attempt.outcome === 'booked')).toBe(true);
    const replayed = retried.filter((attempt) => attempt.replayed).length;

    const booked = [...load.attempts, ...retried].filter((attempt): attempt is Attempt & { bookingId: string } => attempt.outcome === 'booked');
    const stored = await readBookings(postgres.url, concert.id);
    for (const attempt of booked) expect(stored.get(attempt.key)).toBe(attempt.bookingId);
    expect(stored.size).toBe(new Set(booked.map((attempt) => attempt.key)).size);
    const ledger = await readLedger(postgres.url, concert.id);
    for (const tier of ledger) expect(tier.capacity - tier.available).toBe(tier.booked);

    // The subscribers end on the database's availability.
    const gidOf = new Map(ledger.map((tier, index) => [tier.id, tierGids[index]]));
    for (const feed of [concertFeed, everythingFeed]) {
      await feed.until(() => ledger.every((tier) => feed.latest.get(gidOf.get(tier.id)!) === tier.available));
      expect(feed.failure).toBeUndefined();
    }
    console.info(
      `restart: subscribers resynced ${resyncMs} ms after Postgres was back; ` +
        `${inDoubt.length} in-doubt requests retried, ${replayed} had committed before their error; ` +
        `ledger ${ledger.map((tier) => `${tier.capacity}-${tier.available}=${tier.booked}`).join(', ')}`,
    );
    concertFeed.close();
    everythingFeed.close();
    await ws.dispose();
  }, 40_000);
});
