import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/client.ts';
import { ticketTiers } from '../src/db/schema.ts';
import { concertChannel, notifyAvailabilityChanged } from '../src/events/availability-channel.ts';
import { createAvailabilityFeed } from '../src/events/availability-feed.ts';
import { PostgresListener } from '../src/events/postgres-listener.ts';
import { readTiersFrom, type TierReads } from '../src/events/tier-reads.ts';
import { createConcert, testDatabaseUrl } from './support/test-app.ts';

// The feed on its own, with the real database and LISTEN connection, and reads a test can break.
const { db, pool } = createDatabase({ url: testDatabaseUrl(), poolSize: 2 });
const listener = new PostgresListener({ url: testDatabaseUrl() });
const real = readTiersFrom(db);
/** Tiers whose next read fails, as if the database did not answer. */
const failing = new Set<string>();
const readCalls: string[][] = [];
const reads: TierReads = {
  changed: async (tierIds) => {
    readCalls.push(tierIds);
    if (tierIds.some((id) => failing.delete(id))) throw new Error('the database did not answer');
    return real.changed(tierIds);
  },
  all: real.all,
};
const delivered: { seconds: number; subscribers: number }[] = [];
const feed = createAvailabilityFeed(db, listener, {
  reads,
  retryAfterFailureMs: 200,
  onDelivered: (seconds, subscribers) => delivered.push({ seconds, subscribers }),
});
beforeAll(() => listener.start());
afterAll(async () => {
  await listener.close();
  await pool.end();
});

async function setAvailable(concertId: string, tierId: string, available: number) {
  await db.transaction(async (tx) => {
    await tx.update(ticketTiers).set({ available }).where(eq(ticketTiers.id, tierId));
    await tx.execute(notifyAvailabilityChanged(new Map([[concertId, [tierId]]]))!);
  });
}

describe('availability feed', () => {
  it('reads again after a failed read, so subscribers still get the change', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10 }]);
    const changes = feed.changes(concert.id);
    await feed.listening(concert.id);
    failing.add(tiers[0].id);

    const changedAt = Date.now();
    await setAvailable(concert.id, tiers[0].id, 7);
    const { value } = await changes.next();
    expect(value).toMatchObject({ id: tiers[0].id, available: 7 });
    // The first read failed; the retry waited out the pause and read the same tier again.
    expect(readCalls.filter((ids) => ids.includes(tiers[0].id))).toHaveLength(2);
    expect(Date.now() - changedAt).toBeGreaterThanOrEqual(200);
    // The delivery's time counts from the NOTIFY, through the failed read and the pause; it is
    // reported once the reactions the delivery queued have run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered.at(-1)).toEqual({ seconds: expect.any(Number), subscribers: 1 });
    expect(delivered.at(-1)!.seconds).toBeGreaterThanOrEqual(0.2);
    await changes.return!();
  });

  it('stops listening to a topic after its last subscriber leaves', async () => {
    const { concert } = await createConcert(db, [{ capacity: 10 }]);
    const first = feed.changes(concert.id);
    const second = feed.changes(concert.id);
    await feed.listening(concert.id, 2);
    const channels = listener.listeningChannels;
    await first.return!();
    expect(listener.listeningChannels).toBe(channels);
    await second.return!();
    expect(listener.listeningChannels).toBe(channels - 1);
    expect(feed.openSubscriptions).toBe(0);
  });

  it('keeps a channel LISTENed while an observer follows it, and tells the observer and the feed alike', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10 }]);
    const channel = concertChannel(concert.id);
    const observed: string[] = [];
    const stopObserving = listener.observe(channel, { notification: (payload) => observed.push(payload), resync: () => {} });
    const changes = feed.changes(concert.id);
    await feed.listening(concert.id);
    const next = changes.next();
    await setAvailable(concert.id, tiers[0].id, 4);
    expect(((await next).value as { available: number }).available).toBe(4);
    expect(observed.map((payload) => JSON.parse(payload).concertId)).toEqual([concert.id]);
    const channels = listener.listeningChannels;
    await changes.return!();
    expect(listener.listeningChannels).toBe(channels);
    // The feed subscribes again to a channel that only an observer kept.
    const again = feed.changes(concert.id);
    await feed.listening(concert.id);
    await again.return!();
    stopObserving();
    expect(listener.listeningChannels).toBe(channels - 1);
  });
});

