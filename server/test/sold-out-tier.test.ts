import { afterAll, describe, expect, it } from 'vitest';
import { bookingInput, createConcert, createTestApp, graphql } from './support/test-app.ts';

const app = createTestApp();
afterAll(() => app.stop());

const BOOK = /* GraphQL */ `
  mutation BookTickets($input: BookTicketsInput!) {
    bookTickets(input: $input) {
      __typename
      ... on SoldOutError { tierId available tier { id name available capacity } }
    }
  }
`;

describe('SoldOutError.tier', () => {
  it('carries the tier as it is now, so a client cache needs no second request', async () => {
    const fixture = await createConcert(app.db, [{ name: 'Balcony', capacity: 10, available: 2 }]);
    const result = await graphql(app, BOOK, bookingInput(fixture.concertGid, [[fixture.tierGids[0], 3]]));
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookTickets).toEqual({
      __typename: 'SoldOutError',
      tierId: fixture.tierGids[0],
      available: 2,
      tier: { id: fixture.tierGids[0], name: 'Balcony', available: 2, capacity: 10 },
    });
  });
});
