import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingAccess, BookingLinks } from '../../src/auth/booking-access.ts';
import { bookTickets } from '../../src/booking/book-tickets.ts';
import { BookingCoalescer } from '../../src/booking/booking-coalescer.ts';
import { commitBookingBatch } from '../../src/booking/commit-booking-batch.ts';
import { NotFoundError, NotOnSaleError } from '../../src/booking/errors.ts';
import { bookBatchInOneStatement } from '../../src/booking/one-statement-batch.ts';
import type { PreparedBooking } from '../../src/booking/prepared-booking.ts';
import { TierCatalogue } from '../../src/booking/tier-catalogue.ts';
import { ConcertCancellationRunner } from '../../src/catalogue/concert-cancellation-job.ts';
import { createDatabase } from '../../src/db/client.ts';
import { bookings, ticketTiers } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { SimulatedPaymentProvider } from '../../src/payments/simulated-provider.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { bookingInput, createTestApp, graphql, TEST_AUTH_SECRET, testDatabaseUrl } from '../support/test-app.ts';
import { BOOK, HOLD_TICKETS, concertOfOrganizer, switchOperation } from './operations.ts';

// An instance hears of a pause, an unpublishing or a cancellation a moment after it commits; a
// booking it priced in that moment reaches the tier rows, which say the concert does not sell.
const app = createTestApp({ concertCancellations: { intervalMs: 3_600_000 } });
// What an instance that has not heard of the change yet writes with: its own connection and batches.
const elsewhere = createDatabase({ url: testDatabaseUrl(), poolSize: 4 });
let organizer: TestAccount;
beforeAll(async () => {
  organizer = await signedInAccount(app, 'organizer');
});
afterAll(() => Promise.all([app.stop(), elsewhere.pool.end()]));

