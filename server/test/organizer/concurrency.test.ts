import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concertCancellations } from '../../src/db/schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { UPDATE_TIER } from './operations.ts';

// Back-office changes racing each other and the on-sale, across two instances.
const quiet = { concertCancellations: { intervalMs: 3_600_000, settleMs: 0 } };
const instanceA = createTestApp(quiet);
const instanceB = createTestApp(quiet);
let organizer: TestAccount;
beforeAll(async () => {
  organizer = await signedInAccount(instanceA, 'organizer');
});
afterAll(() => Promise.all([instanceA.stop(), instanceB.stop()]));

const instance = (index: number) => (index % 2 === 0 ? instanceA : instanceB);
const CANCEL = /* GraphQL */ `
  mutation ($concertId: ID!) { cancelConcert(concertId: $concertId, reason: "Storm") { __typename } }
`;

describe('organizer changes under concurrency', () => {
  it('capacity changes racing 60 bookings never take a tier below what is sold, and the ledger stays exact', async () => {
    const { concert, concertGid, tierGids } = await createConcert(instanceA.db, [{ capacity: 100 }], undefined, organizer.id);
    const bookings = Array.from({ length: 60 }, (_, index) => graphql(instance(index), BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]])));
    // Capacities from 40 to 97: the low ones must be refused once bookings pass them.
    const resizes = Array.from({ length: 20 }, (_, index) =>
      graphql(instance(index + 1), UPDATE_TIER, { id: tierGids[0], input: { capacity: 40 + index * 3 } }, { headers: organizer.headers }),
    );
    const [booked, resized] = await Promise.all([Promise.all(bookings), Promise.all(resizes)]);
    const sold = booked.filter((result) => result.data?.bookTickets.__typename === 'BookTicketsSuccess').length;
    const outcomes = resized.map((result) => result.data?.updateTier.__typename);
    expect(outcomes.every((name) => name === 'TierChangeSuccess' || name === 'CapacityBelowSoldError')).toBe(true);
    for (const result of resized) {
      const refusal = result.data?.updateTier;
      if (refusal.__typename === 'CapacityBelowSoldError') expect(refusal.requested).toBeLessThan(refusal.sold + refusal.held);
    }
    // Every booking either succeeded or found the (possibly smaller) tier sold out; none half-written.
    expect(booked.every((result) => ['BookTicketsSuccess', 'SoldOutError'].includes(result.data?.bookTickets.__typename))).toBe(true);
    const [tier] = await readLedger(testDatabaseUrl(), concert.id);
    expect(tier.capacity - tier.available).toBe(tier.booked);
    expect(tier.booked).toBe(sold);
    expect(tier.available).toBeGreaterThanOrEqual(0);
  });

  it('50 cancellations of one concert over two instances start one job; the rest are told it is already cancelled', async () => {
    const { concert, concertGid } = await createConcert(instanceA.db, [{ capacity: 10 }], undefined, organizer.id);
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => graphql(instance(index), CANCEL, { concertId: concertGid }, { headers: organizer.headers })));
    const names = results.map((result) => result.data?.cancelConcert.__typename);
    expect(names.filter((name) => name === 'CancelConcertSuccess')).toHaveLength(1);
    expect(names.filter((name) => name === 'ConcertAlreadyCancelledError')).toHaveLength(49);
    expect(await instanceA.db.select().from(concertCancellations).where(eq(concertCancellations.concertId, concert.id))).toHaveLength(1);
    const [tier] = await readLedger(testDatabaseUrl(), concert.id);
    expect(tier).toMatchObject({ capacity: 10, available: 10, booked: 0 });
  });
});
