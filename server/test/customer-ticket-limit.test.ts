import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { commitBookingBatch } from '../src/booking/commit-booking-batch.ts';
import { bookBatchInOneStatement } from '../src/booking/one-statement-batch.ts';
import type { PreparedBooking } from '../src/booking/prepared-booking.ts';
import { createDatabase } from '../src/db/client.ts';
import { bookings, concerts } from '../src/db/schema.ts';
import { readLedger, readTicketsByStatus } from './support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl, type TestApp } from './support/test-app.ts';

// Two app instances with different batching: the limit must hold across pools, coalescers and batches.
const appA = createTestApp({ poolSize: 10, booking: { maxBatchSize: 4, maxConcurrentBatches: 6 } });
const appB = createTestApp({ poolSize: 10, booking: { maxBatchSize: 1, maxConcurrentBatches: 10 } });
const statements: string[] = [];
const database = createDatabase({ url: testDatabaseUrl(), poolSize: 4, onQuery: (query) => statements.push(query) });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop(), database.pool.end()]);
});

const HOLD = /* GraphQL */ `
  mutation Hold($input: BookTicketsInput!) {
    holdTickets(input: $input) {
      __typename
      ... on HoldTicketsSuccess { replayed booking { id status } }
      ... on TicketLimitExceededError { message limit alreadyHeld requested }
    }
  }
`;
const RELEASE = /* GraphQL */ `mutation ($id: ID!) { releaseHold(bookingId: $id) { __typename } }`;

type Items = [tierGid: string, quantity: number][];
const hold = (app: TestApp, concertGid: string, items: Items, overrides: { customerEmail?: string; idempotencyKey?: string } = {}) =>
  graphql(app, HOLD, bookingInput(concertGid, items, overrides)).then((result) => result.data?.holdTickets ?? result);

const uniqueEmail = () => `fan-${randomUUID()}@example.com`;

async function expectLedgerExact(concertId: string) {
  for (const tier of await readLedger(testDatabaseUrl(), concertId)) expect(tier.capacity - tier.available).toBe(tier.booked);
}

describe('the per-customer ticket limit on holds', () => {
  it('counts every order of the customer, confirmed bookings included, and refuses the one that would go over', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 50 }, { capacity: 50 }]);
    const customerEmail = uniqueEmail();
    expect((await hold(appA, concertGid, [[tierGids[0], 3]], { customerEmail })).__typename).toBe('HoldTicketsSuccess');
    expect((await hold(appB, concertGid, [[tierGids[0], 1], [tierGids[1], 2]], { customerEmail })).__typename).toBe('HoldTicketsSuccess');
    expect(await hold(appA, concertGid, [[tierGids[1], 3]], { customerEmail })).toEqual({
      __typename: 'TicketLimitExceededError',
      message: 'At most 8 tickets per customer for this concert: this email already holds 6, 3 more requested',
      limit: 8,
      alreadyHeld: 6,
      requested: 3,
    });
    expect((await hold(appA, concertGid, [[tierGids[1], 2]], { customerEmail })).__typename).toBe('HoldTicketsSuccess');

    // Partners book against quotas of their own: not limited, but what they book counts for holds.
    const other = uniqueEmail();
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 10]], { customerEmail: other }));
    expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect(await hold(appB, concertGid, [[tierGids[0], 1]], { customerEmail: other })).toMatchObject({ alreadyHeld: 10, requested: 1 });
    await expectLedgerExact(concert.id);
  });

  it('lets exactly limit ÷ quantity of 50 concurrent holds of one customer through, across two instances', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 500 }]);
    const customerEmail = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hold(i % 2 ? appA : appB, concertGid, [[tierGids[0], 2]], { customerEmail: i % 3 ? customerEmail : customerEmail.toUpperCase() })),
    );
    const typenames = results.map((result) => result.__typename ?? 'GraphQLError');
    expect(typenames.filter((t) => t === 'HoldTicketsSuccess')).toHaveLength(4);
    expect(typenames.filter((t) => t === 'TicketLimitExceededError')).toHaveLength(46);
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[0].id)).toEqual({ PENDING: 8 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ capacity: 500, available: 492, booked: 8 }]);
  });

  it('follows the limit the concert sets, and holds of other customers go on meanwhile', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 500 }]);
    await appA.db.update(concerts).set({ maxTicketsPerCustomer: 7 }).where(eq(concerts.id, concert.id));
    const [greedy, others] = [uniqueEmail(), Array.from({ length: 10 }, uniqueEmail)];
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => hold(i % 2 ? appA : appB, concertGid, [[tierGids[0], 2]], { customerEmail: greedy })),
      ...others.map((customerEmail, i) => hold(i % 2 ? appA : appB, concertGid, [[tierGids[0], 7]], { customerEmail })),
    ]);
    const typenames = results.map((result) => result.__typename);
    expect(typenames.slice(0, 20).filter((t) => t === 'HoldTicketsSuccess')).toHaveLength(3);
    expect(typenames.slice(20)).toEqual(others.map(() => 'HoldTicketsSuccess'));
    expect(results.find((result) => result.__typename === 'TicketLimitExceededError')).toMatchObject({ limit: 7, alreadyHeld: 6, requested: 2 });
    await expectLedgerExact(concert.id);
  });

  it('tells customers apart by email ignoring case', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 50 }]);
    const customerEmail = uniqueEmail();
    expect((await hold(appA, concertGid, [[tierGids[0], 8]], { customerEmail: customerEmail.replace('fan', 'Fan') })).__typename).toBe('HoldTicketsSuccess');
    expect(await hold(appA, concertGid, [[tierGids[0], 1]], { customerEmail: customerEmail.toUpperCase() })).toMatchObject({ alreadyHeld: 8 });
    expect((await hold(appA, concertGid, [[tierGids[0], 8]], { customerEmail: `x${customerEmail}` })).__typename).toBe('HoldTicketsSuccess');
  });

  it('gives the allowance back when a hold expires (before the sweeper ends it) or is released', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 50 }]);
    const customerEmail = uniqueEmail();
    expect((await hold(appA, concertGid, [[tierGids[0], 8]], { customerEmail })).__typename).toBe('HoldTicketsSuccess');
    await appA.db.update(bookings).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(bookings.concertId, concert.id));
    const second = await hold(appA, concertGid, [[tierGids[0], 8]], { customerEmail });
    expect(second.__typename).toBe('HoldTicketsSuccess');
    expect(await hold(appA, concertGid, [[tierGids[0], 1]], { customerEmail })).toMatchObject({ alreadyHeld: 8 });
    expect((await graphql(appA, RELEASE, { id: second.booking.id })).data?.releaseHold.__typename).toBe('ReleaseHoldSuccess');
    expect((await hold(appB, concertGid, [[tierGids[0], 8]], { customerEmail })).__typename).toBe('HoldTicketsSuccess');
    await appA.holdSweeper.sweepOnce();
    await expectLedgerExact(concert.id);
  });

  it('replays a hold the customer already has rather than refusing it', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 50 }]);
    const customerEmail = uniqueEmail();
    const idempotencyKey = randomUUID();
    const first = await hold(appA, concertGid, [[tierGids[0], 8]], { customerEmail, idempotencyKey });
    const again = await hold(appB, concertGid, [[tierGids[0], 8]], { customerEmail, idempotencyKey });
    expect(again).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: true, booking: { id: first.booking.id } });
  });
});

