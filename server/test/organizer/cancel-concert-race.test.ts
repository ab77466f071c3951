import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingAccess, BookingLinks } from '../../src/auth/booking-access.ts';
import { ConcertCancellationRunner } from '../../src/catalogue/concert-cancellation-job.ts';
import { concertCancellations } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { SimulatedPaymentProvider } from '../../src/payments/simulated-provider.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger, readMoneyLedger } from '../support/ledger.ts';
import { bookingInput, createTestApp, graphql, TEST_AUTH_SECRET, testDatabaseUrl } from '../support/test-app.ts';
import { BOOK, HOLD_TICKETS, concertOfOrganizer } from './operations.ts';

// Bookings, holds and payments racing a concert's cancellation over two instances (B has not
// necessarily heard of it yet). Whatever wins, each one ends refused, or cancelled and refunded
// once: no ticket stays sold and no money stays taken.
const quiet = { concertCancellations: { intervalMs: 3_600_000 } };
const instanceA = createTestApp(quiet);
const instanceB = createTestApp(quiet);
let organizer: TestAccount;
beforeAll(async () => {
  organizer = await signedInAccount(instanceA, 'organizer');
});
afterAll(() => Promise.all([instanceA.stop(), instanceB.stop()]));

const CANCEL = /* GraphQL */ `mutation ($concertId: ID!) { cancelConcert(concertId: $concertId, reason: "Storm") { __typename } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`;
const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
const fan = () => ({ customerEmail: `fan.${randomUUID()}@example.com` });

/** Per booking: status, cancellation emails, and refunds at the processor per captured payment. */
async function perBooking(concertId: string) {
  const { rows } = await instanceA.pool.query<{ id: string; status: string; emails: number; captured: number; most_refunds: number }>(
    `SELECT b.id, b.status,
            (SELECT count(*) FROM outbox_emails e WHERE e.booking_id = b.id AND e.kind = 'cancellation')::int AS emails,
            (SELECT count(*) FROM payments p WHERE p.booking_id = b.id AND p.status IN ('SUCCEEDED', 'REFUNDED'))::int AS captured,
            (SELECT coalesce(max((SELECT count(*) FROM simulated_provider_refunds r WHERE r.idempotency_key = 'refund:' || p.id)), 0)
               FROM payments p WHERE p.booking_id = b.id)::int AS most_refunds
       FROM bookings b WHERE b.concert_id = $1`,
    [concertId],
  );
  return rows;
}

describe('a concert cancelled while it sells', () => {
  it('refuses or cancels and refunds every booking, hold and payment made meanwhile; the ledgers balance', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer, { tiers: [{ name: 'GA', priceCents: 1_500, capacity: 500 }] });
    const concertId = databaseIdOf(concertGid, 'Concert')!;
    const ga = tierGids[0];
    // Before: paid bookings, and holds whose payment will race the cancellation.
    const hold = async () => (await graphql(instanceA, HOLD_TICKETS, bookingInput(concertGid, [[ga, 2]], fan()))).data!.holdTickets.booking.id as string;
    const pay = (bookingId: string) => graphql(instanceA, PAY, { input: { bookingId, idempotencyKey: randomUUID(), card } });
    const paidBefore = await Promise.all(Array.from({ length: 20 }, hold));
    for (const bookingId of paidBefore) expect((await pay(bookingId)).data?.payForBooking.__typename).toBe('PayForBookingSuccess');
    const racingHolds = await Promise.all(Array.from({ length: 10 }, hold));

    const runner = new ConcertCancellationRunner(
      { db: instanceA.db, paymentProvider: new SimulatedPaymentProvider(instanceA.db), bookingLinks: new BookingLinks('http://shop.test', new BookingAccess(TEST_AUTH_SECRET)) },
      // Small batches so that the job is midway while the racers land.
      { batchSize: 7, refundConcurrency: 4 },
    );
    const cancelled = graphql(instanceA, CANCEL, { concertId: concertGid }, { headers: organizer.headers });
    const book = (instance: typeof instanceA) => graphql(instance, BOOK, bookingInput(concertGid, [[ga, 1]], fan()));
    const racers = Promise.all([
      ...Array.from({ length: 30 }, () => book(instanceB)),
      ...Array.from({ length: 15 }, () => book(instanceA)),
      ...Array.from({ length: 10 }, () => graphql(instanceB, HOLD_TICKETS, bookingInput(concertGid, [[ga, 2]], fan()))),
      ...racingHolds.map(pay),
    ]);
    expect((await cancelled).data?.cancelConcert.__typename).toBe('CancelConcertSuccess');
    // Nothing commits after the cancellation (sales-stop.ts): the job may be DONE while racers are
    // still under way, and what it counted is exactly what it cancels.
    for (;;) {
      await runner.runOnce(concertId);
      const [job] = await instanceA.db.select().from(concertCancellations).where(eq(concertCancellations.concertId, concertId));
      if (job.status === 'DONE') {
        expect(job.cancelledCount).toBe(job.totalBookings);
        break;
      }
    }
    const outcomes = new Map<string, number>();
    for (const answer of await racers) {
      const result = Object.values(answer.data ?? {})[0] as { __typename: string; reason?: string } | undefined;
      const outcome = result?.__typename ?? `error: ${answer.errors?.[0].message}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (result?.__typename === 'NotOnSaleError') expect(result.reason).toBe('CANCELLED');
    }
    // Succeeded (then cancelled below) or refused as cancelled; never an unexpected error.
    expect([...outcomes.keys()].filter((outcome) => outcome.startsWith('error'))).toEqual([]);
    console.info('racers:', Object.fromEntries(outcomes));

    const succeeded = (typename: string) => outcomes.get(typename) ?? 0;
    const rows = await perBooking(concertId);
    // The 30 made before, and every racer that was not refused; a refused one wrote nothing.
    expect(rows.length).toBe(30 + succeeded('BookTicketsSuccess') + succeeded('HoldTicketsSuccess'));
    for (const row of rows) {
      expect(['CANCELLED', 'EXPIRED']).toContain(row.status);
      expect(row.emails).toBeLessThanOrEqual(1);
      // A payment captured is refunded at the processor exactly once.
      if (row.captured > 0) expect(row.most_refunds).toBe(1);
    }
    expect(rows.filter((row) => row.captured > 0).length).toBeGreaterThanOrEqual(paidBefore.length + succeeded('PayForBookingSuccess'));
    for (const tier of await readLedger(testDatabaseUrl(), concertId)) expect(tier).toMatchObject({ available: tier.capacity, booked: 0 });
    const money = await readMoneyLedger(testDatabaseUrl(), concertId);
    expect({ net: money.captured - money.refunded, confirmedPaid: money.confirmedPaid, providerNet: money.providerNet }).toEqual({ net: 0, confirmedPaid: 0, providerNet: 0 });
  });
});
