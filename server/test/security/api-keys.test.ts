import { defaultKeyHasher } from '@better-auth/api-key';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiKeys } from '../../src/db/auth-schema.ts';
import { bookings, ticketTiers } from '../../src/db/schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql } from '../support/test-app.ts';
import { connectWs, runOnce } from '../support/ws-client.ts';

// Two instances on one database, as behind a load balancer: a revocation must reach both.
const app = createTestApp();
const other = createTestApp();
let port: number;
let organizer: TestAccount;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
  await other.start(0, '127.0.0.1');
  organizer = await signedInAccount(app, 'organizer');
});
afterAll(() => Promise.all([app.stop(), other.stop()]));

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeySuccess { secret apiKey { id name start scopes requestsPerMinute enabled } }
      ... on ValidationError { field message }
    }
  }
`;
const LIST = /* GraphQL */ `{ apiKeys { id name start scopes requestsPerMinute enabled createdAt } }`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on RevokeApiKeySuccess { apiKey { id enabled } }
      ... on NotFoundError { id message }
    }
  }
`;

async function createKey(scopes: string[], options: { requestsPerMinute?: number; as?: TestAccount } = {}) {
  const result = await graphql(app, CREATE, { input: { name: `key ${scopes.join(' ')}`, scopes, requestsPerMinute: options.requestsPerMinute } }, { headers: (options.as ?? organizer).headers });
  const created = result.data?.createApiKey;
  if (created?.__typename !== 'CreateApiKeySuccess') throw new Error(`createApiKey failed: ${JSON.stringify(result)}`);
  return { id: created.apiKey.id as string, secret: created.secret as string, apiKey: created.apiKey };
}

const as = (secret: string) => ({ headers: { 'x-api-key': secret } });

async function post(target: typeof app, query: string, headers: Record<string, string>) {
  const response = await target.yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } };
}

