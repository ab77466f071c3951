import { afterAll, describe, expect, it } from 'vitest';
import { createConcert, createTestApp, graphql, type GraphqlResponse } from './support/test-app.ts';

const statements: string[] = [];
const app = createTestApp({ onQuery: (sql) => statements.push(sql) });
afterAll(() => app.stop());

const CATALOGUE = /* GraphQL */ `
  query Catalogue($first: Int!) {
    concerts(first: $first) { edges { node { tiers { price { cents } available concert { name } } } } }
  }
`;

async function statementsFor(first: number) {
  statements.length = 0;
  // As a shopper: a partner's request also counts against its key's quota (one more statement).
  const result = await graphql(app, CATALOGUE, { first }, { headers: {} });
  expect(result.errors).toBeUndefined();
  return { count: statements.length, concerts: result.data!.concerts.edges.length };
}

describe('the catalogue query', () => {
  it('runs the same number of SQL statements for a page of 1 or of 50 concerts', async () => {
    for (let i = 0; i < 50; i++) await createConcert(app.db, [{ capacity: 10 }, { capacity: 20 }, { capacity: 30 }]);
    const single = await statementsFor(1);
    const page = await statementsFor(50);
    expect(page.concerts).toBe(50);
    expect(single.count).toBe(page.count);
    expect(page.count).toBe(1);
  });

  it('pages through concerts with cursors, visiting each once', async () => {
    const own = await Promise.all(Array.from({ length: 45 }, () => createConcert(app.db, [{ capacity: 1 }])));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: GraphqlResponse = await graphql(
        app,
        `query ($after: String) { concerts(first: 40, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = result.data!.concerts;
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Other tests add concerts to the same database meanwhile; this test's own must all be there.
    expect(seen).toEqual(expect.arrayContaining(own.map((concert) => concert.concertGid)));
  });
});
