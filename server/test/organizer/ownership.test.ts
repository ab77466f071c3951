import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concerts, ticketTiers } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { BOOK_TICKETS, bookingInput, createTestApp, graphql } from '../support/test-app.ts';
import { listening, runOnce, webSocketWithHeaders } from '../support/ws-client.ts';
import { ADD_TIER, UPDATE_CONCERT, UPDATE_TIER, concertOfOrganizer, switchOperation } from './operations.ts';

// Organizer B against organizer A's concerts, over HTTP, the CSV route and graphql-ws: everything
// of A's that is not public answers B exactly as a concert that does not exist would.

const app = createTestApp();
let base: string;
let port: number;
let a: TestAccount;
let b: TestAccount;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
  base = `http://127.0.0.1:${port}`;
  [a, b] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'organizer')]);
});
afterAll(() => app.stop());

const as = (account: TestAccount) => ({ headers: account.headers });
/** A well-formed id that names no concert. */
const madeUp = () => encodeGlobalID('Concert', randomUUID());

/** A's concerts: one unpublished, one published with a booking in it. */
async function concertsOfA() {
  const hidden = await concertOfOrganizer(app, a, { publish: false });
  const open = await concertOfOrganizer(app, a, { tiers: [{ name: 'GA', priceCents: 2_000, capacity: 10 }] });
  const booked = await graphql(app, BOOK_TICKETS, bookingInput(open.concertGid, [[open.tierGids[0], 2]]));
  expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
  return { hidden, open, bookingId: booked.data!.bookTickets.booking.id as string };
}

