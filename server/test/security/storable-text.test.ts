import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, users } from '../../src/db/auth-schema.ts';
import { bookings, concerts, ticketTiers } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { hasUnstorableText } from '../../src/db/storable-text.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { bookingInput, createTestApp, graphql } from '../support/test-app.ts';
import { connectWs, runOnce } from '../support/ws-client.ts';
import { ADD_TIER, HOLD_TICKETS, concertOfOrganizer } from '../organizer/operations.ts';

// Postgres text cannot hold U+0000: a client sending it, in a variable or a literal, is told so and
// nothing is written; before, the statement failed and the client got an internal error.
const app = createTestApp();
let organizer: TestAccount;
let ws: Client;
let port: number;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
  organizer = await signedInAccount(app, 'organizer');
  ws = connectWs(port, { connectionParams: { 'x-guest-id': `guest-${randomUUID()}` } });
});
afterAll(async () => {
  await ws.dispose();
  await app.stop();
});

const REFUSED = { message: 'Text must be valid Unicode and may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } };

describe('text with a NUL character', () => {
  it('is refused in variables and in literals, and changes nothing', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer, { publish: true, tiers: [{ name: 'GA', priceCents: 1_000, capacity: 10 }] });
    const concertId = databaseIdOf(concertGid, 'Concert')!;
    const asOrganizer = { headers: organizer.headers };

    const tier = await graphql(app, ADD_TIER, { concertId: concertGid, input: { name: 'VIP\u0000', priceCents: 5_000, capacity: 5 } }, asOrganizer);
    expect(tier).toEqual({ errors: [REFUSED] });
    const literal = await graphql(app, `mutation { cancelConcert(concertId: "${concertGid}", reason: "storm\\u0000") { __typename } }`, {}, asOrganizer);
    expect(literal).toEqual({ errors: [REFUSED] });
    const keysOf = () => app.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.referenceId, organizer.id));
    const keysBefore = (await keysOf()).length;
    const key = await graphql(app, `mutation ($name: String!) { createApiKey(input: { name: $name, scopes: [CATALOGUE_READ] }) { __typename } }`, { name: 'box\u0000office' }, asOrganizer);
    expect(key).toEqual({ errors: [REFUSED] });
    // The contract's booking mutations answer with their own typed ValidationError, field named.
    const hold = await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: 'fan\u0000@example.com' }));
    expect(hold.data?.holdTickets).toMatchObject({ __typename: 'ValidationError', field: 'customerEmail' });
    // Lone surrogates would both be stored as U+FFFD: two different keys, one booking.
    for (const idempotencyKey of ['order-\ud800', 'order-\udfff']) {
      const held = await graphql(app, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey }));
      expect(held.data?.holdTickets).toEqual({ __typename: 'ValidationError', message: 'Idempotency key must be valid Unicode without NUL characters', field: 'idempotencyKey' });
    }
    // Beside any other field, the operation is refused as a whole.
    const mixed = await graphql(app, `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename } cancelConcert(concertId: "${concertGid}", reason: "x\\u0000") { __typename } }`, bookingInput(concertGid, [[tierGids[0], 1]]), asOrganizer);
    expect(mixed).toEqual({ errors: [REFUSED] });

    expect(await app.db.select({ name: ticketTiers.name }).from(ticketTiers).where(eq(ticketTiers.concertId, concertId))).toEqual([{ name: 'GA' }]);
    expect((await app.db.select({ cancelledAt: concerts.cancelledAt }).from(concerts).where(eq(concerts.id, concertId)))[0].cancelledAt).toBeNull();
    expect(await app.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.concertId, concertId))).toEqual([]);
    expect(await keysOf()).toHaveLength(keysBefore);
    // Text without one still goes through.
    expect((await graphql(app, ADD_TIER, { concertId: concertGid, input: { name: 'VIP', priceCents: 5_000, capacity: 5 } }, asOrganizer)).data?.addTier.__typename).toBe('TierChangeSuccess');
  });

  it('is refused over graphql-ws too; reads of ids or a search that name nothing answer as such', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(app, organizer);
    const answer = await runOnce(ws, { query: 'mutation ($id: ID!, $reason: String!) { cancelConcert(concertId: $id, reason: $reason) { __typename } }', variables: { id: concertGid, reason: 'storm\u0000' } });
    expect(answer.errors).toEqual([REFUSED]);
    // The contract wants null for an id that names nothing; a search for unstorable text finds nothing.
    expect(await graphql(app, 'query ($id: ID!) { node(id: $id) { id } concert(id: $id) { name } }', { id: 'Q29uY2VydDo\u0000' })).toEqual({ data: { node: null, concert: null } });
    const search = await graphql(app, 'query ($search: String) { orders(search: $search) { edges { cursor } } }', { search: 'fan\u0000' }, { headers: organizer.headers });
    expect(search).toEqual({ data: { orders: { edges: [] } } });
    // A booking mutation spelled through a fragment still answers with its typed error.
    const viaFragment = await graphql(app, `mutation ($input: BookTicketsInput!) { ... on Mutation { holdTickets(input: $input) { __typename ... on ValidationError { field } } } }`, bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: 'k\u0000' }));
    expect(viaFragment.data?.holdTickets).toEqual({ __typename: 'ValidationError', field: 'idempotencyKey' });
  });

  it('is refused by the sign-in endpoints, which create no account', async () => {
    const email = `nul.${randomUUID()}@example.com`;
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long password 123', name: 'Ann\u0000' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: REFUSED.message });
    expect(await app.db.select({ id: users.id }).from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('is found however deep the variables nest, without running out of stack', () => {
    let nested: unknown = 'deep\u0000';
    for (let depth = 0; depth < 200_000; depth++) nested = [nested];
    expect(hasUnstorableText({ input: nested })).toBe(true);
    expect(hasUnstorableText({ input: { list: [1, true, null, 'plain'] } })).toBe(false);
    expect(hasUnstorableText({ ['key\u0000']: 1 })).toBe(true);
    expect(hasUnstorableText({ emoji: 'a 🎸 b', accents: 'Ünïcödé' })).toBe(false);
  });
});
