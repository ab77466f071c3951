import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/db/schema.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql } from './support/test-app.ts';

const app = createTestApp();
afterAll(() => app.stop());

async function snapshot(concertId: string) {
  const tiers = await app.db.query.ticketTiers.findMany({ where: { concertId }, orderBy: { position: 'asc' } });
  const booked = await app.db.select().from(bookings).where(eq(bookings.concertId, concertId));
  return { available: tiers.map((tier) => tier.available), bookings: booked.length };
}

describe('bookTickets all-or-nothing', () => {
  it('books every item of a multi-tier order', async () => {
    const { concert, concertGid, tierGids } = await createConcert(app.db, [
      { capacity: 10, priceCents: 10_000 },
      { capacity: 10, priceCents: 5_000 },
      { capacity: 10, priceCents: 1_000 },
    ]);
    const result = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1], [tierGids[1], 2], [tierGids[2], 3]]));
    expect(result.data?.bookTickets).toMatchObject({
      __typename: 'BookTicketsSuccess',
      booking: { status: 'CONFIRMED', total: { cents: 23_000, currency: 'USD' } },
    });
    expect(await snapshot(concert.id)).toEqual({ available: [9, 8, 7], bookings: 1 });
  });

  it('books nothing when one item cannot be served, and names that tier', async () => {
    const { concert, concertGid, tierGids } = await createConcert(app.db, [
      { capacity: 10 },
      { name: 'Front Row', capacity: 10, available: 1 },
    ]);
    const result = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 4], [tierGids[1], 2]]));
    expect(result.data?.bookTickets).toEqual({
      __typename: 'SoldOutError',
      message: 'Only 1 Front Row ticket left; 2 requested',
      tierId: tierGids[1],
      requested: 2,
      available: 1,
    });
    expect(await snapshot(concert.id)).toEqual({ available: [10, 1], bookings: 0 });
  });
});

describe('bookTickets refuses bad input with a typed error and writes nothing', () => {
  it.each([
    ['quantity 0', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 0]]), 'ValidationError', 'items[0].quantity'],
    ['quantity 11', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 11]]), 'ValidationError', 'items[0].quantity'],
    ['negative quantity', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], -3]]), 'ValidationError', 'items[0].quantity'],
    ['no items', (c: Fixture) => bookingInput(c.concertGid, []), 'ValidationError', 'items'],
    ['a repeated tier', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 1], [c.tierGids[1], 1], [c.tierGids[0], 1]]), 'ValidationError', 'items[2].tierId'],
    ['a tier of another concert', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 1], [c.otherTierGid, 1]]), 'ValidationError', 'items[1].tierId'],
    ['a malformed email', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 1]], { customerEmail: 'not-an-email' }), 'ValidationError', 'customerEmail'],
    ['an empty key', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 1]], { idempotencyKey: '' }), 'ValidationError', 'idempotencyKey'],
    ['a 256-character key', (c: Fixture) => bookingInput(c.concertGid, [[c.tierGids[0], 1]], { idempotencyKey: 'k'.repeat(256) }), 'ValidationError', 'idempotencyKey'],
    ['an unknown concert', (c: Fixture) => bookingInput(encodeGlobalID('Concert', crypto.randomUUID()), [[c.tierGids[0], 1]]), 'NotFoundError', null],
    ['an unknown tier', (c: Fixture) => bookingInput(c.concertGid, [[encodeGlobalID('TicketTier', crypto.randomUUID()), 1]]), 'NotFoundError', null],
    ['a garbage concert id', (c: Fixture) => bookingInput('no-such-concert', [[c.tierGids[0], 1]]), 'NotFoundError', null],
    ['a tier id given as concert id', (c: Fixture) => bookingInput(c.tierGids[0], [[c.tierGids[0], 1]]), 'NotFoundError', null],
  ])('%s', async (_name, makeInput, typename, field) => {
    const fixture = await makeFixture();
    const before = await snapshot(fixture.concert.id);
    const result = await graphql(app, BOOK_TICKETS, makeInput(fixture));
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookTickets.__typename).toBe(typename);
    expect(result.data?.bookTickets.message).toEqual(expect.any(String));
    if (typename === 'ValidationError') expect(result.data?.bookTickets.field).toBe(field);
    expect(await snapshot(fixture.concert.id)).toEqual(before);
    expect(await snapshot(fixture.other.id)).toEqual({ available: [10], bookings: 0 });
  });

  it('answers a wrongly typed variable with a GraphQL error, not a 500', async () => {
    const fixture = await makeFixture();
    const input = bookingInput(fixture.concertGid, [[fixture.tierGids[0], 1]]);
    const response = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: BOOK_TICKETS, variables: { input: { ...input.input, items: [{ tierId: fixture.tierGids[0], quantity: 'two' }] } } }),
    });
    expect(response.status).toBeLessThan(500);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/Int/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

type Fixture = Awaited<ReturnType<typeof makeFixture>>;
async function makeFixture() {
  const own = await createConcert(app.db, [{ capacity: 10 }, { capacity: 10 }]);
  const other = await createConcert(app.db, [{ capacity: 10 }], 'Another concert');
  return { ...own, other: other.concert, otherTierGid: other.tierGids[0] };
}