const CANCEL = /* GraphQL */ `mutation ($concertId: ID!) { cancelConcert(concertId: $concertId, reason: "Storm") { __typename } }`;
const PROGRESS = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { cancellation { status total bookingsCancelled } } }`;

async function sellingConcert(capacity = 10) {
  const { concertGid, tierGids } = await concertOfOrganizer(app, organizer, { tiers: [{ name: 'GA', priceCents: 2_000, capacity }] });
  return { concertGid, tierGid: tierGids[0], concertId: databaseIdOf(concertGid, 'Concert')!, tierId: databaseIdOf(tierGids[0], 'TicketTier')! };
}

const switchSales = async (name: 'pauseSales' | 'resumeSales' | 'unpublishConcert', concertGid: string) =>
  expect((await graphql(app, switchOperation(name), { concertId: concertGid }, { headers: organizer.headers })).data?.[name].__typename).toBe('ConcertChangeSuccess');

function priced(concertId: string, tierId: string, holdSeconds: number | null = null): PreparedBooking {
  return {
    bookingId: randomUUID(), concertId, customerEmail: `fan.${randomUUID()}@example.com`, idempotencyKey: randomUUID(), fingerprint: 'f'.repeat(64),
    apiKeyId: null, userId: null, currency: 'USD', holdSeconds, items: [{ tierId, tierName: 'GA', quantity: 1, unitPriceCents: 2_000 }],
  };
}

const bookingsOf = async (concertId: string) => (await app.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.concertId, concertId))).length;

describe('a concert that stops selling', () => {
  it('refuses, in Postgres, every sale priced before the stop, whichever path writes it; paused, nothing is written', async () => {
    const { concertGid, concertId, tierId } = await sellingConcert();
    await switchSales('pauseSales', concertGid);
    // The one-statement batch meets the trigger and writes nothing.
    expect(await bookBatchInOneStatement(elsewhere, [priced(concertId, tierId)])).toBeNull();
    // The full path answers each booking; a hold and a booking alike.
    expect(await commitBookingBatch(elsewhere, [priced(concertId, tierId), priced(concertId, tierId, 600)])).toEqual([
      { kind: 'salesStopped', concertId },
      { kind: 'salesStopped', concertId },
    ]);
    // A raw write too: taking tickets fails, giving them back and resizing do not.
    await expect(elsewhere.db.update(ticketTiers).set({ available: sql`${ticketTiers.available} - 1` }).where(eq(ticketTiers.id, tierId))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514', constraint: 'ticket_tiers_sales_stopped' }),
    });
    await elsewhere.db.update(ticketTiers).set({ capacity: 12, available: 12 }).where(eq(ticketTiers.id, tierId));
    expect(await bookingsOf(concertId)).toBe(0);
    expect(await readLedger(testDatabaseUrl(), concertId)).toMatchObject([{ capacity: 12, available: 12, booked: 0 }]);

    await switchSales('resumeSales', concertGid);
    expect(await commitBookingBatch(elsewhere, [priced(concertId, tierId)])).toMatchObject([{ kind: 'booked' }]);
    expect(await readLedger(testDatabaseUrl(), concertId)).toMatchObject([{ capacity: 12, available: 11, booked: 1 }]);
  });

  it('answers a shopper whose instance had not heard yet with the reason read afresh: paused, then unpublished', async () => {
    const { concertGid, concertId, tierId } = await sellingConcert();
    // A catalogue that hears of nothing, as one whose notice is still on its way.
    const stale = new TierCatalogue(elsewhere.db);
    const services = { db: elsewhere.db, tierCatalogue: stale, bookingQueue: new BookingCoalescer(elsewhere) };
    const request = () => ({ concertId, customerEmail: `fan.${randomUUID()}@example.com`, idempotencyKey: randomUUID(), items: [{ tierId, quantity: 2 }] });
    const guest = { idempotencyScope: 'guest', apiKeyId: null, userId: null };
    await stale.tiers([tierId]);

    await switchSales('pauseSales', concertGid);
    await expect(bookTickets(services, request(), guest, 'hold')).rejects.toMatchObject(new NotOnSaleError(concertId, 'PAUSED', null));
    await switchSales('resumeSales', concertGid);
    stale.forgetConcert(concertId);
    await stale.tiers([tierId]);
    await switchSales('unpublishConcert', concertGid);
    await expect(bookTickets(services, request(), guest, 'book')).rejects.toBeInstanceOf(NotFoundError);
    expect(await bookingsOf(concertId)).toBe(0);
    expect(await readLedger(testDatabaseUrl(), concertId)).toMatchObject([{ capacity: 10, available: 10, booked: 0 }]);
  });

  it('cancelled: waits for the batch in flight and counts it, then nothing more commits; the job cancels exactly what it counted', async () => {
    const { concertGid, tierGid, concertId, tierId } = await sellingConcert();
    expect((await graphql(app, BOOK, bookingInput(concertGid, [[tierGid, 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    // A booking batch in flight: its booking written and the tier row locked, not yet committed.
    const inFlight = new pg.Client({ connectionString: testDatabaseUrl() });
    await inFlight.connect();
    await inFlight.query('BEGIN');
    const [late] = (await inFlight.query(
      `INSERT INTO bookings (concert_id, status, customer_email, total_cents, idempotency_key, request_fingerprint) VALUES ($1, 'CONFIRMED', 'late@example.com', 2000, $2, 'late') RETURNING id`,
      [concertId, randomUUID()],
    )).rows;
    await inFlight.query(`INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents) VALUES ($1, $2, 1, 2000)`, [late.id, tierId]);
    await inFlight.query(`UPDATE ticket_tiers SET available = available - 1 WHERE id = $1`, [tierId]);
    const inFlightPid = (await inFlight.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;

    const cancelled = graphql(app, CANCEL, { concertId: concertGid }, { headers: organizer.headers });
    await waitUntilBlockedBy(inFlightPid);
    await inFlight.query('COMMIT');
    await inFlight.end();
    expect((await cancelled).data?.cancelConcert.__typename).toBe('CancelConcertSuccess');

    // From here on no hold or booking commits, on any path.
    expect(await commitBookingBatch(elsewhere, [priced(concertId, tierId), priced(concertId, tierId, 600)])).toEqual([
      { kind: 'salesStopped', concertId },
      { kind: 'salesStopped', concertId },
    ]);
    expect((await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[tierGid, 1]]))).data?.holdTickets).toMatchObject({ __typename: 'NotOnSaleError', reason: 'CANCELLED' });
    const progress = () => graphql(app, PROGRESS, { id: concertGid }, { headers: organizer.headers });
    expect((await progress()).data?.concert.cancellation).toEqual({ status: 'RUNNING', total: 2, bookingsCancelled: 0 });

    const bookingLinks = new BookingLinks('http://shop.test', new BookingAccess(TEST_AUTH_SECRET));
    await new ConcertCancellationRunner({ db: app.db, paymentProvider: new SimulatedPaymentProvider(app.db), bookingLinks }).runOnce(concertId);
    expect((await progress()).data?.concert.cancellation).toEqual({ status: 'DONE', total: 2, bookingsCancelled: 2 });
    expect(await readLedger(testDatabaseUrl(), concertId)).toMatchObject([{ capacity: 10, available: 10, booked: 0 }]);
  });
});

/** Resolves once some backend waits for a lock that `holderPid` holds. */
async function waitUntilBlockedBy(holderPid: number) {
  for (;;) {
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [holderPid]);
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