describe('the limit in a coalesced batch', () => {
  const heldBy = (concertId: string, tierId: string, customerEmail: string, quantity: number): PreparedBooking => ({
    bookingId: randomUUID(),
    concertId,
    customerEmail,
    idempotencyKey: randomUUID(),
    fingerprint: 'f'.repeat(64),
    apiKeyId: null,
    userId: null,
    currency: 'USD',
    holdSeconds: 600,
    items: [{ tierId, quantity, unitPriceCents: 1_000, tierName: 'Tier' }],
  });

  it('refuses only the hold that goes over and books the others, counting the batch’s own earlier holds', async () => {
    const { concert, tiers } = await createConcert(database.db, [{ capacity: 100 }]);
    const [alice, bob] = [uniqueEmail(), uniqueEmail()];
    const batch = [
      heldBy(concert.id, tiers[0].id, alice, 5),
      heldBy(concert.id, tiers[0].id, bob, 2),
      heldBy(concert.id, tiers[0].id, alice.toUpperCase(), 4), // 5 + 4 > 8
      heldBy(concert.id, tiers[0].id, alice, 3),
      { ...heldBy(concert.id, tiers[0].id, alice, 20), holdSeconds: null }, // a partner booking: not limited
    ];
    expect(await bookBatchInOneStatement(database, batch)).toBeNull(); // the one statement writes nothing
    const outcomes = await commitBookingBatch(database, batch);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['booked', 'booked', 'overLimit', 'booked', 'booked']);
    expect(outcomes[2]).toEqual({ kind: 'overLimit', limit: 8, alreadyHeld: 5, requested: 4 });
    const written = await database.db.select({ id: bookings.id }).from(bookings).where(inArray(bookings.id, batch.map((b) => b.bookingId)));
    expect(written.map((row) => row.id).sort()).toEqual([0, 1, 3, 4].map((i) => batch[i].bookingId).sort());
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[0].id)).toEqual({ PENDING: 10, CONFIRMED: 20 });
    await expectLedgerExact(concert.id);
  });

  it('books a batch of holds that fit in one short transaction; a batch of bookings stays one statement', async () => {
    const { concert, tiers } = await createConcert(database.db, [{ capacity: 100 }]);
    statements.length = 0;
    const held = await commitBookingBatch(database, [heldBy(concert.id, tiers[0].id, uniqueEmail(), 2), heldBy(concert.id, tiers[0].id, uniqueEmail(), 8)]);
    expect(held.map((outcome) => outcome.kind)).toEqual(['booked', 'booked']);
    expect(statements.map((statement) => statement.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'BEGIN',
      'SELECT pg_advisory_xact_lock(keys.key)',
      'WITH claimed',
      'COMMIT',
    ]);
    statements.length = 0;
    await commitBookingBatch(database, [{ ...heldBy(concert.id, tiers[0].id, uniqueEmail(), 9), holdSeconds: null }]);
    expect(statements).toHaveLength(1);
  });
});
