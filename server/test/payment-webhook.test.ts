import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/db/schema.ts';
import { payments, simulatedCharges } from '../src/db/payments-schema.ts';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider.ts';
import { SIGNATURE_HEADER, signWebhook } from '../src/payments/webhook-signature.ts';
import { readLedger, readMoneyLedger } from './support/ledger.ts';
import { bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';

const SECRET = 'test-webhook-secret';
const app = createTestApp({ paymentWebhookSecret: SECRET });
const provider = new SimulatedPaymentProvider(app.db);
let base = '';
beforeAll(async () => {
  const { port } = await app.start(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => app.stop());

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id } } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename ... on PayForBookingSuccess { booking { status } payment { id status } } } }`;

const post = (body: string, signature: string) =>
  fetch(`${base}/webhooks/payments`, { method: 'POST', body, headers: { [SIGNATURE_HEADER]: signature } }).then((response) => response.status);

async function heldAndProcessing() {
  const { concert, concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
  const held = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 2]]));
  const bookingGid = held.data!.holdTickets.booking.id;
  const card = { number: '4000000000003220', expMonth: 12, expYear: 2034, cvc: '123' };
  const paid = await graphql(app, PAY, { input: { bookingId: bookingGid, idempotencyKey: crypto.randomUUID(), card } });
  expect(paid.data?.payForBooking).toMatchObject({ booking: { status: 'PENDING' }, payment: { status: 'PROCESSING' } });
  return { concert, bookingGid, paymentGid: paid.data!.payForBooking.payment.id as string };
}

const RELEASE = /* GraphQL */ `mutation ($id: ID!) { releaseHold(bookingId: $id) { __typename ... on BookingNotHeldError { status } } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename ... on BookingNotCancellableError { reason } } }`;

describe('the payment webhook', () => {
  it('a hold whose charge is processing cannot be given up; the webhook then confirms it, and the books balance', async () => {
    const { concert, bookingGid, paymentGid } = await heldAndProcessing();
    expect((await graphql(app, RELEASE, { id: bookingGid })).data?.releaseHold).toEqual({ __typename: 'BookingNotHeldError', status: 'PAYMENT_IN_PROGRESS' });
    expect((await graphql(app, CANCEL, { id: bookingGid })).data?.cancelBooking).toEqual({ __typename: 'BookingNotCancellableError', reason: 'PAYMENT_IN_PROGRESS' });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 8, booked: 2 }]);

    // The processor decides this charge (unless its own callback job got there first) and says so, signed.
    const paymentId = Buffer.from(paymentGid, 'base64').toString().split(':')[1];
    await app.db.update(simulatedCharges).set({ status: 'succeeded' }).where(and(eq(simulatedCharges.idempotencyKey, paymentId), eq(simulatedCharges.status, 'processing')));
    const [charge] = await app.db.select().from(simulatedCharges).where(eq(simulatedCharges.idempotencyKey, paymentId));
    const body = JSON.stringify({ type: 'charge.succeeded', idempotencyKey: paymentId, reference: charge.reference });
    expect(await post(body, signWebhook(SECRET, body))).toBe(200);

    const rows = await app.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(rows).toEqual([{ status: 'CONFIRMED' }]);
    const money = await readMoneyLedger(testDatabaseUrl(), concert.id);
    expect(money).toMatchObject({ captured: 2_000, refunded: 0, confirmedPaid: 2_000, providerNet: 2_000 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 8, booked: 2 }]);
  });

  it('confirms once when the processor delivers the same signed event twice', async () => {
    const { concert } = await heldAndProcessing();
    const statuses: number[] = [];
    const decided = await provider.deliverWebhooks(async (body) => {
      statuses.push(await post(body, signWebhook(SECRET, body)));
    }, 0);
    expect(decided).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const rows = await app.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(rows).toEqual([{ status: 'CONFIRMED' }]);
    const money = await readMoneyLedger(testDatabaseUrl(), concert.id);
    expect(money).toMatchObject({ captured: 2_000, refunded: 0, confirmedPaid: 2_000, providerNet: 2_000 });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 8, booked: 2 }]);
  });

  it('refuses a forged, stale or unsigned event and changes nothing', async () => {
    const { concert, paymentGid } = await heldAndProcessing();
    const paymentId = Buffer.from(paymentGid, 'base64').toString().split(':')[1];
    const body = JSON.stringify({ type: 'charge.succeeded', idempotencyKey: paymentId, reference: 'ch_forged' });
    expect(await post(body, signWebhook('not-the-secret', body))).toBe(400);
    expect(await post(body, signWebhook(SECRET, body, Date.now() - 3_600_000))).toBe(400);
    expect(await post(body, signWebhook(SECRET, `${body} `))).toBe(400);
    expect(await post(body, '')).toBe(400);
    const [payment] = await app.db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
    expect(payment.status).toBe('PROCESSING');
    const rows = await app.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(rows).toEqual([{ status: 'PENDING' }]);
  });
});
