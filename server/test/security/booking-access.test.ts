import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/db/schema.ts';
import { readLedger, readMoneyLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';

// Who may see a booking (it carries the shopper's email) and act on it, and whose idempotency keys
// are whose. Reproduces the holes a hostile client found: anonymous bookTickets, bookings readable
// by id, global idempotency keys.
// Behind a (pretend) balancer: each test's guests come from addresses of their own, so guest-hold
// quotas counted per address never mix with other test files'.
const appA = createTestApp({ trustProxy: true });
const appB = createTestApp({ trustProxy: true });
afterAll(() => Promise.all([appA.stop(), appB.stop()]));

const HOLD = /* GraphQL */ `
  mutation ($input: BookTicketsInput!) {
    holdTickets(input: $input) { __typename ... on HoldTicketsSuccess { replayed booking { id accessToken customerEmail } } ... on Error { message } }
  }`;
const BOOKING = /* GraphQL */ `query ($id: ID!, $token: String) { booking(id: $id, accessToken: $token) { id customerEmail status } }`;
const NODE = /* GraphQL */ `query ($id: ID!) { node(id: $id) { id ... on Booking { customerEmail } } }`;
const CANCEL = /* GraphQL */ `
  mutation ($id: ID!, $token: String) { cancelBooking(bookingId: $id, accessToken: $token) { __typename ... on CancelBookingSuccess { booking { status } } ... on NotFoundError { id } } }`;
const PAY = /* GraphQL */ `
  mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename ... on PayForBookingSuccess { booking { status } } ... on NotFoundError { id } } }`;

const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;
const guest = (id = randomUUID().replaceAll('-', ''), address = randomAddress()) => ({ headers: { 'x-guest-id': id, 'x-forwarded-for': address } });
const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };

describe('a booking is seen and changed only by whoever may', () => {
  it("gives a guest its booking's secret link, and nobody else its data", async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const owner = guest();
    const held = await graphql(appA, HOLD, bookingInput(concertGid, [[tierGids[0], 2]], { customerEmail: 'owner@example.com' }), owner);
    const { id, accessToken } = held.data?.holdTickets.booking;
    expect(accessToken).toMatch(/^[\w-]{43}$/);

    // The id alone (it is in the page's URL) shows nothing, to another guest or the same one.
    for (const who of [guest(), owner]) {
      expect((await graphql(appB, BOOKING, { id }, who)).data?.booking).toBeNull();
      expect((await graphql(appB, NODE, { id }, who)).data?.node).toBeNull();
      expect((await graphql(appB, BOOKING, { id, token: `${accessToken.slice(0, -1)}x` }, who)).data?.booking).toBeNull();
    }
    expect((await graphql(appB, BOOKING, { id, token: accessToken }, guest())).data?.booking).toMatchObject({ customerEmail: 'owner@example.com' });

    // Acting on it needs the link too; without it the booking "does not exist".
    expect((await graphql(appB, CANCEL, { id }, guest())).data?.cancelBooking).toEqual({ __typename: 'NotFoundError', id });
    expect((await graphql(appB, PAY, { input: { bookingId: id, idempotencyKey: 'k', card } }, guest())).data?.payForBooking.__typename).toBe('NotFoundError');
    const paid = await graphql(appA, PAY, { input: { bookingId: id, idempotencyKey: 'k', card, accessToken } }, guest());
    expect(paid.data?.payForBooking).toEqual({ __typename: 'PayForBookingSuccess', booking: { status: 'CONFIRMED' } });
    expect((await graphql(appB, CANCEL, { id, token: accessToken }, guest())).data?.cancelBooking.booking.status).toBe('CANCELLED');
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
    expect(await readMoneyLedger(testDatabaseUrl(), concert.id)).toEqual({ captured: 2_000, refunded: 2_000, confirmedPaid: 0, providerNet: 0 });
  });

  it('lets a partner read its own bookings, which record its key; a guest reads none of them', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const booked = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
    const id = booked.data?.bookTickets.booking.id;
    expect((await graphql(appB, BOOKING, { id })).data?.booking).toMatchObject({ id, status: 'CONFIRMED' });
    const [row] = await appA.db.select().from(bookings).where(eq(bookings.id, Buffer.from(id, 'base64').toString().split(':')[1]));
    expect(row.apiKeyId).not.toBeNull();
    expect((await graphql(appB, BOOKING, { id }, guest())).data?.booking).toBeNull();
  });
});

