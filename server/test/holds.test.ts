import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/db/schema.ts';
import { payments } from '../src/db/payments-schema.ts';
import { concertChannel } from '../src/events/availability-channel.ts';
import { readLedger, readTicketsByStatus } from './support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl, type TestApp } from './support/test-app.ts';

// Two app instances: two pools, two coalescers, two sweepers; races cross real transactions.
const appA = createTestApp({ poolSize: 20 });
const appB = createTestApp({ poolSize: 20, booking: { maxBatchSize: 1, maxConcurrentBatches: 20 } });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop()]);
});

const HOLD = /* GraphQL */ `
  mutation Hold($input: BookTicketsInput!) {
    holdTickets(input: $input) {
      __typename
      ... on HoldTicketsSuccess { replayed booking { id status orderCode expiresAt createdAt } }
      ... on SoldOutError { available }
      ... on ValidationError { field }
    }
  }
`;
const RELEASE = /* GraphQL */ `
  mutation Release($id: ID!) {
    releaseHold(bookingId: $id) {
      __typename
      ... on ReleaseHoldSuccess { booking { status } }
      ... on BookingNotHeldError { status }
      ... on NotFoundError { id }
    }
  }
`;

// Each hold is a shopper of its own unless a test says otherwise: these tests are about tickets, and
// one email may hold only a few of a concert (customer-ticket-limit.test.ts).
const hold = (app: TestApp, concertGid: string, items: [string, number][], overrides = {}) =>
  graphql(app, HOLD, bookingInput(concertGid, items, { customerEmail: `fan-${crypto.randomUUID()}@example.com`, ...overrides })).then(
    (result) => result.data?.holdTickets ?? result,
  );

