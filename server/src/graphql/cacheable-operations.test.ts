import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { catalogueDependencyOf } from './cacheable-operations.ts';
import { schema } from './schema.ts';

const dependencyOf = (source: string, operationName?: string) => catalogueDependencyOf(schema, parse(source), operationName);

describe('which operations read the public catalogue only', () => {
  it("the concert page: depends on the concert its variable names", () => {
    const page = `query Page($id: ID!) { concert(id: $id) { id name ...Tiers waitingRoom { enabled } } }
      fragment Tiers on Concert { tiers { id available price { cents currency } } salesStatus }`;
    expect(dependencyOf(page)).toEqual([{ variable: 'id' }]);
    expect(dependencyOf(`{ concert(id: "Q29uY2VydDox") { name } }`)).toEqual([{ literal: 'Q29uY2VydDox' }]);
  });

  it('a list of concerts depends on every concert', () => {
    expect(dependencyOf(`query ($after: String) { concerts(first: 10, after: $after) { edges { cursor node { id tiers { available } } } pageInfo { hasNextPage endCursor } } }`)).toBe('all');
  });

  it('anything else is not shared', () => {
    for (const source of [
      `{ concert(id: "x") { name published } }`,
      `{ concert(id: "x") { cancellation { status } } }`,
      `query ($id: ID!) { availability(concertId: $id) { id available } }`,
      `{ myBookings(first: 5) { edges { node { id } } } }`,
      `{ concert(id: "x") { name } viewer { __typename } }`,
      `{ __schema { types { name } } }`,
      `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename } }`,
      `subscription { availabilityChanged { id available } }`,
    ]) {
      expect(dependencyOf(source), source).toBeNull();
    }
  });

  it('a document with another operation beside it is not shared, whichever is asked for', () => {
    const source = `query A { concerts(first: 1) { edges { cursor } } } query B { concert(id: "x") { published } }`;
    expect(dependencyOf(source, 'A')).toBeNull();
  });
});
