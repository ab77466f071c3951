import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/db/schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger, readMoneyLedger } from '../support/ledger.ts';
import { seedOrders } from '../support/orders-seed.ts';
import { bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';

const app = createTestApp();
let organizer: TestAccount;
let shopper: TestAccount;
beforeAll(async () => {
  [organizer, shopper] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'shopper')]);
});
afterAll(() => app.stop());

const ORDERS = /* GraphQL */ `
  query Orders($concertId: ID, $search: String, $status: [BookingStatus!], $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $from, createdTo: $to, first: $first, after: $after) {
      edges { cursor node { id orderCode customerEmail status createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
type Page = { edges: { node: { id: string; orderCode: string; customerEmail: string; status: string; createdAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };

const asOrganizer = () => ({ headers: organizer.headers });
async function orders(variables: Record<string, unknown>) {
  const result = await graphql<{ orders: Page }>(app, ORDERS, variables, asOrganizer());
  expect(result.errors).toBeUndefined();
  return result.data!.orders;
}
const gid = (id: string) => encodeGlobalID('Booking', id);

describe('orders (organizer back office)', () => {
  it('is refused to a guest, a shopper and a partner', async () => {
    const { concertGid } = await createConcert(app.db, [{ capacity: 5 }], undefined, organizer.id);
    const guest = await graphql(app, ORDERS, { concertId: concertGid }, { headers: {} });
    expect(guest.data ?? null).toBeNull();
    expect(guest.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const as of [{ headers: shopper.headers }, undefined]) {
      const refused = await graphql(app, ORDERS, { concertId: concertGid }, as);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'Query.orders needs an organizer', extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('finds an order by its code in any case, and by an email or its beginning in any case', async () => {
    const { concert, tiers } = await createConcert(app.db, [{ capacity: 100 }], undefined, organizer.id);
    const ids = await seedOrders(app, {
      concertId: concert.id, tierId: tiers[0].id, count: 4, from: new Date('2029-05-01T10:00:00Z'),
      email: (i) => ['Ann.Lee@Example.com', 'annie@example.com', 'bob@example.com', 'a_b%c@example.com'][i],
    });
    const [{ orderCode }] = await app.db.select({ orderCode: bookings.orderCode }).from(bookings).where(eq(bookings.id, ids[2]));
    const concertId = encodeGlobalID('Concert', concert.id);
    const emails = async (search: string) => (await orders({ concertId, search })).edges.map((edge) => edge.node.customerEmail);

    expect((await orders({ search: orderCode.toLowerCase() })).edges.map((edge) => edge.node.id)).toEqual([gid(ids[2])]);
    expect(await emails(` ${orderCode} `)).toEqual(['bob@example.com']);
    expect(await emails('ann')).toEqual(['annie@example.com', 'Ann.Lee@Example.com']);
    expect(await emails('ANN.LEE@EXAMPLE.COM')).toEqual(['Ann.Lee@Example.com']);
    // LIKE's wildcards in the search are the characters themselves.
    expect(await emails('a_b%')).toEqual(['a_b%c@example.com']);
    expect(await emails('a%')).toEqual([]);
    expect(await emails('nobody')).toEqual([]);
  });

  it('filters by status and by when the order was placed (from inclusive, to exclusive)', async () => {
    const { concert, tiers } = await createConcert(app.db, [{ capacity: 100 }], undefined, organizer.id);
    const from = new Date('2029-06-01T00:00:00Z');
    const confirmed = await seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count: 5, from, stepMs: 60_000 });
    const cancelled = await seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count: 2, from: new Date('2029-06-01T00:00:30Z'), stepMs: 60_000, status: 'CANCELLED' });
    const concertId = encodeGlobalID('Concert', concert.id);
    const ids = async (variables: Record<string, unknown>) => (await orders({ concertId, ...variables })).edges.map((edge) => edge.node.id);

    expect(await ids({ status: ['CANCELLED'] })).toEqual([...cancelled].reverse().map(gid));
    expect(await ids({ status: ['CONFIRMED', 'CANCELLED'] })).toHaveLength(7);
    expect(await ids({ status: [] })).toEqual([]);
    // 00:01:00 up to (not including) 00:03:00: confirmed #1 and #2, cancelled #1 (00:01:30).
    expect(await ids({ from: '2029-06-01T00:01:00Z', to: '2029-06-01T00:03:00Z' })).toEqual([confirmed[2], cancelled[1], confirmed[1]].map(gid));
    expect(await ids({ from: '2029-06-01T00:01:00Z', to: '2029-06-01T00:03:00Z', status: ['CONFIRMED'] })).toEqual([confirmed[2], confirmed[1]].map(gid));
  });

  it('pages newest first without repeating or skipping an order, also among orders of the same millisecond and while new ones arrive', async () => {
    const { concert, tiers } = await createConcert(app.db, [{ capacity: 1_000 }], undefined, organizer.id);
    const seed = (count: number, from: Date, stepMs: number) => seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count, from, stepMs });
    // 60 orders in 3 milliseconds: ties everywhere, broken by id.
    const first = await seed(60, new Date('2029-07-01T00:00:00Z'), 0);
    await seed(30, new Date('2029-07-01T00:00:00.001Z'), 0);
    await seed(30, new Date('2029-07-01T00:00:00.002Z'), 0);
    const all = await app.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.concertId, concert.id));
    expect(first).toHaveLength(60);

    const concertId = encodeGlobalID('Concert', concert.id);
    const seen: Page['edges'] = [];
    let after: string | undefined;
    for (let page = 0; ; page += 1) {
      const result = await orders({ concertId, first: 25, after });
      seen.push(...result.edges);
      // Newer orders arriving meanwhile do not move the pages still to come.
      if (page === 1) await seed(10, new Date('2029-07-02T00:00:00Z'), 0);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    const ids = seen.map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(all.map((row) => gid(row.id)).sort());
    const times = seen.map((edge) => Date.parse(edge.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it(`answers at most 50 orders a page, however many are asked for`, async () => {
    const { concert, tiers } = await createConcert(app.db, [{ capacity: 100 }], undefined, organizer.id);
    await seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count: 60, from: new Date('2029-08-01T00:00:00Z') });
    const page = await orders({ concertId: encodeGlobalID('Concert', concert.id), first: 500 });
    expect(page.edges).toHaveLength(50);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id } } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename ... on PayForBookingSuccess { payment { status } } } }`;