const CONCERT = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { id cancellation { status } } node(id: $id) { id } availability(concertId: $id) { id } }`;
const CONCERTS = /* GraphQL */ `query ($mine: Boolean) { concerts(first: 500, mine: $mine) { edges { node { id } } } }`;

describe('reading another organizer’s concert', () => {
  it('B finds none of A’s unpublished concert, and only the public part of a published one; A sees both', async () => {
    const { hidden, open } = await concertsOfA();
    expect((await graphql(app, CONCERT, { id: hidden.concertGid }, as(b))).data).toEqual({ concert: null, node: null, availability: [] });
    expect((await graphql(app, CONCERT, { id: madeUp() }, as(b))).data).toEqual({ concert: null, node: null, availability: [] });
    const mine = (await graphql(app, CONCERT, { id: hidden.concertGid }, as(a))).data;
    expect(mine).toMatchObject({ concert: { id: hidden.concertGid, cancellation: null }, node: { id: hidden.concertGid }, availability: [{ id: hidden.tierGids[0] }] });

    const published = await graphql(app, CONCERT, { id: open.concertGid }, as(b));
    expect(published).toEqual({ data: { concert: { id: open.concertGid, cancellation: null }, node: { id: open.concertGid }, availability: [{ id: open.tierGids[0] }] } });

    const listed = async (account: TestAccount, mine = false) =>
      ((await graphql(app, CONCERTS, { mine }, as(account))).data!.concerts.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(await listed(b)).toContain(open.concertGid);
    expect(await listed(b)).not.toContain(hidden.concertGid);
    expect(await listed(a)).toEqual(expect.arrayContaining([open.concertGid, hidden.concertGid]));
    // The back office's list: one's own concerts only, published or not.
    expect(await listed(a, true)).toEqual(expect.arrayContaining([open.concertGid, hidden.concertGid]));
    expect(await listed(b, true)).toEqual([]);
  });
});

const CANCEL_CONCERT = /* GraphQL */ `mutation ($concertId: ID!) { cancelConcert(concertId: $concertId, reason: "No") { __typename ... on Error { message } } }`;

describe('changing another organizer’s concert', () => {
  it('is a NotFoundError for B, worded as for a made-up id, and writes nothing; A may', async () => {
    const { hidden, open } = await concertsOfA();
    const attempts = (concertGid: string, tierGid: string): [string, Record<string, unknown>][] => [
      [UPDATE_CONCERT, { id: concertGid, input: { name: 'Taken over' } }],
      [ADD_TIER, { concertId: concertGid, input: { name: 'Extra', priceCents: 1, capacity: 1 } }],
      [UPDATE_TIER, { id: tierGid, input: { capacity: 1 } }],
      [switchOperation('pauseSales'), { concertId: concertGid }],
      [switchOperation('publishConcert'), { concertId: concertGid }],
      [switchOperation('unpublishConcert'), { concertId: concertGid }],
      [CANCEL_CONCERT, { concertId: concertGid }],
    ];
    const answers = async (concertGid: string, tierGid: string) =>
      Promise.all(attempts(concertGid, tierGid).map(async ([query, variables]) => {
        const answer = await graphql(app, query, variables, as(b));
        expect(answer.errors).toBeUndefined();
        const { __typename, message } = Object.values(answer.data!)[0] as { __typename: string; message: string };
        return { __typename, message };
      }));
    const nothing = await answers(madeUp(), encodeGlobalID('TicketTier', randomUUID()));
    expect(nothing.every((answer) => answer.__typename === 'NotFoundError')).toBe(true);
    for (const concert of [hidden, open]) expect(await answers(concert.concertGid, concert.tierGids[0])).toEqual(nothing);

    for (const concert of [hidden, open]) {
      const id = databaseIdOf(concert.concertGid, 'Concert')!;
      const [row] = await app.db.select().from(concerts).where(eq(concerts.id, id));
      expect(row).toMatchObject({ name: 'Organizer test concert', salesPaused: false, cancelledAt: null, organizerId: a.id });
      expect(await app.db.select({ capacity: ticketTiers.capacity }).from(ticketTiers).where(eq(ticketTiers.concertId, id))).toEqual([{ capacity: concert === hidden ? 100 : 10 }]);
    }
    expect((await graphql(app, UPDATE_CONCERT, { id: open.concertGid, input: { name: 'Renamed by A' } }, as(a))).data?.updateConcert.__typename).toBe('ConcertChangeSuccess');
    expect((await graphql(app, CANCEL_CONCERT, { concertId: open.concertGid }, as(a))).data?.cancelConcert.__typename).toBe('CancelConcertSuccess');
    expect((await graphql(app, CONCERT, { id: open.concertGid }, as(a))).data?.concert.cancellation).toEqual({ status: 'RUNNING' });
    expect((await graphql(app, CONCERT, { id: open.concertGid }, as(b))).data?.concert.cancellation).toBeNull();
  });
});

const ORDERS = /* GraphQL */ `query ($concertId: ID) { orders(concertId: $concertId, first: 50) { edges { node { id } } } }`;
const BOOKING = /* GraphQL */ `query ($id: ID!) { booking(id: $id) { id } node(id: $id) { id } }`;
const CANCEL_BOOKING = /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`;
const ANALYTICS = /* GraphQL */ `query ($concertId: ID!) { salesAnalytics(concertId: $concertId) { totals { tickets } } }`;

