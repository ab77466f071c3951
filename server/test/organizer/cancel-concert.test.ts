import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingAccess, BookingLinks } from '../../src/auth/booking-access.ts';
import { ConcertCancellationRunner, type ConcertCancellationOptions } from '../../src/catalogue/concert-cancellation-job.ts';
import { concertCancellations, ticketTiers } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import type { PaymentProvider } from '../../src/payments/payment-provider.ts';
import { SimulatedPaymentProvider } from '../../src/payments/simulated-provider.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger, readMoneyLedger } from '../support/ledger.ts';
import { seedOrders } from '../support/orders-seed.ts';
import { bookingInput, createTestApp, graphql, TEST_AUTH_SECRET, testDatabaseUrl } from '../support/test-app.ts';
import { ADD_TIER, BOOK, HOLD_TICKETS, UPDATE_CONCERT, UPDATE_TIER, concertOfOrganizer, switchOperation } from './operations.ts';

// Two instances, as behind a load balancer. Their own runners wait an hour between runs: these
// tests run each step themselves, so that they can stop a runner where a crash would.
const quiet = { concertCancellations: { intervalMs: 3_600_000 } };
const instanceA = createTestApp(quiet);
const instanceB = createTestApp(quiet);
let organizer: TestAccount;
beforeAll(async () => {
  await Promise.all([instanceA.start(0, '127.0.0.1'), instanceB.start(0, '127.0.0.1')]);
  organizer = await signedInAccount(instanceA, 'organizer');
});
afterAll(() => Promise.all([instanceA.stop(), instanceB.stop()]));

const asOrganizer = () => ({ headers: organizer.headers });
const dbId = (gid: string) => databaseIdOf(gid, 'Concert')!;
const bookingLinks = new BookingLinks('http://shop.test', new BookingAccess(TEST_AUTH_SECRET));
const runner = (options: ConcertCancellationOptions = {}, paymentProvider: PaymentProvider = new SimulatedPaymentProvider(instanceA.db)) =>
  new ConcertCancellationRunner({ db: instanceA.db, paymentProvider, bookingLinks }, options);

