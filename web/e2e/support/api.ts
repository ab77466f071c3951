// A second client that is not the browser: plain HTTP POSTs, the way a
// partner app or another shopper's tab would reach the API.

export async function graphqlRequest<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
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

export async function listConcerts(baseUrl: string): Promise<ApiConcert[]> {
  const data = await graphqlRequest<{ concerts: { edges: { node: ApiConcert }[] } }>(
    baseUrl,
    /* GraphQL */ `
      query E2EConcerts($first: Int!) {
        concerts(first: $first) {
          edges {
            node {
              id
              name
              tiers {
                id
                name
                available
                capacity
              }
            }
          }
        }
      }
    `,
    // A variable, not a literal: graphql-armor's cost limit counts literal arguments.
    { first: 50 },
  );
  return data.concerts.edges.map((edge) => edge.node);
}

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

// The seed promises at least three concerts; tests spread over them by index
// so they rarely share one, and use large tiers unless a test is about scarcity.
export function concertAt(concerts: ApiConcert[], index: number): ApiConcert {
  if (concerts.length === 0) throw new Error('the catalogue is empty');
  return concerts[index % concerts.length]!;
}
