import { like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/db/schema.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql } from './support/test-app.ts';

const appA = createTestApp();
const appB = createTestApp({ booking: { maxBatchSize: 1, maxConcurrentBatches: 10 } });
// One transaction at a time: everything that arrives meanwhile lands in the same batch.
const appC = createTestApp({ booking: { maxConcurrentBatches: 1 } });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop(), appC.stop()]);
});

// Stored keys carry the caller's scope in front (booking-request.ts).
const bookingsWithKey = (key: string) => appA.db.select().from(bookings).where(like(bookings.idempotencyKey, `%/${key}`));
const availableOf = async (tierId: string) =>
  (await appA.db.query.ticketTiers.findFirst({ where: { id: tierId } }))!.available;

describe('bookTickets idempotency', () => {
  it('replays the original booking for a retry with the same key and input', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 10 }, { capacity: 10 }]);
    const input = bookingInput(concertGid, [[tierGids[0], 2], [tierGids[1], 1]]);
    const first = await graphql(appA, BOOK_TICKETS, input);
    // The same order listed the other way round, with the email in another case, is the same request.
    const reordered = { input: { ...input.input, items: [...input.input.items].reverse(), customerEmail: 'FAN@example.com' } };
    const retry = await graphql(appB, BOOK_TICKETS, reordered);
    expect(first.data?.bookTickets).toMatchObject({ __typename: 'BookTicketsSuccess', replayed: false });
    expect(retry.data?.bookTickets).toMatchObject({ __typename: 'BookTicketsSuccess', replayed: true });
    expect(retry.data?.bookTickets.booking).toEqual(first.data?.bookTickets.booking);
    expect(await availableOf(tiers[0].id)).toBe(8);
    expect(await availableOf(tiers[1].id)).toBe(9);
  });

  it('still replays after the tier has sold out since the original booking', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 2 }]);
    const input = bookingInput(concertGid, [[tierGids[0], 2]]);
    const first = await graphql(appA, BOOK_TICKETS, input);
    const retry = await graphql(appA, BOOK_TICKETS, input);
    expect(retry.data?.bookTickets).toMatchObject({ __typename: 'BookTicketsSuccess', replayed: true });
    expect(retry.data?.bookTickets.booking.id).toBe(first.data?.bookTickets.booking.id);
  });

  it('refuses the same key with a different input and changes nothing', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 10 }]);
    const key = crypto.randomUUID();
    await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key }));
    for (const changed of [
      bookingInput(concertGid, [[tierGids[0], 2]], { idempotencyKey: key }),
      bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key, customerEmail: 'someone.else@example.com' }),
    ]) {
      const reused = await graphql(appA, BOOK_TICKETS, changed);
      expect(reused.data?.bookTickets.__typename).toBe('IdempotencyKeyReusedError');
    }
    expect(await availableOf(tiers[0].id)).toBe(9);
    expect(await bookingsWithKey(key)).toHaveLength(1);
  });

  it('makes exactly one booking for 50 simultaneous requests with one key, and every caller gets it', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 100 }]);
    const input = bookingInput(concertGid, [[tierGids[0], 3]]);
    // Half through a coalescing instance, half through one writing each booking in its own transaction.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => graphql(i % 2 ? appA : appB, BOOK_TICKETS, input)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const outcomes = results.map((r) => r.data?.bookTickets);
    expect(outcomes.every((o) => o.__typename === 'BookTicketsSuccess')).toBe(true);
    expect(new Set(outcomes.map((o) => o.booking.id)).size).toBe(1);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(await bookingsWithKey(input.input.idempotencyKey)).toHaveLength(1);
    expect(await availableOf(tiers[0].id)).toBe(97);
  });

  it('answers every copy of a double-submitted order for a sold-out tier with SoldOutError', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 1, available: 0 }]);
    const input = bookingInput(concertGid, [[tierGids[0], 1]]);
    const results = await Promise.all(Array.from({ length: 20 }, () => graphql(appC, BOOK_TICKETS, input)));
    expect(results.map((r) => r.data?.bookTickets.__typename)).toEqual(Array(20).fill('SoldOutError'));
  });

  it('lets a key be used again after its first attempt failed, since nothing was booked', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 1 }]);
    const key = crypto.randomUUID();
    const tooMany = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]], { idempotencyKey: key }));
    expect(tooMany.data?.bookTickets.__typename).toBe('SoldOutError');
    const corrected = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key }));
    expect(corrected.data?.bookTickets).toMatchObject({ __typename: 'BookTicketsSuccess', replayed: false });
  });
});
