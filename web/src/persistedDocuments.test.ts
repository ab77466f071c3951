import { describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import persisted from './gql/persisted-documents.json';
import { BookingDocument } from './gql/graphql';
import { createPersistedDocumentsLink, documentHash } from './persistedDocuments';

const bookingResponse = { data: { __typename: 'Query', viewer: null, booking: null } };

function clientWith(respond: (body: Record<string, unknown>) => unknown) {
  const bodies: Record<string, unknown>[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push(body);
    const result = respond(body) as { errors?: unknown };
    // Like graphql-yoga: request errors are a 400 with a GraphQL response body.
    return new Response(JSON.stringify(result), {
      status: result.errors ? 400 : 200,
      headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' },
    });
  };
  const link = ApolloLink.from([createPersistedDocumentsLink(), new HttpLink({ uri: '/graphql', fetch })]);
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), bodies };
}

describe('persisted documents', () => {
  it('sends the manifest hash and no document text', async () => {
    const { client, bodies } = clientWith(() => bookingResponse);
    await client.query({ query: BookingDocument, variables: { id: 'B1' } });
    const hash = documentHash(BookingDocument);
    expect(Object.keys(persisted)).toContain(`sha256:${hash}`);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toHaveProperty('query');
    expect(bodies[0]).toMatchObject({
      operationName: 'Booking',
      variables: { id: 'B1' },
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
  });

  it('falls back to the full text when the server does not know the hash', async () => {
    const { client, bodies } = clientWith((body) =>
      body.query ? bookingResponse : { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
    );
    const result = await client.query({ query: BookingDocument, variables: { id: 'B1' } });
    expect(result.data?.booking).toBeNull();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]?.query).toMatch(/query Booking/);
  });

  it('stops hashing for a server without persisted operations', async () => {
    const { client, bodies } = clientWith((body) =>
      body.query ? bookingResponse : { errors: [{ message: 'Must provide query string.' }] },
    );
    await client.query({ query: BookingDocument, variables: { id: 'B1' } });
    await client.query({ query: BookingDocument, variables: { id: 'B2' } });
    expect(bodies.map((body) => typeof body.query)).toEqual(['undefined', 'string', 'string']);
  });
});