const DETAIL = /* GraphQL */ `
  query ($id: ID!) { booking(id: $id) { orderCode customerEmail status items { quantity } payments { status amount { cents } refunded { cents } } emails { kind } } }`;
const CANCEL = /* GraphQL */ `
  mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename ... on CancelBookingSuccess { booking { status } refunded { cents } } ... on NotFoundError { id } } }`;

describe("an organizer and one order's detail", () => {
  it("sees a shopper's order in full, cancels it and refunds it; the ledgers stay exact", async () => {
    const { concert, concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10, priceCents: 2_500 }], undefined, organizer.id);
    const held = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 2]], { customerEmail: shopper.email }), { headers: shopper.headers });
    const id = held.data!.holdTickets.booking.id as string;
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
    const paid = await graphql(app, PAY, { input: { bookingId: id, idempotencyKey: crypto.randomUUID(), card } }, { headers: shopper.headers });
    expect(paid.data?.payForBooking.payment.status).toBe('SUCCEEDED');

    // Another shopper neither sees nor cancels it; the organizer does both.
    const stranger = await signedInAccount(app, 'shopper');
    expect((await graphql(app, DETAIL, { id }, { headers: stranger.headers })).data?.booking).toBeNull();
    expect((await graphql(app, CANCEL, { id }, { headers: stranger.headers })).data?.cancelBooking).toEqual({ __typename: 'NotFoundError', id });
    const detail = await graphql(app, DETAIL, { id }, asOrganizer());
    expect(detail.data?.booking).toMatchObject({
      customerEmail: shopper.email, status: 'CONFIRMED', items: [{ quantity: 2 }], payments: [{ status: 'SUCCEEDED', amount: { cents: 5_000 } }],
    });
    expect(detail.data?.booking.emails.map((email: { kind: string }) => email.kind)).toContain('CONFIRMATION');

    const cancelled = await graphql(app, CANCEL, { id }, asOrganizer());
    expect(cancelled.data?.cancelBooking).toEqual({ __typename: 'CancelBookingSuccess', booking: { status: 'CANCELLED' }, refunded: { cents: 5_000 } });
    const after = await graphql(app, DETAIL, { id }, asOrganizer());
    expect(after.data?.booking.payments).toEqual([{ status: 'REFUNDED', amount: { cents: 5_000 }, refunded: { cents: 5_000 } }]);
    expect(after.data?.booking.emails.map((email: { kind: string }) => email.kind)).toContain('CANCELLATION');
    expect(await readLedger(testDatabaseUrl(), concert.id)).toMatchObject([{ available: 10, booked: 0 }]);
    expect(await readMoneyLedger(testDatabaseUrl(), concert.id)).toEqual({ captured: 5_000, refunded: 5_000, confirmedPaid: 0, providerNet: 0 });
    const rows = await app.db.select({ status: bookings.status }).from(bookings).where(inArray(bookings.concertId, [concert.id]));
    expect(rows).toEqual([{ status: 'CANCELLED' }]);
  });
});
