import { describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import type { Client, SubscribePayload, Sink } from 'graphql-ws';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { DashboardAvailabilityDocument } from './gql/graphql';
import { createPersistedDocumentsLink, documentHash } from './persistedDocuments';
import { createWsLink } from './wsLink';

// Stands in for graphql-ws: records payloads and answers with `respond`.
function fakeWsClient(respond: (payload: SubscribePayload, sink: Sink) => void) {
  const payloads: SubscribePayload[] = [];
  const client = {
    subscribe(payload: SubscribePayload, sink: Sink) {
      payloads.push(payload);
      respond(payload, sink);
      return () => undefined;
    },
  } as unknown as Client;
  return { client, payloads };
}

const event = {
  data: { availabilityChanged: { __typename: 'TicketTier', id: 'T1', available: 9, capacity: 10 } },
};

function subscribeOnce(client: Client) {
  const apollo = new ApolloClient({
    link: ApolloLink.from([createPersistedDocumentsLink(), createWsLink(client)]),
    cache: new InMemoryCache(),
  });
  return firstValueFrom(
    apollo.subscribe({ query: DashboardAvailabilityDocument }).pipe(filter((result) => result.data != null)),
  );
}

describe('createWsLink', () => {
  it('subscribes by hash with an empty query', async () => {
    const { client, payloads } = fakeWsClient((_payload, sink) => sink.next(event));
    const result = await subscribeOnce(client);
    expect(result.data?.availabilityChanged.available).toBe(9);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.query).toBe('');
    expect(payloads[0]?.extensions).toMatchObject({
      persistedQuery: { version: 1, sha256Hash: documentHash(DashboardAvailabilityDocument) },
    });
  });

  it('resends the text when the server does not know the hash', async () => {
    const { client, payloads } = fakeWsClient((payload, sink) => {
      if (payload.query) sink.next(event);
      else sink.error([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    });
    await subscribeOnce(client);
    expect(payloads.map((payload) => payload.query === '')).toEqual([true, false]);
    expect(payloads[1]?.query).toMatch(/subscription DashboardAvailability/);
  });
});