const JOB = 'status total bookingsCancelled refunded { cents currency }';
const CANCEL = /* GraphQL */ `
  mutation Cancel($concertId: ID!, $reason: String!) {
    cancelConcert(concertId: $concertId, reason: $reason) {
      __typename
      ... on CancelConcertSuccess { concert { id salesStatus cancellationReason } job { ${JOB} } }
      ... on ConcertAlreadyCancelledError { job { ${JOB} } }
      ... on Error { message }
    }
  }
`;
const PROGRESS = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { salesStatus cancellation { ${JOB} } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`;

const cancel = (concertGid: string, headers = organizer.headers) => graphql(instanceA, CANCEL, { concertId: concertGid, reason: 'The band is ill' }, { headers });

/** Works on the concert's job until it is DONE, whoever finishes it. */
async function runUntilDone(concertId: string, work: ConcertCancellationRunner) {
  for (;;) {
    await work.runOnce(concertId);
    const [job] = await instanceA.db.select().from(concertCancellations).where(eq(concertCancellations.concertId, concertId));
    if (job.status === 'DONE') return job;
  }
}

/** Per booking of the concert: cancellation emails, and the processor's refunds of its charges. */
async function perBooking(concertId: string) {
  const { rows } = await instanceA.pool.query<{ status: string; emails: number; refunds: number; provider_refunded: number; paid: number }>(
    `SELECT b.status,
            (SELECT count(*) FROM outbox_emails e WHERE e.booking_id = b.id AND e.kind = 'cancellation')::int AS emails,
            (SELECT count(*) FROM simulated_provider_refunds r JOIN simulated_provider_charges c ON c.reference = r.reference
               JOIN payments p ON p.id::text = c.idempotency_key WHERE p.booking_id = b.id)::int AS refunds,
            (SELECT coalesce(sum(c.refunded_cents), 0) FROM simulated_provider_charges c JOIN payments p ON p.id::text = c.idempotency_key WHERE p.booking_id = b.id)::int AS provider_refunded,
            (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.booking_id = b.id AND p.status IN ('SUCCEEDED', 'REFUNDED'))::int AS paid
       FROM bookings b WHERE b.concert_id = $1`,
    [concertId],
  );
  return rows;
}

async function expectAllCancelledAndRefundedOnce(concertId: string, confirmedBefore: number) {
  const rows = await perBooking(concertId);
  expect(rows.every((row) => row.status === 'CANCELLED' || row.status === 'EXPIRED')).toBe(true);
  const paidRows = rows.filter((row) => row.paid > 0);
  for (const row of paidRows) expect({ refunds: row.refunds, refunded: row.provider_refunded }).toEqual({ refunds: 1, refunded: row.paid });
  // Everyone the job cancelled is told once, paid or held; holds that expired before were told nothing.
  expect(rows.filter((row) => row.status === 'CANCELLED').every((row) => row.emails === 1)).toBe(true);
  expect(rows.filter((row) => row.emails === 1).length).toBeGreaterThanOrEqual(confirmedBefore);
  expect(rows.every((row) => row.emails <= 1)).toBe(true);
  const money = await readMoneyLedger(testDatabaseUrl(), concertId);
  expect({ net: money.captured - money.refunded, providerNet: money.providerNet }).toEqual({ net: 0, providerNet: 0 });
  for (const tier of await readLedger(testDatabaseUrl(), concertId)) expect(tier.available).toBe(tier.capacity);
}

/** `count` paid bookings of two tickets at 10.00, straight into the tables with their charges at the processor. */
async function seedPaidBookings(count: number) {
  const { concertGid } = await concertOfOrganizer(instanceA, organizer, { tiers: [{ name: 'GA', priceCents: 1_000, capacity: count * 2 }] });
  const concertId = dbId(concertGid);
  const [tier] = await instanceA.db.update(ticketTiers).set({ available: 0 }).where(eq(ticketTiers.concertId, concertId)).returning();
  await seedOrders(instanceA, { concertId, tierId: tier.id, count, from: new Date(Date.now() - 3_600_000), stepMs: 1 });
  await instanceA.db.execute(sql`
    WITH paid AS (
      INSERT INTO payments (booking_id, idempotency_key, request_fingerprint, amount_cents, currency, status, provider, provider_reference, card_last4)
      SELECT id, 'seed', repeat('0', 64), total_cents, currency, 'SUCCEEDED', 'simulated', 'ch_' || gen_random_uuid(), '4242'
        FROM bookings WHERE concert_id = ${concertId}
      RETURNING id, provider_reference, amount_cents)
    INSERT INTO simulated_provider_charges (reference, idempotency_key, amount_cents, currency, status)
    SELECT provider_reference, id::text, amount_cents, 'USD', 'succeeded' FROM paid`);
  return { concertGid, concertId };
}

describe('cancelConcert', () => {
  it('is for organizers only', async () => {
    const { concertGid } = await concertOfOrganizer(instanceA, organizer);
    const shopper = await signedInAccount(instanceA);
    for (const headers of [shopper.headers, {}, undefined]) {
      const result = await graphql(instanceA, CANCEL, { concertId: concertGid, reason: 'no' }, headers ? { headers } : undefined);
      expect(result.data?.cancelConcert ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
    }
    expect((await graphql(instanceA, PROGRESS, { id: concertGid })).data?.concert.salesStatus).toBe('ON_SALE');
  });

  it('freezes a cancelled concert: its details, tiers and switches refuse every change, racing or after', async () => {
    const { concertGid, tierGids, concert } = await concertOfOrganizer(instanceA, organizer);
    const changes = () => [
      graphql(instanceB, UPDATE_CONCERT, { id: concertGid, input: { name: 'Renamed' } }, asOrganizer()).then((r) => r.data?.updateConcert.__typename),
      graphql(instanceB, UPDATE_TIER, { id: tierGids[0], input: { capacity: 500 } }, asOrganizer()).then((r) => r.data?.updateTier.__typename),
      graphql(instanceB, ADD_TIER, { concertId: concertGid, input: { name: 'Late', priceCents: 100, capacity: 5 } }, asOrganizer()).then((r) => r.data?.addTier.__typename),
      graphql(instanceB, switchOperation('resumeSales'), { concertId: concertGid }, asOrganizer()).then((r) => r.data?.resumeSales.__typename),
    ];
    // Raced with the cancellation, each change lands before it or is refused after it; never half.
    const [cancelled, ...raced] = await Promise.all([cancel(concertGid), ...changes()]);
    expect(cancelled.data?.cancelConcert.__typename).toBe('CancelConcertSuccess');
    for (const outcome of raced) expect(['ConcertChangeSuccess', 'TierChangeSuccess', 'ConcertAlreadyCancelledError']).toContain(outcome);
    const [before] = await instanceA.db.select().from(ticketTiers).where(eq(ticketTiers.concertId, dbId(concertGid)));
    expect(await Promise.all(changes())).toEqual(Array(4).fill('ConcertAlreadyCancelledError'));
    const after = await instanceA.db.select().from(ticketTiers).where(eq(ticketTiers.concertId, dbId(concertGid)));
    expect(after.find((tier) => tier.id === before.id)).toEqual(before);
    expect(after).toHaveLength(raced[2] === 'TierChangeSuccess' ? concert.tiers.length + 1 : concert.tiers.length);
    for (const tier of await readLedger(testDatabaseUrl(), dbId(concertGid))) expect(tier.capacity - tier.available).toBe(tier.booked);
    const { data } = await graphql(instanceA, PROGRESS, { id: concertGid }, asOrganizer());
    expect(data?.concert.salesStatus).toBe('CANCELLED');
  });

  it('stops sales on both instances, then cancels holds, paid and partner bookings, refunding and emailing each once', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer, { tiers: [{ name: 'GA', priceCents: 5_000, capacity: 50 }, { name: 'VIP', priceCents: 9_000, capacity: 10 }] });
    const concertId = dbId(concertGid);
    const hold = async (tier: string) => (await graphql(instanceA, HOLD_TICKETS, bookingInput(concertGid, [[tier, 2]], { customerEmail: `fan.${randomUUID()}@example.com` }))).data!.holdTickets.booking.id as string;
    await Promise.all([hold(tierGids[0]), hold(tierGids[1])]);
    const paid = await Promise.all([hold(tierGids[0]), hold(tierGids[0]), hold(tierGids[1])]);
    for (const bookingId of paid) {
      const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
      expect((await graphql(instanceA, PAY, { input: { bookingId, idempotencyKey: randomUUID(), card } })).data?.payForBooking.__typename).toBe('PayForBookingSuccess');
    }
    for (const tier of tierGids) expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tier, 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');

    const heardByB = instanceB.tierCatalogue.changed(concertId);
    const cancelled = await cancel(concertGid);
    expect(cancelled.data?.cancelConcert).toEqual({
      __typename: 'CancelConcertSuccess',
      concert: { id: concertGid, salesStatus: 'CANCELLED', cancellationReason: 'The band is ill' },
      job: { status: 'RUNNING', total: 7, bookingsCancelled: 0, refunded: { cents: 0, currency: 'USD' } },
    });
    await heardByB;
    for (const instance of [instanceA, instanceB]) {
      for (const operation of [HOLD_TICKETS, BOOK]) {
        const result = await graphql(instance, operation, bookingInput(concertGid, [[tierGids[0], 1]]));
        expect(Object.values(result.data!)[0]).toMatchObject({ __typename: 'NotOnSaleError', reason: 'CANCELLED' });
      }
    }
    // Asked again: nothing changes, and the answer names the same job.
    expect((await cancel(concertGid)).data?.cancelConcert).toMatchObject({ __typename: 'ConcertAlreadyCancelledError', job: { total: 7 } });

    await runUntilDone(concertId, runner());
    await expectAllCancelledAndRefundedOnce(concertId, 5);
    // Every customer is told why, held or paid; the show's time in the venue's zone, named.
    const { rows: emails } = await instanceA.pool.query<{ subject: string; body: string; status: string }>(
      `SELECT e.subject, e.body, b.status FROM outbox_emails e JOIN bookings b ON b.id = e.booking_id WHERE b.concert_id = $1 AND e.kind = 'cancellation'`,
      [concertId],
    );
    expect(emails).toHaveLength(7);
    for (const email of emails) {
      expect(email.subject).toMatch(/^Organizer test concert is cancelled — order /);
      expect(email.body).toContain("the organizer cancelled Organizer test concert. The organizer's reason: The band is ill");
      expect(email.body).toMatch(/Test Hall\n\w+day, \w+ \d+, \d{4} at \d+:\d\d (AM|PM) GMT\+\d/);
    }
    expect(emails.filter((email) => email.body.includes('are released.') && email.body.includes('Nothing was charged.'))).toHaveLength(2);
    expect(emails.filter((email) => /\$(100|180)\.00 is on its way back to your card/.test(email.body))).toHaveLength(3);
    const paidCents = 2 * 5_000 * 2 + 2 * 9_000;
    expect((await graphql(instanceB, PROGRESS, { id: concertGid }, asOrganizer())).data?.concert).toEqual({
      salesStatus: 'CANCELLED',
      cancellation: { status: 'DONE', total: 7, bookingsCancelled: 7, refunded: { cents: paidCents, currency: 'USD' } },
    });
  });
});

describe('the cancellation job', () => {
  it('resumes on another instance after a crash midway, once the lease has run out, refunding nobody twice', async () => {
    const { concertGid, concertId } = await seedPaidBookings(200);
    expect((await cancel(concertGid)).data?.cancelConcert.__typename).toBe('CancelConcertSuccess');
    const crash = new Error('killed after one batch');
    const dying = runner({ batchSize: 50, leaseMs: 400, afterStep: (step) => { if (step === 'cancelled') throw crash; } });
    await expect(dying.runOnce(concertId)).rejects.toBe(crash);
    // One batch committed: cancelled, refunds still owed, and the lease still held by the dead runner.
    const rows = await perBooking(concertId);
    expect(rows.filter((row) => row.status === 'CANCELLED')).toHaveLength(50);
    expect(rows.filter((row) => row.refunds > 0)).toHaveLength(0);
    const takeover = runner({ batchSize: 50, leaseMs: 400 });
    expect(await takeover.runOnce(concertId)).toBe(false);

    const job = await runUntilDone(concertId, takeover);
    expect(job).toMatchObject({ cancelledCount: 200, refundedCents: 200 * 2_000 });
    await expectAllCancelledAndRefundedOnce(concertId, 200);
  });

  it('refunds once when the processor refunded but its answer was lost, by asking again with the same key', async () => {
    const { concertGid, concertId } = await seedPaidBookings(20);
    await cancel(concertGid);
    const real = new SimulatedPaymentProvider(instanceA.db);
    let lost = 0;
    const losesAnswers: PaymentProvider = {
      name: real.name,
      charge: (request) => real.charge(request),
      retrieve: (key) => real.retrieve(key),
      refund: async (request) => {
        await real.refund(request);
        if (lost++ < 5) throw new Error('connection reset');
      },
    };
    const job = await runUntilDone(concertId, runner({ batchSize: 8 }, losesAnswers));
    expect(lost).toBeGreaterThan(5);
    expect(job).toMatchObject({ cancelledCount: 20, refundedCents: 20 * 2_000, lastError: 'connection reset' });
    await expectAllCancelledAndRefundedOnce(concertId, 20);
  });

  it('lets two runners at once never cancel, email or refund a booking twice', async () => {
    const { concertGid, concertId } = await seedPaidBookings(400);
    await cancel(concertGid);
    // A lease shorter than a batch: each runner keeps taking the job from the other.
    const [a, b] = [runner({ batchSize: 25, leaseMs: 1 }), runner({ batchSize: 25, leaseMs: 1 })];
    const [jobA] = await Promise.all([runUntilDone(concertId, a), runUntilDone(concertId, b)]);
    expect(jobA).toMatchObject({ cancelledCount: 400, refundedCents: 400 * 2_000 });
    await expectAllCancelledAndRefundedOnce(concertId, 400);
  });

  it('cancels a thousand bookings in batches, with availability back to capacity', async () => {
    const count = 1_000;
    const { concertGid, concertId } = await seedPaidBookings(count);
    await cancel(concertGid);
    const started = performance.now();
    const job = await runUntilDone(concertId, runner({ batchSize: 200 }));
    const ms = performance.now() - started;
    expect(job).toMatchObject({ cancelledCount: count, refundedCents: count * 2_000, totalBookings: count });
    await expectAllCancelledAndRefundedOnce(concertId, count);
    console.info(`cancelled and refunded ${count} bookings in ${Math.round(ms)} ms`);
  }, 120_000);
});
