import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { guestId } from './auth/guestId';
import { closeKind, createConnectionStateStore } from './connectionState';
import { createPersistedDocumentsLink } from './persistedDocuments';
import generatedPossibleTypes from './gql/possible-types';
import { createWsLink } from './wsLink';

// Same origin as the page: Vite proxies /graphql in development, the server
// serves both the app and the API in production.
export function graphqlWsUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/graphql`;
}

// A browser cannot set headers on a WebSocket upgrade: the guest id goes in graphql-ws's
// connectionParams, which the server reads as x-guest-id (server/src/http/graphql-ws.ts). Read
// on every (re)connect, so a socket always speaks for the same guest as the page's HTTP requests.
export function wsConnectionParams(): Record<string, string> {
  return { 'x-guest-id': guestId() };
}

// Exponential backoff (0.5 s doubling to a 30 s cap), each wait drawn between
// half and all of it, so a fleet of browsers that lost the server together
// does not reconnect in lockstep when it comes back.
export function retryDelay(retries: number): number {
  const ceiling = Math.min(30_000, 500 * 2 ** retries);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

// Shared with component tests so they run against the app's cache rules.
export function createCache() {
  return new InMemoryCache({
    possibleTypes: generatedPossibleTypes.possibleTypes,
    typePolicies: {
      // One status per concert: every tick pushed on waitingRoomStatusChanged replaces it in place,
      // so the waiting room and the organizer's figures redraw without hand-written cache updates.
      WaitingRoomStatus: { keyFields: ['concertId'] },
      // The organizer's view of the same room: a rate change's answer updates the page's settings.
      WaitingRoomAdmin: { keyFields: ['status', ['concertId']] },
      // The same room's settings have no id of their own: an answer's fields merge into them.
      WaitingRoomSettings: { merge: true },
      // A concert's room facts have no id either: the waiting room's query (admissionMinutes) must not
      // wipe what the concert page read (enabled), or that page reloads instead of drawing from cache.
      ConcertWaitingRoom: { merge: true },
      Query: {
        fields: {
          // `first` is part of the key so the catalogue's short pages and the
          // dashboard's larger ones are separate lists; both page with `after`.
          concerts: relayStylePagination(['first']),
          // One list per signed-in shopper; signing in or out resets the store.
          myBookings: relayStylePagination(),
          // The back office's orders: one list per concert and filter, paged with `after`.
          orders: relayStylePagination(['concertId', 'search', 'status', 'createdFrom', 'createdTo', 'first']),
        },
      },
    },
  });
}

export function createApolloClient() {
  const connection = createConnectionStateStore();

  const wsClient = createClient({
    url: graphqlWsUrl(window.location),
    connectionParams: wsConnectionParams,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Any drop (server restart, proxy idle timeout, laptop sleep) is worth
    // retrying; by default a socket error, unlike a close, is not retried.
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    // Moving between pages swaps one subscription for another; keeping the
    // socket a moment avoids a close and reconnect on every navigation.
    lazyCloseTimeout: 3_000,
    on: {
      connecting: () => connection.connecting(),
      connected: () => connection.connected(),
      closed: (event) => connection.closed(closeKind(event)),
    },
  });

  const link = ApolloLink.from([
    createPersistedDocumentsLink(),
    ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      createWsLink(wsClient),
      // Same origin only: the session cookie goes along, and no other site's page can make it.
      // x-guest-id keeps a guest's idempotency keys its own when it shares an address with others.
      new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'x-guest-id': guestId() } }),
    ),
  ]);

  const client = new ApolloClient({
    link,
    cache: createCache(),
  });

  // Events published while the socket was down are gone; re-read what is on
  // screen once it is back so the numbers are not silently stale.
  let missedEvents = false;
  wsClient.on('closed', (event) => {
    if (closeKind(event) !== 'idle') missedEvents = true;
  });
  wsClient.on('connected', () => {
    if (missedEvents) void client.refetchQueries({ include: 'active' });
    missedEvents = false;
  });

  return { client, connection };
}
