// A second client that is not the browser: plain HTTP POSTs, the way a
// partner app or another shopper's tab would reach the API.

import { inject } from 'vitest';

export async function graphqlRequest<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export interface ApiTier {
  id: string;
  name: string;
  available: number;
  capacity: number;
}

export interface ApiConcert {
  id: string;
  name: string;
  tiers: ApiTier[];
}

const CONCERT_FIELDS = /* GraphQL */ `
  fragment E2EConcert on Concert {
    id
    name
    tiers {
      id
      name
      available
      capacity
    }
  }
`;

// The whole catalogue in its order, page by page (tests add concerts on every run).
export async function listConcerts(baseUrl: string): Promise<ApiConcert[]> {
  const all: ApiConcert[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { concerts: { edges: { node: ApiConcert }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await graphqlRequest(
        baseUrl,
        /* GraphQL */ `
          query E2EConcerts($first: Int!, $after: String) {
            concerts(first: $first, after: $after) {
              edges {
                node {
                  ...E2EConcert
                }
              }
              pageInfo {
                hasNextPage
                endCursor
              }
            }
          }
          ${CONCERT_FIELDS}
        `,
        // A variable, not a literal: graphql-armor's cost limit counts literal arguments.
        { first: 50, after },
      );
    all.push(...data.concerts.edges.map((edge) => edge.node));
    if (!data.concerts.pageInfo.hasNextPage) return all;
    after = data.concerts.pageInfo.endCursor;
  }
}

export async function readConcert(baseUrl: string, id: string): Promise<ApiConcert> {
  const data = await graphqlRequest<{ concert: ApiConcert | null }>(
    baseUrl,
    /* GraphQL */ `
      query E2EConcert($id: ID!) {
        concert(id: $id) {
          ...E2EConcert
        }
      }
      ${CONCERT_FIELDS}
    `,
    { id },
  );
  if (!data.concert) throw new Error(`no concert ${id}`);
  return data.concert;
}

/** bookTickets is for partner apps: another client books with the seed's partner key (globalSetup.ts). */
export async function bookAsAnotherClient(
  baseUrl: string,
  concertId: string,
  items: { tierId: string; quantity: number }[],
) {
  const data = await graphqlRequest<{ bookTickets: { __typename: string; booking?: { id: string } } }>(
    baseUrl,
    /* GraphQL */ `
      mutation E2EBook($input: BookTicketsInput!) {
        bookTickets(input: $input) {
          __typename
          ... on BookTicketsSuccess {
            booking {
              id
            }
          }
          ... on Error {
            message
          }
        }
      }
    `,
    {
      input: {
        concertId,
        items,
        customerEmail: 'other-client@example.com',
        idempotencyKey: crypto.randomUUID(),
      },
    },
    { 'x-api-key': inject('partnerKey') },
  );
  if (data.bookTickets.__typename !== 'BookTicketsSuccess') {
    throw new Error(`booking as another client failed: ${JSON.stringify(data.bookTickets)}`);
  }
  return data.bookTickets.booking!.id;
}

export function tierNamed(concert: ApiConcert, name: string): ApiTier {
  const tier = concert.tiers.find((t) => t.name === name);
  if (!tier) throw new Error(`${concert.name} has no ${name} tier`);
  return tier;
}

export interface ApiBooking {
  status: string;
  orderCode: string;
  payments: { status: string; amount: { cents: number }; refunded: { cents: number } }[];
}

/**
 * A booking and its payments as the API reports them, to check the money after a browser test. A
 * guest's booking shows only with its link's secret (the page's ?access=).
 */
export async function readBooking(baseUrl: string, id: string, accessToken: string | null): Promise<ApiBooking> {
  const data = await graphqlRequest<{ booking: ApiBooking | null }>(
    baseUrl,
    /* GraphQL */ `
      query E2EBooking($id: ID!, $accessToken: String) {
        booking(id: $id, accessToken: $accessToken) {
          status
          orderCode
          payments {
            status
            amount {
              cents
            }
            refunded {
              cents
            }
          }
        }
      }
    `,
    { id, accessToken },
  );
  if (!data.booking) throw new Error(`booking ${id} is not visible with this token`);
  return data.booking;
}

/** The booking id in a /bookings/:id page's address. */
export const bookingIdOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');

/** The secret in a booking page's address (?access=), which lets a guest see the booking. */
export const accessTokenOf = (url: string) => new URL(url).searchParams.get('access');
