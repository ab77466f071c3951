import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bookingItems } from '../src/db/schema.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql } from './support/test-app.ts';

// Two app instances: two pools and two coalescers, so bookings race across real transactions too.
const appA = createTestApp({ poolSize: 20 });
const appB = createTestApp({ poolSize: 20, booking: { maxBatchSize: 1, maxConcurrentBatches: 20 } });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop()]);
});

const soldQuantity = async (tierId: string) => {
  const [row] = await appA.db
    .select({ sold: sql<number>`coalesce(sum(${bookingItems.quantity}), 0)::int` })
    .from(bookingItems)
    .where(eq(bookingItems.tierId, tierId));
  return row.sold;
};

describe('bookTickets under concurrency', () => {
  it('books exactly 50 of 200 concurrent single-ticket requests for a 50-ticket tier', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 50 }]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        graphql(i % 2 ? appA : appB, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]])),
      ),
    );
    const typenames = results.map((result) => result.data?.bookTickets.__typename ?? 'GraphQLError');
    expect(typenames.filter((t) => t === 'BookTicketsSuccess')).toHaveLength(50);
    expect(typenames.filter((t) => t === 'SoldOutError')).toHaveLength(150);
    const [tier] = await appA.db.query.ticketTiers.findMany({ where: { id: tiers[0].id } });
    expect(tier.available).toBe(0);
    expect(await soldQuantity(tiers[0].id)).toBe(50);
  });

  it('never deadlocks when multi-tier bookings list their items in opposite orders', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 1000 }, { capacity: 1000 }, { capacity: 1000 }]);
    const orders: [string, number][][] = [
      [[tierGids[0], 1], [tierGids[1], 1], [tierGids[2], 1]],
      [[tierGids[2], 1], [tierGids[1], 1], [tierGids[0], 1]],
    ];
    // appB writes each booking in its own transaction, 20 at a time: real lock contention.
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => graphql(i % 3 ? appB : appA, BOOK_TICKETS, bookingInput(concertGid, orders[i % 2]))),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.every((r) => r.data?.bookTickets.__typename === 'BookTicketsSuccess')).toBe(true);
    for (const tier of tiers) expect(await soldQuantity(tier.id)).toBe(120);
  });
});