describe('organizer API key management', () => {
  it('creates a key whose secret is shown once and stored only as its hash', async () => {
    const { id, secret, apiKey } = await createKey(['CATALOGUE_READ', 'BOOKINGS_WRITE'], { requestsPerMinute: 600 });
    expect(secret).toMatch(/^ct_/);
    expect(apiKey).toMatchObject({ start: secret.slice(0, apiKey.start.length), scopes: ['CATALOGUE_READ', 'BOOKINGS_WRITE'], requestsPerMinute: 600, enabled: true });
    const [row] = await app.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row.key).toBe(await defaultKeyHasher(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row).toMatchObject({ referenceId: organizer.id, rateLimitEnabled: true, rateLimitMax: 600, rateLimitTimeWindow: 60_000 });

    const listed = (await graphql(app, LIST, {}, { headers: organizer.headers })).data!.apiKeys;
    expect(listed.find((key: { id: string }) => key.id === id)).toMatchObject({ name: 'key CATALOGUE_READ BOOKINGS_WRITE', requestsPerMinute: 600 });
    // Nothing a listing can ask for holds the secret or its hash.
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    expect(JSON.stringify(listed)).not.toContain(row.key);
  });

  it('validates the name and the quota, and gives new keys the default quota', async () => {
    const invalid = async (input: Record<string, unknown>) =>
      (await graphql(app, CREATE, { input: { name: 'x', scopes: ['CATALOGUE_READ'], ...input } }, { headers: organizer.headers })).data!.createApiKey;
    expect(await invalid({ name: ' ' })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    expect(await invalid({ name: 'n'.repeat(65) })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    expect(await invalid({ requestsPerMinute: 0 })).toMatchObject({ __typename: 'ValidationError', field: 'requestsPerMinute' });
    expect(await invalid({ requestsPerMinute: 60_001 })).toMatchObject({ __typename: 'ValidationError', field: 'requestsPerMinute' });
    expect(await invalid({ scopes: [] })).toMatchObject({ __typename: 'ValidationError', field: 'scopes' });
    expect((await createKey(['CATALOGUE_READ'])).apiKey.requestsPerMinute).toBe(6_000);
  });

  it('refuses guests, shoppers and partners: they can neither create nor list keys', async () => {
    const shopper = await signedInAccount(app, 'shopper');
    const { secret } = await createKey(['CATALOGUE_READ', 'BOOKINGS_WRITE', 'BOOKINGS_READ']);
    const callers = [
      { headers: {}, code: 'UNAUTHENTICATED' },
      { headers: shopper.headers, code: 'FORBIDDEN' },
      { headers: { 'x-api-key': secret }, code: 'FORBIDDEN' },
    ];
    for (const { headers, code } of callers) {
      const created = await graphql(app, CREATE, { input: { name: 'sneaky', scopes: ['BOOKINGS_WRITE'] } }, { headers });
      expect(created.data?.createApiKey ?? null).toBeNull();
      expect(created.errors?.[0].extensions?.code).toBe(code);
      const listed = await graphql(app, LIST, {}, { headers });
      expect(listed.data ?? null).toBeNull();
      expect(listed.errors?.[0].extensions?.code).toBe(code);
    }
  });

  it("lets an organizer revoke only its own keys; another organizer's is not found", async () => {
    const { id } = await createKey(['CATALOGUE_READ']);
    const stranger = await signedInAccount(app, 'organizer');
    expect((await graphql(app, REVOKE, { id }, { headers: stranger.headers })).data!.revokeApiKey).toMatchObject({ __typename: 'NotFoundError', id });
    expect((await graphql(app, LIST, {}, { headers: stranger.headers })).data!.apiKeys).toEqual([]);
    const [row] = await app.db.select({ enabled: apiKeys.enabled }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(row.enabled).toBe(true);
  });
});

describe('partner keys at work', () => {
  it('books only with bookings:write, and the booking records its key', async () => {
    const { concert, concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
    const reader = await createKey(['CATALOGUE_READ']);
    const refused = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), as(reader.secret));
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('bookings:write'), extensions: { code: 'FORBIDDEN' } });

    const writer = await createKey(['BOOKINGS_WRITE']);
    const booked = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), as(writer.secret));
    expect(booked.data!.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect(await app.db.select({ apiKeyId: bookings.apiKeyId }).from(bookings).where(eq(bookings.concertId, concert.id))).toEqual([{ apiKeyId: writer.id }]);
  });

  it("keeps partner A's bookings from partner B, by booking(id) and node(id)", async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
    const a = await createKey(['BOOKINGS_WRITE', 'BOOKINGS_READ']);
    const b = await createKey(['BOOKINGS_WRITE', 'BOOKINGS_READ']);
    const booked = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), as(a.secret));
    const bookingId = booked.data!.bookTickets.booking.id as string;
    const READ = /* GraphQL */ `query ($id: ID!) { booking(id: $id) { id customerEmail } node(id: $id) { id } }`;
    expect((await graphql(app, READ, { id: bookingId }, as(a.secret))).data).toEqual({ booking: { id: bookingId, customerEmail: 'fan@example.com' }, node: { id: bookingId } });
    expect((await graphql(app, READ, { id: bookingId }, as(b.secret))).data).toEqual({ booking: null, node: null });
  });

  it('keeps idempotency keys per caller: A and B each get their own booking, and a guest cannot replay either', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
    const a = await createKey(['BOOKINGS_WRITE']);
    const b = await createKey(['BOOKINGS_WRITE']);
    const input = bookingInput(concertGid, [[tierGids[0], 1]], { idempotencyKey: 'shared-key-1' });
    const first = (await graphql(app, BOOK_TICKETS, input, as(a.secret))).data!.bookTickets;
    const second = (await graphql(app, BOOK_TICKETS, input, as(b.secret))).data!.bookTickets;
    expect([first.replayed, second.replayed]).toEqual([false, false]);
    expect(second.booking.id).not.toBe(first.booking.id);
    // A's own retry is the replay.
    expect((await graphql(app, BOOK_TICKETS, input, as(a.secret))).data!.bookTickets).toMatchObject({ replayed: true, booking: { id: first.booking.id } });

    const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename ... on HoldTicketsSuccess { replayed booking { id } } } }`;
    const guest = { headers: { 'x-guest-id': 'guest-probing-keys-0001' } };
    // The same key and input: a hold of the guest's own, not A's booking, and no sign that the key is in use.
    const held = (await graphql(app, HOLD, input, guest)).data!.holdTickets;
    expect(held).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
    expect([first.booking.id, second.booking.id]).not.toContain(held.booking.id);
    // Another input under the same key is the guest's own reuse, not A's.
    const probe = bookingInput(concertGid, [[tierGids[0], 2]], { idempotencyKey: 'shared-key-1' });
    expect((await graphql(app, HOLD, probe, { headers: { 'x-guest-id': 'another-guest-00002' } })).data!.holdTickets).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
  });

  it('refuses an unknown key with 401 and changes nothing', async () => {
    const { concert, concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
    const response = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'ct_made_up_key_that_nobody_issued' },
      body: JSON.stringify({ query: BOOK_TICKETS, variables: bookingInput(concertGid, [[tierGids[0], 1]]) }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const [tier] = await app.db.select({ available: ticketTiers.available }).from(ticketTiers).where(eq(ticketTiers.concertId, concert.id));
    expect(tier.available).toBe(10);
    expect(await app.db.select().from(bookings).where(eq(bookings.concertId, concert.id))).toEqual([]);
  });

  it('stops a revoked key on both instances at once, with 401', async () => {
    const { id, secret } = await createKey(['CATALOGUE_READ']);
    // Both instances have verified (and cached) the key.
    expect((await post(app, '{ __typename }', { 'x-api-key': secret })).status).toBe(200);
    expect((await post(other, '{ __typename }', { 'x-api-key': secret })).status).toBe(200);

    expect((await graphql(app, REVOKE, { id }, { headers: organizer.headers })).data!.revokeApiKey).toEqual({ __typename: 'RevokeApiKeySuccess', apiKey: { id, enabled: false } });
    const here = await post(app, '{ __typename }', { 'x-api-key': secret });
    expect(here.status).toBe(401);
    expect(here.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The other instance hears of it by NOTIFY, delivered when the revocation committed: well
    // inside its 30 s cache, which is what would otherwise keep the key working there.
    const startedAt = Date.now();
    let there = await post(other, '{ __typename }', { 'x-api-key': secret });
    while (there.status === 200 && Date.now() - startedAt < 2_000) there = await post(other, '{ __typename }', { 'x-api-key': secret });
    expect(there.status).toBe(401);
    expect(there.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await app.db.select({ enabled: apiKeys.enabled }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(row.enabled).toBe(false);
  });

  it('refuses a subscription over graphql-ws when the upgrade carries a bad key', async () => {
    const withKey = (key: string) =>
      class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { 'x-api-key': key } });
        }
      };
    const SUBSCRIBE = { query: /* GraphQL */ `subscription { availabilityChanged { id available } }` };
    const bad = connectWs(port, { webSocketImpl: withKey('ct_not_a_key_anyone_was_given') });
    expect((await runOnce(bad, SUBSCRIBE)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await bad.dispose();

    const { secret } = await createKey(['CATALOGUE_READ']);
    const good = connectWs(port, { webSocketImpl: withKey(secret) });
    expect(await runOnce(good, { query: '{ __typename }' })).toEqual({ data: { __typename: 'Query' } });
    await good.dispose();
  });
});
