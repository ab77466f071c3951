import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { bookingInput, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { ADD_TIER, BOOK, CREATE_CONCERT, HOLD_TICKETS, HOUR, UPDATE_CONCERT, UPDATE_TIER, concertOfOrganizer, switchOperation } from './operations.ts';

const app = createTestApp();
let organizer: TestAccount;
let shopper: TestAccount;
beforeAll(async () => {
  [organizer, shopper] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app)]);
});
afterAll(() => app.stop());

const asOrganizer = () => ({ headers: organizer.headers });
const CATALOGUE = /* GraphQL */ `
  query ($id: ID!) {
    concerts(first: 100) { edges { node { id } } }
    concert(id: $id) { id salesStatus }
    node(id: $id) { id }
    availability(concertId: $id) { id }
  }
`;
const dbId = (gid: string) => databaseIdOf(gid, 'Concert')!;

describe('creating and publishing a concert', () => {
  it('creates it unpublished, hidden from guests, shoppers and partners until published', async () => {
    const { concertGid, concert } = await concertOfOrganizer(app, organizer, { publish: false });
    expect(concert).toMatchObject({ published: false, salesStatus: 'ON_SALE', onSaleAt: null, tiers: [{ name: 'GA', capacity: 100, available: 100, price: { cents: 5_000 } }] });

    const seenBy = async (headers?: Record<string, string>) => {
      const { data } = await graphql(app, CATALOGUE, { id: concertGid }, headers ? { headers } : undefined);
      return {
        listed: data!.concerts.edges.some((edge: { node: { id: string } }) => edge.node.id === concertGid),
        concert: Boolean(data!.concert),
        node: Boolean(data!.node),
        tiers: data!.availability.length,
      };
    };
    const hidden = { listed: false, concert: false, node: false, tiers: 0 };
    const visible = { listed: true, concert: true, node: true, tiers: 1 };
    expect(await seenBy({})).toEqual(hidden);
    expect(await seenBy(shopper.headers)).toEqual(hidden);
    expect(await seenBy()).toEqual(hidden); // the test partner key
    expect(await seenBy(organizer.headers)).toEqual(visible);
    // Nobody can hold an unpublished concert: to shoppers it does not exist.
    const hold = await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[concert.tiers[0].id, 1]]), { headers: {} });
    expect(hold.data?.holdTickets.__typename).toBe('NotFoundError');

    await graphql(app, switchOperation('publishConcert'), { concertId: concertGid }, asOrganizer());
    expect(await seenBy({})).toEqual(visible);
    expect(await seenBy()).toEqual(visible);
    const held = await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[concert.tiers[0].id, 1]]), { headers: {} });
    expect(held.data?.holdTickets.__typename).toBe('HoldTicketsSuccess');

    await graphql(app, switchOperation('unpublishConcert'), { concertId: concertGid }, asOrganizer());
    expect(await seenBy({})).toEqual(hidden);
  });

  it('refuses input that breaks a rule, naming the field, and writes nothing', async () => {
    const base = { name: 'Rules', venue: 'Hall', timeZone: 'Europe/Paris', startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), tiers: [{ name: 'GA', priceCents: 100, capacity: 10 }] };
    const refused = async (input: Record<string, unknown>) => (await graphql(app, CREATE_CONCERT, { input: { ...base, ...input } }, asOrganizer())).data?.createConcert;
    expect(await refused({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ __typename: 'ValidationError', field: 'timeZone' });
    expect(await refused({ timeZone: '+02:00' })).toMatchObject({ __typename: 'ValidationError', field: 'timeZone' });
    expect(await refused({ startsAt: new Date(Date.now() - HOUR).toISOString() })).toMatchObject({ __typename: 'ValidationError', field: 'startsAt' });
    expect(await refused({ onSaleAt: new Date(Date.now() + 72 * HOUR).toISOString() })).toMatchObject({ __typename: 'ValidationError', field: 'onSaleAt' });
    expect(await refused({ tiers: [] })).toMatchObject({ __typename: 'ValidationError', field: 'tiers' });
    expect(await refused({ tiers: [{ name: 'GA', priceCents: -1, capacity: 10 }] })).toMatchObject({ __typename: 'ValidationError', field: 'tiers[0].priceCents' });
    expect(await refused({ holdMinutes: 0 })).toMatchObject({ __typename: 'ValidationError', field: 'holdMinutes' });
  });

  it('updates only the fields given, and clears onSaleAt and the per-order limit with null', async () => {
    const { concertGid } = await concertOfOrganizer(app, organizer);
    const onSaleAt = new Date(Date.now() + HOUR).toISOString();
    const update = (input: Record<string, unknown>) => graphql(app, UPDATE_CONCERT, { id: concertGid, input }, asOrganizer());
    const first = await update({ name: 'Renamed', onSaleAt, maxTicketsPerOrder: 4 });
    expect(first.data?.updateConcert.concert).toMatchObject({ name: 'Renamed', onSaleAt, maxTicketsPerOrder: 4, salesStatus: 'NOT_YET_ON_SALE' });
    const second = await update({ onSaleAt: null, maxTicketsPerOrder: null, name: null });
    expect(second.data?.updateConcert.concert).toMatchObject({ name: 'Renamed', onSaleAt: null, maxTicketsPerOrder: null, salesStatus: 'ON_SALE' });
    const missing = await graphql(app, UPDATE_CONCERT, { id: 'Q29uY2VydDpub3BlCg', input: { name: 'x' } }, asOrganizer());
    expect(missing.data?.updateConcert.__typename).toBe('NotFoundError');
  });

  it('limits the tickets of one order when the concert sets a limit', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer, {
      input: { maxTicketsPerOrder: 3 },
      tiers: [{ name: 'A', priceCents: 100, capacity: 10 }, { name: 'B', priceCents: 100, capacity: 10 }],
    });
    const tooMany = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 2], [tierGids[1], 2]]));
    expect(tooMany.data?.bookTickets).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('At most 3 tickets per order') });
    const enough = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 2], [tierGids[1], 1]]));
    expect(enough.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
  });
});

