import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { bookingInput, createTestApp, graphql } from '../support/test-app.ts';
import { connectWs, listening, watchAvailability, webSocketWithHeaders } from '../support/ws-client.ts';
import { BOOK, concertOfOrganizer, switchOperation } from '../organizer/operations.ts';

const app = createTestApp();
let organizer: TestAccount;
let guestSocket: Client;
let organizerSocket: Client;
beforeAll(async () => {
  const { port } = await app.start(0, '127.0.0.1');
  organizer = await signedInAccount(app, 'organizer');
  guestSocket = connectWs(port);
  organizerSocket = connectWs(port, { webSocketImpl: webSocketWithHeaders(organizer.headers) });
});
afterAll(async () => {
  await Promise.all([guestSocket.dispose(), organizerSocket.dispose()]);
  await app.stop();
});

const asOrganizer = () => ({ headers: organizer.headers });
const CANCEL = /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`;

describe('availabilityChanged for an unpublished concert', () => {
  it('reaches organizers only, with or without a concertId, until the concert is published again', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer);
    const book = async (quantity: number) => {
      const { data } = await graphql(app, BOOK, bookingInput(concertGid, [[tierGids[0], quantity]]));
      return data!.bookTickets.booking.id as string;
    };
    const first = await book(2);
    const second = await book(3);
    // Tickets still move after a concert is unpublished: bookings made before are cancelled.
    await graphql(app, switchOperation('unpublishConcert'), { concertId: concertGid }, asOrganizer());

    const guestConcertFeed = watchAvailability(guestSocket, concertGid);
    const guestEverythingFeed = watchAvailability(guestSocket);
    const organizerFeed = watchAvailability(organizerSocket, concertGid);
    await Promise.all([listening(app, concertGid, 2), listening(app)]);

    expect((await graphql(app, CANCEL, { id: first }, asOrganizer())).data?.cancelBooking.__typename).toBe('CancelBookingSuccess');
    await organizerFeed.until(() => organizerFeed.latest.get(tierGids[0]) === 97);
    // A later change to a published concert travels the same LISTEN connection: once the guests have
    // it, the unpublished concert's change would have reached them before it.
    const marker = await concertOfOrganizer(app, organizer);
    const markerFeed = watchAvailability(guestSocket, marker.concertGid);
    await listening(app, marker.concertGid);
    await graphql(app, BOOK, bookingInput(marker.concertGid, [[marker.tierGids[0], 1]]));
    await Promise.all([markerFeed.until(() => markerFeed.latest.has(marker.tierGids[0])), guestEverythingFeed.until(() => guestEverythingFeed.latest.has(marker.tierGids[0]))]);
    expect(guestConcertFeed.events).toEqual([]);
    expect(guestEverythingFeed.latest.has(tierGids[0])).toBe(false);
    markerFeed.close();

    await graphql(app, switchOperation('publishConcert'), { concertId: concertGid }, asOrganizer());
    expect((await graphql(app, CANCEL, { id: second }, asOrganizer())).data?.cancelBooking.__typename).toBe('CancelBookingSuccess');
    await guestConcertFeed.until(() => guestConcertFeed.latest.get(tierGids[0]) === 100);
    await guestEverythingFeed.until(() => guestEverythingFeed.latest.get(tierGids[0]) === 100);
    await organizerFeed.until(() => organizerFeed.latest.get(tierGids[0]) === 100);

    expect(organizerFeed.events.find((event) => event.id === tierGids[0])?.available).toBe(97);
    for (const feed of [guestConcertFeed, guestEverythingFeed, organizerFeed]) feed.close();
  });
});