describe('another organizer’s orders and figures', () => {
  it('B sees none of A’s orders, bookings or figures, and cannot cancel a booking; A can', async () => {
    const { open, bookingId } = await concertsOfA();
    const orderIds = async (account: TestAccount, concertId?: string) =>
      ((await graphql(app, ORDERS, { concertId }, as(account))).data!.orders.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(await orderIds(b, open.concertGid)).toEqual([]);
    expect(await orderIds(b)).not.toContain(bookingId);
    expect(await orderIds(a, open.concertGid)).toEqual([bookingId]);

    expect(await graphql(app, BOOKING, { id: bookingId }, as(b))).toEqual({ data: { booking: null, node: null } });
    expect((await graphql(app, BOOKING, { id: bookingId }, as(a))).data).toEqual({ booking: { id: bookingId }, node: { id: bookingId } });
    expect(await graphql(app, ANALYTICS, { concertId: open.concertGid }, as(b))).toEqual({ data: { salesAnalytics: null } });
    expect((await graphql(app, ANALYTICS, { concertId: open.concertGid }, as(a))).data).toEqual({ salesAnalytics: { totals: { tickets: 2 } } });

    expect((await graphql(app, CANCEL_BOOKING, { id: bookingId }, as(b))).data?.cancelBooking).toEqual({ __typename: 'NotFoundError' });
    expect((await graphql(app, CANCEL_BOOKING, { id: bookingId }, as(a))).data?.cancelBooking).toEqual({ __typename: 'CancelBookingSuccess' });
  });

  it('the CSV export of A’s concert is a 404 for B, word for word as for no concert; a 200 for A', async () => {
    const { open } = await concertsOfA();
    const csv = async (concertGid: string, account: TestAccount) => {
      const response = await fetch(`${base}/organizer/concerts/${encodeURIComponent(concertGid)}/orders.csv`, { headers: account.headers });
      return { status: response.status, body: await response.text() };
    };
    const none = await csv(madeUp(), b);
    expect(none.status).toBe(404);
    expect(await csv(open.concertGid, b)).toEqual(none);
    const mine = await csv(open.concertGid, a);
    expect(mine.status).toBe(200);
    expect(mine.body.trim().split('\r\n')).toHaveLength(2);
  });
});

const API_KEYS = /* GraphQL */ `query { apiKeys { id } }`;
const CREATE_KEY = /* GraphQL */ `mutation { createApiKey(input: { name: "A's partner", scopes: [CATALOGUE_READ] }) { ... on CreateApiKeySuccess { apiKey { id } } } }`;
const REVOKE_KEY = /* GraphQL */ `mutation ($id: ID!) { revokeApiKey(id: $id) { __typename ... on RevokeApiKeySuccess { apiKey { enabled } } } }`;

describe('API keys', () => {
  it('are listed and revoked by the organizer who made them only', async () => {
    const keyId = (await graphql(app, CREATE_KEY, {}, as(a))).data!.createApiKey.apiKey.id as string;
    const ids = async (account: TestAccount) => ((await graphql(app, API_KEYS, {}, as(account))).data!.apiKeys as { id: string }[]).map((key) => key.id);
    expect(await ids(a)).toContain(keyId);
    expect(await ids(b)).not.toContain(keyId);
    expect((await graphql(app, REVOKE_KEY, { id: keyId }, as(b))).data?.revokeApiKey).toEqual({ __typename: 'NotFoundError' });
    expect((await graphql(app, REVOKE_KEY, { id: keyId }, as(a))).data?.revokeApiKey).toEqual({ __typename: 'RevokeApiKeySuccess', apiKey: { enabled: false } });
  });
});

describe('salesAnalyticsChanged over graphql-ws', () => {
  const SUBSCRIPTION = /* GraphQL */ `subscription ($concertId: ID!) { salesAnalyticsChanged(concertId: $concertId) { totals { tickets } } }`;
  const clients: Client[] = [];
  const connect = (account: TestAccount) => {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: webSocketWithHeaders(account.headers), lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
    clients.push(client);
    return client;
  };
  afterAll(() => Promise.all(clients.map((client) => client.dispose())));

  it('refuses B as for a made-up concert, while A receives the figures', async () => {
    const { open } = await concertsOfA();
    const received = runOnce(connect(a), { query: SUBSCRIPTION, variables: { concertId: open.concertGid } });
    await listening(app, open.concertGid);
    const refused = await runOnce(connect(b), { query: SUBSCRIPTION, variables: { concertId: open.concertGid } });
    const nothing = await runOnce(connect(b), { query: SUBSCRIPTION, variables: { concertId: madeUp() } });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((error) => error.message)).toEqual(nothing.errors?.map((error) => error.message));
    expect(refused.errors?.length).toBeGreaterThan(0);

    expect((await graphql(app, BOOK_TICKETS, bookingInput(open.concertGid, [[open.tierGids[0], 3]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect((await received).data).toEqual({ salesAnalyticsChanged: { totals: { tickets: 5 } } });
  });
});