describe('changing a tier', () => {
  it('refuses a capacity below what is sold and held, lowers it down to exactly that, raises it, and keeps the ledger exact', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer, { tiers: [{ name: 'GA', priceCents: 1_000, capacity: 10 }] });
    expect((await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 3]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect((await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]), { headers: {} })).data?.holdTickets.__typename).toBe('HoldTicketsSuccess');

    const resize = (capacity: number) => graphql(app, UPDATE_TIER, { id: tierGids[0], input: { capacity } }, asOrganizer());
    expect((await resize(4)).data?.updateTier).toMatchObject({ __typename: 'CapacityBelowSoldError', sold: 3, held: 2, requested: 4 });
    expect((await readLedger(testDatabaseUrl(), dbId(concertGid)))[0]).toMatchObject({ capacity: 10, available: 5, booked: 5 });

    expect((await resize(5)).data?.updateTier.tier).toMatchObject({ capacity: 5, available: 0 });
    const soldOut = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]));
    expect(soldOut.data?.bookTickets.__typename).toBe('SoldOutError');
    expect((await resize(25)).data?.updateTier.tier).toMatchObject({ capacity: 25, available: 20 });
    const [tier] = await readLedger(testDatabaseUrl(), dbId(concertGid));
    expect(tier).toMatchObject({ capacity: 25, available: 20, booked: 5 });
    expect(tier.capacity - tier.available).toBe(tier.booked);
  });

  it('prices new bookings at a new price while earlier bookings keep theirs', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer, { tiers: [{ name: 'GA', priceCents: 1_000, capacity: 10 }] });
    const before = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 2]]));
    const changed = await graphql(app, UPDATE_TIER, { id: tierGids[0], input: { priceCents: 1_500, name: 'General' } }, asOrganizer());
    expect(changed.data?.updateTier.tier).toMatchObject({ name: 'General', price: { cents: 1_500 }, capacity: 10, available: 8 });
    const after = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], 2]]));
    expect(after.data?.bookTickets.booking).toMatchObject({ total: { cents: 3_000 }, items: [{ unitPrice: { cents: 1_500 } }] });
    const earlier = await graphql(app, /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Booking { total { cents } items { unitPrice { cents } } } } }`, {
      id: before.data?.bookTickets.booking.id,
    });
    expect(earlier.data?.node).toEqual({ total: { cents: 2_000 }, items: [{ unitPrice: { cents: 1_000 } }] });
  });

  it('adds a tier after the others, with all of its capacity available', async () => {
    const { concertGid } = await concertOfOrganizer(app, organizer);
    const added = await graphql(app, ADD_TIER, { concertId: concertGid, input: { name: 'VIP', priceCents: 20_000, capacity: 5 } }, asOrganizer());
    expect(added.data?.addTier.tier).toMatchObject({ name: 'VIP', capacity: 5, available: 5, price: { cents: 20_000 } });
    const { data } = await graphql(app, /* GraphQL */ `query ($id: ID!) { concert(id: $id) { tiers { name } } }`, { id: concertGid });
    expect(data?.concert.tiers.map((tier: { name: string }) => tier.name)).toEqual(['GA', 'VIP']);
    const book = await graphql(app, BOOK, bookingInput(concertGid, [[added.data?.addTier.tier.id, 1]]));
    expect(book.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
  });
});
