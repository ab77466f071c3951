import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concertCancellations } from '../../src/db/schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { ADD_TIER, switchOperation, UPDATE_CONCERT, UPDATE_TIER } from './operations.ts';

// Back-office changes racing each other and the on-sale, across two instances.
const quiet = { concertCancellations: { intervalMs: 3_600_000 } };
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

const CONFIGURE_ROOM = /* GraphQL */ `
  mutation ($concertId: ID!, $input: WaitingRoomSettingsInput!) { configureWaitingRoom(concertId: $concertId, input: $input) { __typename } }
`;
const roomOff = { enabled: false, preQueueMinutes: 30, admissionsPerMinute: 100, maxShopping: 50, admissionMinutes: 10 };

/** Every kind of change of a concert an organizer makes during its on-sale, and the answer it expects. */
function concertChanges(concertGid: string, tierGid: string, index: number): [string, Record<string, unknown>, string][] {
  return [
    [UPDATE_CONCERT, { id: concertGid, input: { name: `Renamed ${index}` } }, 'ConcertChangeSuccess'],
    [ADD_TIER, { concertId: concertGid, input: { name: `Added ${index}`, priceCents: 1_000, capacity: 10 } }, 'TierChangeSuccess'],
    [UPDATE_TIER, { id: tierGid, input: { name: `Tier ${index}` } }, 'TierChangeSuccess'],
    [CONFIGURE_ROOM, { concertId: concertGid, input: roomOff }, 'WaitingRoomAdmin'],
    [switchOperation('resumeSales'), { concertId: concertGid }, 'ConcertChangeSuccess'],
  ];
}
const answerOf = (result: { data?: Record<string, { __typename: string }> | null }) => Object.values(result.data ?? {})[0]?.__typename;

describe('organizer changes under concurrency', () => {
  it("never make the concert's bookings wait: each goes through while a booking's foreign-key lock is held on the concert", async () => {
    const { concert, concertGid, tierGids } = await createConcert(instanceA.db, [{ capacity: 10 }], undefined, organizer.id);
    // What inserting a booking takes on its concert's row until the booking batch commits.
    const booking = new pg.Client({ connectionString: testDatabaseUrl() });
    await booking.connect();
    try {
      await booking.query('BEGIN');
      await booking.query('SELECT 1 FROM concerts WHERE id = $1 FOR KEY SHARE', [concert.id]);
      // A change that locked the row FOR UPDATE would wait for the booking, and fail on the 2 s lock timeout.
      for (const [operation, variables, expected] of [...concertChanges(concertGid, tierGids[0], 0), [CANCEL, { concertId: concertGid }, 'CancelConcertSuccess'] as const]) {
        const result = await graphql(instanceA, operation, variables, { headers: organizer.headers });
        expect({ answer: answerOf(result), errors: result.errors }).toEqual({ answer: expected, errors: undefined });
      }
    } finally {
      await booking.query('ROLLBACK');
      await booking.end();
    }
  });

  it('every kind of change racing 40 bookings over two instances: all of them go through and the ledger stays exact', async () => {
    const { concert, concertGid, tierGids } = await createConcert(instanceA.db, [{ capacity: 100 }], undefined, organizer.id);
    const bookings = Array.from({ length: 40 }, (_, index) => graphql(instance(index), BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]])));
    const changes = Array.from({ length: 4 }, (_, round) => concertChanges(concertGid, tierGids[0], round + 1)).flat();
    const changed = changes.map(([operation, variables], index) => graphql(instance(index), operation, variables, { headers: organizer.headers }));
    const [booked, answers] = await Promise.all([Promise.all(bookings), Promise.all(changed)]);
    expect(booked.map((result) => result.data?.bookTickets.__typename)).toEqual(Array(40).fill('BookTicketsSuccess'));
    expect(answers.map(answerOf)).toEqual(changes.map(([, , expected]) => expected));
    const ledger = await readLedger(testDatabaseUrl(), concert.id);
    expect(ledger).toHaveLength(1 + 4);
    expect(ledger[0]).toMatchObject({ capacity: 100, available: 60, booked: 40 });
    for (const added of ledger.slice(1)) expect(added).toMatchObject({ capacity: 10, available: 10, booked: 0 });
  });

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