const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename ... on BookingNotPayableError { reason } } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename ... on BookingNotCancellableError { reason } } }`;

/** Moves every live hold of a concert into the past, as if its hold time had run out. */
const expireHoldsOf = (concertId: string) =>
  appA.db.update(bookings).set({ expiresAt: sql`now() - interval '1 second'` }).where(sql`${bookings.concertId} = ${concertId} AND ${bookings.status} = 'PENDING'`);

/** capacity = available + held + confirmed, for every tier of the concert. */
async function expectLedgerExact(concertId: string) {
  for (const tier of await readLedger(testDatabaseUrl(), concertId)) expect(tier.capacity - tier.available).toBe(tier.booked);
}

describe('holdTickets', () => {
  it('holds tickets as a PENDING booking with an order code and an expiry from the concert', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const before = Date.now();
    const result = await hold(appA, concertGid, [[tierGids[0], 3]]);
    expect(result).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false, booking: { status: 'PENDING' } });
    expect(result.booking.orderCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    const expiresIn = new Date(result.booking.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(590_000);
    expect(expiresIn).toBeLessThan(610_000);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ capacity: 10, available: 7, booked: 3 }]);
  });

  it('replays the same key and input, and refuses a key that was used to book', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const key = crypto.randomUUID();
    const first = await hold(appA, concertGid, [[tierGids[0], 1]], { idempotencyKey: key, customerEmail: 'fan@example.com' });
    const again = await hold(appB, concertGid, [[tierGids[0], 1]], { idempotencyKey: key, customerEmail: 'fan@example.com' });
    expect(again).toMatchObject({ replayed: true, booking: { id: first.booking.id, orderCode: first.booking.orderCode } });
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key }));
    expect(booked.data?.bookTickets.__typename).toBe('IdempotencyKeyReusedError');
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    expect(await hold(appA, concertGid, [[tierGids[0], 0]])).toMatchObject({ __typename: 'ValidationError' });
    expect(await hold(appA, concertGid, [[tierGids[0], 1]], { customerEmail: 'not an email' })).toMatchObject({ __typename: 'ValidationError' });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
  });

  it('holds exactly 50 of 200 concurrent requests for 50 tickets across two instances; all expire and come back once', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 50 }]);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => hold(i % 2 ? appA : appB, concertGid, [[tierGids[0], 1]])));
    const typenames = results.map((result) => result.__typename ?? 'GraphQLError');
    expect(typenames.filter((t) => t === 'HoldTicketsSuccess')).toHaveLength(50);
    expect(typenames.filter((t) => t === 'SoldOutError')).toHaveLength(150);
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[0].id)).toEqual({ PENDING: 50 });
    await expectLedgerExact(concert.id);

    await expireHoldsOf(concert.id);
    const listener = new pg.Client({ connectionString: testDatabaseUrl() });
    await listener.connect();
    const notices: string[] = [];
    listener.on('notification', (message) => notices.push(message.payload ?? ''));
    await listener.query(`LISTEN "${concertChannel(concert.id)}"`);
    // Both instances sweep at once, several times over: each hold is ended by exactly one of them.
    const released = await Promise.all([appA, appB, appA, appB].map((app) => app.holdSweeper.sweepOnce()));
    await listener.query('SELECT 1'); // notifications of committed sweeps have arrived before this answer
    await listener.end();
    // Subscribers hear that the tier changed (once per sweep statement that returned tickets).
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((payload) => JSON.parse(payload).tierIds[0] === tiers[0].id)).toBe(true);
    expect(released.reduce((sum, n) => sum + n, 0)).toBe(50);
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[0].id)).toEqual({ EXPIRED: 50 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ capacity: 50, available: 50, booked: 0 }]);
  });

  it('never lets an expired hold cause a SoldOutError: the booking path reclaims it under the tier lock', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 3 }, { capacity: 5 }]);
    expect((await hold(appA, concertGid, [[tierGids[0], 2]])).__typename).toBe('HoldTicketsSuccess');
    // A hold over both tiers: the booking below locks only the first, so this one is left to the sweeper.
    expect((await hold(appA, concertGid, [[tierGids[0], 1], [tierGids[1], 1]])).__typename).toBe('HoldTicketsSuccess');
    await expireHoldsOf(concert.id);
    const booked = await graphql(appB, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]));
    expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[0].id)).toEqual({ EXPIRED: 2, CONFIRMED: 2, PENDING: 1 });
    expect(await readTicketsByStatus(testDatabaseUrl(), tiers[1].id)).toEqual({ PENDING: 1 });
    await expectLedgerExact(concert.id);
  });
});

describe('releaseHold', () => {
  it('returns the tickets exactly once when twenty releases of one hold race across two instances', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const held = await hold(appA, concertGid, [[tierGids[0], 4]]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => graphql(i % 2 ? appA : appB, RELEASE, { id: held.booking.id }).then((r) => r.data?.releaseHold)),
    );
    expect(results.filter((r) => r?.__typename === 'ReleaseHoldSuccess')).toEqual([{ __typename: 'ReleaseHoldSuccess', booking: { status: 'CANCELLED' } }]);
    expect(results.filter((r) => r?.__typename === 'BookingNotHeldError')).toHaveLength(19);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
  });

  it('ends a hold once when a release races the sweeper', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(appA.db, [{ capacity: 10 }]);
    const held = await Promise.all(Array.from({ length: 10 }, () => hold(appA, concertGid, [[tierGids[0], 1]])));
    await expireHoldsOf(concert.id);
    await Promise.all([
      appA.holdSweeper.sweepOnce(),
      ...held.map((h, i) => graphql(i % 2 ? appA : appB, RELEASE, { id: h.booking.id })),
      appB.holdSweeper.sweepOnce(),
    ]);
    const statuses = await readTicketsByStatus(testDatabaseUrl(), tiers[0].id);
    expect((statuses.EXPIRED ?? 0) + (statuses.CANCELLED ?? 0)).toBe(10);
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
  });

  it('never gives up a hold whose payment is being decided, however releases, a cancel and the payment race', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 40 }]);
    const held = await Promise.all(Array.from({ length: 12 }, () => hold(appA, concertGid, [[tierGids[0], 2]])));
    const processingCard = { number: '4000000000003220', expMonth: 12, expYear: 2034, cvc: '123' };
    const raced = await Promise.all(
      held.flatMap(({ booking }, i) => [
        graphql(i % 2 ? appA : appB, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: processingCard } }),
        ...[appA, appB, appA].map((app) => graphql(app, RELEASE, { id: booking.id })),
        graphql(i % 2 ? appB : appA, CANCEL, { id: booking.id }),
      ]),
    );
    const answers = raced.map((result) => Object.values(result.data ?? {})[0] as { __typename: string; status?: string; reason?: string });
    expect(answers.every((answer) => answer)).toBe(true);
    // Per hold, either a release or the cancel ended it before the payment started (the payment then
    // was refused), or the payment started first and every release and cancel was refused.
    const rows = await appA.db
      .select({ id: bookings.id, status: bookings.status, payment: payments.status })
      .from(bookings)
      .leftJoin(payments, eq(payments.bookingId, bookings.id))
      .where(eq(bookings.concertId, concert.id));
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      if (row.status === 'CANCELLED') expect(row.payment).toBeNull();
      // A started app elsewhere in the run may already have delivered the processor's callback.
      else expect([row.status, row.payment]).toSatisfy(([status, payment]) => (status === 'PENDING' && payment === 'PROCESSING') || (status === 'CONFIRMED' && payment === 'SUCCEEDED'));
    }
    const refusedWhilePaying = answers.filter((answer) => answer.status === 'PAYMENT_IN_PROGRESS' || answer.reason === 'PAYMENT_IN_PROGRESS');
    const paying = rows.filter((row) => row.payment !== null && row.status === 'PENDING').length;
    expect(refusedWhilePaying.length).toBeGreaterThanOrEqual(paying > 0 ? 1 : 0);
    await expectLedgerExact(concert.id);
  });

  it('refuses a confirmed booking and an unknown id, changing nothing', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]));
    const id = booked.data?.bookTickets.booking.id;
    expect((await graphql(appA, RELEASE, { id })).data?.releaseHold).toEqual({ __typename: 'BookingNotHeldError', status: 'CONFIRMED' });
    expect((await graphql(appA, RELEASE, { id: 'nonsense' })).data?.releaseHold).toMatchObject({ __typename: 'NotFoundError' });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 8, booked: 2 }]);
    const rows = await appA.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(rows).toEqual([{ status: 'CONFIRMED' }]);
  });
});
