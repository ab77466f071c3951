import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { changeCatalogue } from '../src/catalogue/catalogue-changes.ts';
import { bookings, concerts } from '../src/db/schema.ts';
import { payments, simulatedCharges } from '../src/db/payments-schema.ts';
import { settleUnknownPayments } from '../src/payments/payment-settlement.ts';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider.ts';
import { readLedger, readMoneyLedger } from './support/ledger.ts';
import { BookingAccess, BookingLinks } from '../src/auth/booking-access.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, TEST_AUTH_SECRET, testDatabaseUrl, type TestApp } from './support/test-app.ts';

const appA = createTestApp({ poolSize: 20 });
const appB = createTestApp({ poolSize: 20 });
const provider = new SimulatedPaymentProvider(appA.db);
const bookingLinks = new BookingLinks('http://shop.test', new BookingAccess(TEST_AUTH_SECRET));
const checkout = (app: TestApp) => ({ db: app.db, paymentProvider: provider, bookingLinks });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop()]);
});

const CARDS = { ok: '4242 4242 4242 4242', declined: '4000000000000002', noFunds: '4000000000009995', timeout: '4000000000000119', processing: '4000000000003220' };
const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename ... on HoldTicketsSuccess { booking { id } } } }`;
const PAY = /* GraphQL */ `
  mutation Pay($input: PayForBookingInput!) {
    payForBooking(input: $input) {
      __typename
      ... on PayForBookingSuccess { replayed booking { status orderCode expiresAt } payment { id status cardLast4 amount { cents } } }
      ... on PaymentDeclinedError { declineCode }
      ... on BookingNotPayableError { reason }
      ... on PaidTooLateError { refundedCents }
      ... on ValidationError { field }
      ... on NotFoundError { id }
    }
  }
