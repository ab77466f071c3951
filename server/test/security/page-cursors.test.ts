import { encodeBase64 } from '@pothos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { createTestApp, graphql } from '../support/test-app.ts';
import { concertOfOrganizer } from '../organizer/operations.ts';

// Hand-made cursors: Pothos read their values by the tags inside them and handed them to SQL, so a
// guest could make Postgres fail (an internal error and an error log line per request).
const app = createTestApp();
let organizer: TestAccount;
let shopper: TestAccount;
beforeAll(async () => {
  await app.start(0, '127.0.0.1');
  [organizer, shopper] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'shopper')]);
  await concertOfOrganizer(app, organizer);
  await concertOfOrganizer(app, organizer);
});
afterAll(() => app.stop());

const uuid = '6f1c1a52-3b0e-4c39-9a53-0c6e2f7f4a11';
const cursor = (text: string) => encodeBase64(`DC:${text}`);
const HAND_MADE = [
  cursor('T:["D:1796107986380","S:notauuid"]'),
  cursor(`T:["S:${uuid}","D:1796107986380"]`),
  cursor(`T:["D:abc","S:${uuid}"]`),
  cursor(`T:["D:100000000000000000000","S:${uuid}"]`),
  cursor(`T:["D:1796107986380","S:${uuid}","N:1"]`),
  cursor('N:5'),
  cursor('S:abc'),
  cursor(`J:["2026-01-01T00:00:00Z","${uuid}"]`),
  cursor(`T:["D:1796107986380","S:${uuid}\u0001"]`),
  'not base64 at all',
];
const REFUSED = { message: 'Invalid cursor: pass a cursor this connection returned', extensions: { code: 'BAD_USER_INPUT' } };

describe('a hand-made page cursor', () => {
  it.each([
    ['concerts, as a guest', 'query ($after: String) { concerts(first: 2, after: $after) { edges { cursor } } }', () => ({ headers: {} })],
    ['concerts backwards', 'query ($after: String) { concerts(last: 2, before: $after) { edges { cursor } } }', () => ({ headers: {} })],
    ['orders, as an organizer', 'query ($after: String) { orders(first: 2, after: $after) { edges { cursor } } }', () => ({ headers: organizer.headers })],
    ['myBookings, as a shopper', 'query ($after: String) { myBookings(first: 2, after: $after) { edges { cursor } } }', () => ({ headers: shopper.headers })],
  ])('is refused as bad input on %s', async (_case, query, as) => {
    for (const after of HAND_MADE) {
      const answer = await graphql(app, query, { after }, as());
      expect(answer.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([REFUSED]);
    }
  });

  it('does not stop real cursors from paging', async () => {
    const first = await graphql(app, '{ concerts(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage } } }', {}, { headers: {} });
    const { cursor: after, node } = first.data!.concerts.edges[0];
    const next = await graphql(app, 'query ($after: String) { concerts(first: 1, after: $after) { edges { node { id } } } }', { after }, { headers: {} });
    expect(next.errors).toBeUndefined();
    expect(next.data!.concerts.edges[0].node.id).not.toBe(node.id);
  });
});