describe('holes a hostile client found, closed', () => {
  it('anonymous bookTickets (booking without payment) is refused and writes nothing', async () => {
    const { concert, concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const anonymous = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 10]]), guest());
    expect(anonymous.data?.bookTickets ?? null).toBeNull();
    expect(anonymous.errors?.[0]).toMatchObject({ message: expect.stringMatching(/bookings:write/), extensions: { code: 'UNAUTHENTICATED' } });
    const response = await appA.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: BOOK_TICKETS, variables: bookingInput(concertGid, [[tierGids[0], 10]]) }),
    });
    expect(response.status).toBe(401);
    expect(await appA.db.select().from(bookings).where(eq(bookings.concertId, concert.id))).toHaveLength(0);
  });

  it('a key that is wrong is refused outright, not treated as a guest', async () => {
    const { concertGid } = await createConcert(appA.db, [{ capacity: 10 }]);
    const response = await appA.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'ct_made_up' },
      body: JSON.stringify({ query: `query ($id: ID!) { concert(id: $id) { name } }`, variables: { id: concertGid } }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('idempotency keys are per caller: two guests with one key get two holds, and one cannot probe the other', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 10 }]);
    const key = `order-${randomUUID()}`;
    const input = bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key, customerEmail: 'first@example.com' });
    const first = await graphql(appA, HOLD, input, guest('guest-one-aaaaaaaaaaaa'));
    const copy = await graphql(appB, HOLD, input, guest('guest-two-bbbbbbbbbbbb'));
    const otherInput = await graphql(appB, HOLD, bookingInput(concertGid, [[tierGids[0], 2]], { idempotencyKey: key }), guest('guest-two-bbbbbbbbbbbb'));
    const retry = await graphql(appB, HOLD, input, guest('guest-one-aaaaaaaaaaaa'));
    expect(first.data?.holdTickets).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
    // Same key and input from someone else: their own hold, nothing about the first one's.
    expect(copy.data?.holdTickets).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
    expect(copy.data?.holdTickets.booking.id).not.toBe(first.data?.holdTickets.booking.id);
    expect(otherInput.data?.holdTickets.__typename).toBe('IdempotencyKeyReusedError');
    expect(retry.data?.holdTickets).toMatchObject({ replayed: true, booking: { id: first.data?.holdTickets.booking.id } });
    // A partner using the same key is a third caller.
    const partner = await graphql(appA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: key }));
    expect(partner.data?.bookTickets).toMatchObject({ __typename: 'BookTicketsSuccess', replayed: false });
    expect(await appA.db.select().from(bookings).where(like(bookings.idempotencyKey, `%/${key}`))).toHaveLength(3);
  });

  it('guests are limited in holds per address, counted across instances, with a retry-after', async () => {
    const { concertGid, tierGids } = await createConcert(appA.db, [{ capacity: 100 }]);
    // Two instances allowing 5 a minute each, one client address: 5 in all, not 5 per instance.
    const [first, second] = [0, 1].map(() => createTestApp({ trustProxy: true, holdQuota: { max: 5, windowMs: 60_000 } }));
    const address = randomAddress();
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          graphql(index % 2 ? first : second, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: `fan${index}@example.com` }), guest(undefined, address)),
        ),
      );
      const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
      expect(results.length - limited.length).toBe(5);
      expect(limited.length).toBe(7);
      expect(limited[0].errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});

it('encodes ids the way the web app reads them', () => {
  expect(encodeGlobalID('Booking', 'x')).toBe(Buffer.from('Booking:x').toString('base64'));
});