`;

async function holdOne(concertGid: string, tierGid: string, quantity = 2) {
  // A shopper of its own per hold: one email may hold only so many tickets of a concert.
  const result = await graphql(appA, HOLD, bookingInput(concertGid, [[tierGid, quantity]], { customerEmail: `fan.${crypto.randomUUID()}@example.com` }));
  return result.data!.holdTickets.booking.id as string;
}
const pay = (app: TestApp, bookingId: string, number: string, idempotencyKey: string = crypto.randomUUID(), card = {}) =>
  graphql(app, PAY, { input: { bookingId, idempotencyKey, card: { number, expMonth: 12, expYear: 2034, cvc: '123', ...card } } }).then(
    (result) => result.data?.payForBooking ?? result,
  );
/** Charges the card processor holds for one booking, by its own books. */
const chargesFor = async (bookingGid: string) => {
  const rows = await appA.db
    .select({ reference: simulatedCharges.reference })
    .from(simulatedCharges)
    .innerJoin(payments, sql`${payments.id}::text = ${simulatedCharges.idempotencyKey}`)
    .where(eq(payments.bookingId, decode(bookingGid)));
  return rows.length;
};
const decode = (gid: string) => Buffer.from(gid, 'base64').toString().split(':')[1];

async function expectMoneyExact(concertId: string) {
  const money = await readMoneyLedger(testDatabaseUrl(), concertId);
  expect(money.captured - money.refunded).toBe(money.confirmedPaid);
  expect(money.providerNet).toBe(money.confirmedPaid);
  for (const tier of await readLedger(testDatabaseUrl(), concertId)) expect(tier.capacity - tier.available).toBe(tier.booked);
  return money;
}

describe('payForBooking', () => {
  it('confirms a hold paid with a good card, and replays the same key without charging again', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10, priceCents: 2_500 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    const key = crypto.randomUUID();
    const paid = await pay(appA, bookingId, CARDS.ok, key);
    expect(paid).toMatchObject({ __typename: 'PayForBookingSuccess', replayed: false, booking: { status: 'CONFIRMED', expiresAt: null }, payment: { status: 'SUCCEEDED', cardLast4: '4242', amount: { cents: 5_000 } } });
    const again = await pay(appB, bookingId, CARDS.ok, key);
    expect(again).toMatchObject({ replayed: true, payment: { id: paid.payment.id } });
    expect(await pay(appB, bookingId, CARDS.noFunds, key)).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
    expect(await pay(appA, bookingId, CARDS.ok)).toEqual({ __typename: 'BookingNotPayableError', reason: 'PAID' });
    expect(await chargesFor(bookingId)).toBe(1);
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 5_000, refunded: 0 });
  });

  it('keeps the hold after a decline, so another card can pay', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    expect(await pay(appA, bookingId, CARDS.declined)).toEqual({ __typename: 'PaymentDeclinedError', declineCode: 'card_declined' });
    expect(await pay(appA, bookingId, CARDS.noFunds)).toEqual({ __typename: 'PaymentDeclinedError', declineCode: 'insufficient_funds' });
    expect(await pay(appA, bookingId, CARDS.ok)).toMatchObject({ booking: { status: 'CONFIRMED' } });
    await expectMoneyExact(concert.id);
  });

  it('charges once when 50 payments of one hold with different keys race across two instances', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => pay(i % 2 ? appA : appB, bookingId, CARDS.ok)));
    expect(results.filter((r) => r.__typename === 'PayForBookingSuccess')).toHaveLength(1);
    expect(results.filter((r) => r.__typename === 'BookingNotPayableError')).toHaveLength(49);
    expect(await chargesFor(bookingId)).toBe(1);
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 2_000 });
  });

  it('settles a timed-out charge by asking the provider: confirmed, charged once', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    expect(await pay(appA, bookingId, CARDS.timeout)).toMatchObject({ booking: { status: 'PENDING' }, payment: { status: 'UNKNOWN' } });
    expect(await pay(appB, bookingId, CARDS.ok)).toEqual({ __typename: 'BookingNotPayableError', reason: 'PAYMENT_IN_PROGRESS' });
    await Promise.all([settleUnknownPayments(checkout(appA), 0), settleUnknownPayments(checkout(appB), 0)]);
    const [row] = await appA.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, decode(bookingId)));
    expect(row.status).toBe('CONFIRMED');
    expect(await chargesFor(bookingId)).toBe(1);
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 2_000, refunded: 0 });
  });

  it('frees a booking whose server died after claiming the payment and before charging: not charged, payable again', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    // What payForBooking's claim leaves when its process is killed before the provider is called.
    const [claim] = await appA.db
      .insert(payments)
      .values({ bookingId: decode(bookingId), idempotencyKey: 'lost-claim', requestFingerprint: 'lost', amountCents: 2_000, currency: 'USD', status: 'PROCESSING', provider: provider.name, cardLast4: '4242' })
      .returning({ id: payments.id });
    expect(await pay(appB, bookingId, CARDS.ok)).toEqual({ __typename: 'BookingNotPayableError', reason: 'PAYMENT_IN_PROGRESS' });
    // Too young to tell from a charge still on its way: left alone.
    await settleUnknownPayments(checkout(appA), 0);
    expect((await appA.db.select({ status: payments.status }).from(payments).where(eq(payments.id, claim.id)))[0].status).toBe('PROCESSING');
    await appA.db.update(payments).set({ updatedAt: sql`now() - interval '1 minute'` }).where(eq(payments.id, claim.id));
    await Promise.all([settleUnknownPayments(checkout(appA), 0), settleUnknownPayments(checkout(appB), 0)]);
    expect((await appA.db.select({ status: payments.status, declineCode: payments.declineCode }).from(payments).where(eq(payments.id, claim.id)))[0]).toEqual({
      status: 'DECLINED',
      declineCode: 'not_charged',
    });
    expect(await pay(appB, bookingId, CARDS.ok)).toMatchObject({ __typename: 'PayForBookingSuccess', booking: { status: 'CONFIRMED' } });
    expect(await chargesFor(bookingId)).toBe(1);
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 2_000, refunded: 0 });
  });

  it('a charge that lands after the hold expired takes the tickets again when they are free, or is refunded', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 2 }]);
    const expire = async () => {
      await appA.db.update(bookings).set({ expiresAt: sql`now() - interval '1 second'` }).where(sql`${bookings.concertId} = ${concert.id} AND ${bookings.status} = 'PENDING'`);
      await appA.holdSweeper.sweepOnce();
    };
    // Free again: the late payment re-takes the tickets.
    const first = await holdOne(concertGid, tierGids[0], 1);
    await pay(appA, first, CARDS.timeout);
    await expire();
    await settleUnknownPayments(checkout(appA), 0);
    // Sold meanwhile: refunded in full.
    const second = await holdOne(concertGid, tierGids[0], 1);
    await pay(appA, second, CARDS.timeout);
    await expire();
    expect((await graphql(appB, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    await settleUnknownPayments(checkout(appB), 0);
    const statuses = await appA.db.select({ id: bookings.id, status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(statuses.find((b) => b.id === decode(first))?.status).toBe('CONFIRMED');
    expect(statuses.find((b) => b.id === decode(second))?.status).toBe('EXPIRED');
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 2_000, refunded: 1_000, confirmedPaid: 1_000 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 0, booked: 2 }]);
  });

  it('refunds a charge that lands after the hold expired while the concert is paused: nothing sells during a pause', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 5 }]);
    const late = await holdOne(concertGid, tierGids[0], 1);
    await pay(appA, late, CARDS.timeout);
    await appA.db.update(bookings).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(bookings.id, decode(late)));
    await appA.holdSweeper.sweepOnce();
    await changeCatalogue(appA, concert.id, (tx) => tx.update(concerts).set({ salesPaused: true }).where(eq(concerts.id, concert.id)));
    await settleUnknownPayments(checkout(appB), 0);
    const [row] = await appA.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, decode(late)));
    expect(row.status).toBe('EXPIRED');
    expect(await expectMoneyExact(concert.id)).toMatchObject({ captured: 1_000, refunded: 1_000, confirmedPaid: 0 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 5, booked: 0 }]);
  });

  it('a payment racing the sweeper at the moment a hold ends has exactly one outcome, across two instances', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 40 }]);
    const holds = await Promise.all(Array.from({ length: 20 }, () => holdOne(concertGid, tierGids[0], 1)));
    // Every hold ends 200 ms from now; the payments start spread over 0–380 ms, so some land before the
    // end and some after, each while the other instance sweeps. Time is the condition under test here.
    await appA.db.update(bookings).set({ expiresAt: sql`now() + interval '200 milliseconds'` }).where(eq(bookings.concertId, concert.id));
    const outcomes = await Promise.all(
      holds.map(async (bookingId, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 20));
        const [answer] = await Promise.all([pay(i % 2 ? appA : appB, bookingId, CARDS.ok), (i % 2 ? appB : appA).holdSweeper.sweepOnce()]);
        return answer.__typename as string;
      }),
    );
    await appA.holdSweeper.sweepOnce();
    const rows = await appA.db.select({ id: bookings.id, status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    for (const [i, bookingId] of holds.entries()) {
      const status = rows.find((row) => row.id === decode(bookingId))?.status;
      // Paid in time, refused as expired (nothing charged), or charged late: tickets re-taken (they are free here).
      if (outcomes[i] === 'PayForBookingSuccess') expect(status).toBe('CONFIRMED');
      else expect([outcomes[i], status]).toEqual(['BookingNotPayableError', 'EXPIRED']);
      expect(await chargesFor(bookingId)).toBeLessThanOrEqual(1);
    }
    const confirmed = rows.filter((row) => row.status === 'CONFIRMED').length;
    expect(confirmed + rows.filter((row) => row.status === 'EXPIRED').length).toBe(20);
    expect(await expectMoneyExact(concert.id)).toMatchObject({ confirmedPaid: confirmed * 1_000 });
  });

  it('refuses bad input and bookings that cannot be paid with a typed error, charging nothing', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const bookingId = await holdOne(concertGid, tierGids[0]);
    expect(await pay(appA, bookingId, '4242424242424241')).toMatchObject({ __typename: 'ValidationError', field: 'card.number' });
    expect(await pay(appA, bookingId, 'x'.repeat(60_000))).toMatchObject({ __typename: 'ValidationError', field: 'card.number' });
    expect(await pay(appA, bookingId, CARDS.ok, undefined, { expYear: 2020 })).toMatchObject({ field: 'card.expYear' });
    expect(await pay(appA, bookingId, CARDS.ok, undefined, { expMonth: 13 })).toMatchObject({ field: 'card.expMonth' });
    expect(await pay(appA, bookingId, CARDS.ok, undefined, { cvc: '12' })).toMatchObject({ field: 'card.cvc' });
    expect(await pay(appA, bookingId, CARDS.ok, '')).toMatchObject({ field: 'idempotencyKey' });
    expect(await pay(appA, 'nonsense', CARDS.ok)).toMatchObject({ __typename: 'NotFoundError' });
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
    expect(await pay(appA, booked.data?.bookTickets.booking.id, CARDS.ok)).toEqual({ __typename: 'BookingNotPayableError', reason: 'CONFIRMED' });
    const written = await appA.db.select().from(payments).innerJoin(bookings, eq(bookings.id, payments.bookingId)).where(eq(bookings.concertId, concert.id));
    expect(written).toEqual([]);
  });
});
