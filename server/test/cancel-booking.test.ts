import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { concerts } from '../src/db/schema.ts';
import { readLedger, readMoneyLedger } from './support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';

const appA = createTestApp({ poolSize: 20 });
const appB = createTestApp({ poolSize: 20 });
afterAll(async () => {
  await Promise.all([appA.stop(), appB.stop()]);
});

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id } } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename ... on PayForBookingSuccess { payment { status } } } }`;
const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!) {
    cancelBooking(bookingId: $id) {
      __typename
      ... on CancelBookingSuccess { booking { status } refunded { cents } }
      ... on BookingNotCancellableError { reason }
      ... on NotFoundError { id }
    }
  }
`;

async function paidBooking(quantity = 2) {
  const fixture = await createConcert(appA.db, [{ capacity: 10 }]);
  const held = await graphql(appA, HOLD, bookingInput(fixture.concertGid, [[fixture.tierGids[0], quantity]]));
  const bookingGid = held.data!.holdTickets.booking.id as string;
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
  const paid = await graphql(appA, PAY, { input: { bookingId: bookingGid, idempotencyKey: crypto.randomUUID(), card } });
  expect(paid.data?.payForBooking.payment.status).toBe('SUCCEEDED');
  return { ...fixture, bookingGid };
}
const cancel = (app: typeof appA, id: string) => graphql(app, CANCEL, { id }).then((result) => result.data?.cancelBooking);

describe('cancelBooking', () => {
  it('cancels and refunds once when twenty cancels of one booking race across two instances', async () => {
    const { concert, bookingGid } = await paidBooking();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => cancel(i % 2 ? appA : appB, bookingGid)));
    expect(results.filter((r) => r?.__typename === 'CancelBookingSuccess')).toEqual([
      { __typename: 'CancelBookingSuccess', booking: { status: 'CANCELLED' }, refunded: { cents: 2_000 } },
    ]);
    expect(results.filter((r) => r?.__typename === 'BookingNotCancellableError').map((r) => r.reason)).toEqual(Array(19).fill('CANCELLED'));
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
    expect(await readMoneyLedger(testDatabaseUrl(), concert.id)).toEqual({ captured: 2_000, refunded: 2_000, confirmedPaid: 0, providerNet: 0 });
  });

  it('cancels a partner booking nobody paid for here, with nothing to refund, and releases a hold', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 3]]));
    expect(await cancel(appA, booked.data?.bookTickets.booking.id)).toMatchObject({ booking: { status: 'CANCELLED' }, refunded: { cents: 0 } });
    const held = await graphql(appA, HOLD, bookingInput(concertGid, [[tierGids[0], 1]]));
    expect(await cancel(appB, held.data!.holdTickets.booking.id)).toMatchObject({ booking: { status: 'CANCELLED' } });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
  });

  it('refuses once the concert has started, and an unknown id, changing nothing', async () => {
    const { concert, bookingGid } = await paidBooking();
    await appA.db.update(concerts).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(concerts.id, concert.id));
    expect(await cancel(appA, bookingGid)).toEqual({ __typename: 'BookingNotCancellableError', reason: 'STARTED' });
    expect(await cancel(appA, 'nonsense')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 8, booked: 2 }]);
    const money = await readMoneyLedger(testDatabaseUrl(), concert.id);
    expect(money).toEqual({ captured: 2_000, refunded: 0, confirmedPaid: 2_000, providerNet: 2_000 });
  });
});
