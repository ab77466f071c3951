import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingAccess, BookingLinks } from '../../src/auth/booking-access.ts';
import { bookings } from '../../src/db/schema.ts';
import { payments } from '../../src/db/payments-schema.ts';
import { ConcertCancellationRunner } from '../../src/catalogue/concert-cancellation-job.ts';
import { SimulatedPaymentProvider } from '../../src/payments/simulated-provider.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, partnerHeaders, TEST_AUTH_SECRET, testDatabaseUrl } from '../support/test-app.ts';

// A stadium's takings pass what a 32-bit integer holds ($21,474,836.47): 250 tickets at the highest
// price a tier may have ($100,000) are $25 M. Sums over bookings must still answer, exactly.

const app = createTestApp({ salesRollupIntervalMs: 0, concertCancellations: { intervalMs: 3_600_000 } });
let organizer: TestAccount;
beforeAll(async () => {
  await app.start(0, '127.0.0.1');
  organizer = await signedInAccount(app, 'organizer');
});
afterAll(() => app.stop());

const PRICE_CENTS = 10_000_000;
const TOTAL_CENTS = 250 * PRICE_CENTS;

const TOTALS = /* GraphQL */ `
  query Totals($concertId: ID!) {
    salesAnalytics(concertId: $concertId, bucket: DAY) {
      overTime { tickets revenue { cents currency } }
      byTier { ticketsSold revenue { cents currency } }
      totals { tickets revenue { cents currency } refunded { cents currency } }
    }
  }
`;

const CANCEL = /* GraphQL */ `
  mutation Cancel($concertId: ID!) {
    cancelConcert(concertId: $concertId, reason: "Stage collapsed") {
      __typename
      ... on CancelConcertSuccess { job { total } }
      ... on Error { message }
    }
  }
`;

const PROGRESS = /* GraphQL */ `query Progress($id: ID!) { concert(id: $id) { cancellation { status bookingsCancelled refunded { cents currency } } } }`;

describe('totals beyond 32 bits', () => {
  it('are exact in sales analytics and in a cancellation\'s refunds, with 25 partner bookings racing in', async () => {
    const fixture = await createConcert(app.db, [{ name: 'Pit', priceCents: PRICE_CENTS, capacity: 300 }], 'Stadium night', organizer.id);
    const booked = await Promise.all(
      Array.from({ length: 25 }, () =>
        graphql(app, BOOK_TICKETS, bookingInput(fixture.concertGid, [[fixture.tierGids[0], 10]], { customerEmail: `${randomUUID()}@example.com` }), { headers: partnerHeaders() }),
      ),
    );
    expect(booked.map((response) => response.data?.bookTickets.__typename)).toEqual(Array(25).fill('BookTicketsSuccess'));
    const [tier] = await readLedger(testDatabaseUrl(), fixture.concert.id);
    expect(tier).toMatchObject({ capacity: 300, available: 50, booked: 250 });

    const figures = await graphql(app, TOTALS, { concertId: fixture.concertGid }, { headers: organizer.headers });
    expect(figures.errors).toBeUndefined();
    const analytics = figures.data!.salesAnalytics;
    expect(analytics.totals).toEqual({ tickets: 250, revenue: { cents: TOTAL_CENTS, currency: 'USD' }, refunded: { cents: 0, currency: 'USD' } });
    expect(analytics.byTier).toEqual([{ ticketsSold: 250, revenue: { cents: TOTAL_CENTS, currency: 'USD' } }]);
    expect(analytics.overTime).toEqual([{ tickets: 250, revenue: { cents: TOTAL_CENTS, currency: 'USD' } }]);

    // As if each booking had been paid by card and refunded before the concert was called off.
    const ids = await app.db.select({ id: bookings.id, total: bookings.totalCents }).from(bookings).where(eq(bookings.concertId, fixture.concert.id));
    await app.db.insert(payments).values(ids.map(({ id, total }) => ({
      bookingId: id, idempotencyKey: randomUUID(), requestFingerprint: 'test', amountCents: total, currency: 'USD',
      status: 'REFUNDED' as const, provider: 'test', cardLast4: '4242', refundedCents: total,
    })));
    const refunded = await graphql(app, TOTALS, { concertId: fixture.concertGid }, { headers: organizer.headers });
    expect(refunded.data!.salesAnalytics.totals.refunded).toEqual({ cents: TOTAL_CENTS, currency: 'USD' });
    const cancelled = await graphql(app, CANCEL, { concertId: fixture.concertGid }, { headers: organizer.headers });
    expect(cancelled.data!.cancelConcert).toMatchObject({ __typename: 'CancelConcertSuccess', job: { total: 25 } });
    const runner = new ConcertCancellationRunner({ db: app.db, paymentProvider: new SimulatedPaymentProvider(app.db), bookingLinks: new BookingLinks('http://shop.test', new BookingAccess(TEST_AUTH_SECRET)) });
    for (let run = 0; run < 10; run++) await runner.runOnce(fixture.concert.id);
    const progress = await graphql(app, PROGRESS, { id: fixture.concertGid }, { headers: organizer.headers });
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.concert.cancellation).toEqual({ status: 'DONE', bookingsCancelled: 25, refunded: { cents: TOTAL_CENTS, currency: 'USD' } });
  });
});
