import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl, type TestApp } from './support/test-app.ts';
import { freePort } from '../src/db/free-port.ts';

const apps: TestApp[] = [];
const app = (options: Parameters<typeof createTestApp>[0]) => {
  const built = createTestApp(options);
  apps.push(built);
  return built;
};
afterAll(async () => {
  await Promise.all(apps.map((built) => built.stop()));
});

const nodeEnv = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = nodeEnv;
});

/** A URL the server accepts connections on but refuses to log in to: a non-transient, unexpected failure. */
function wrongPasswordUrl() {
  const url = new URL(testDatabaseUrl());
  url.password = 'not-the-password';
  return url.toString();
}

const AVAILABILITY = /* GraphQL */ `query ($id: ID!) { availability(concertId: $id) { id available } }`;
const nilUuid = '00000000-0000-0000-0000-000000000000';
const someConcertId = encodeGlobalID('Concert', nilUuid);
const someTierId = encodeGlobalID('TicketTier', nilUuid);

describe('error masking', () => {
  it('never sends originalError, stacks or SQL in production, even with NODE_ENV=development', async () => {
    process.env.NODE_ENV = 'development';
    const production = app({ databaseUrl: wrongPasswordUrl(), production: true });
    const development = app({ databaseUrl: wrongPasswordUrl(), production: false });

    const masked = await graphql(production, AVAILABILITY, { id: someConcertId }, { headers: {} });
    expect(masked.errors).toHaveLength(1);
    expect(masked.errors?.[0]).toMatchObject({ message: 'Unexpected error.', path: ['availability'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(masked)).not.toMatch(/28P01|stack|select|originalError/i);

    // The same failure in development shows what went wrong: that is what production must not do.
    const detailed = await graphql(development, AVAILABILITY, { id: someConcertId }, { headers: {} });
    expect(JSON.stringify(detailed.errors)).toMatch(/"originalError":{"message":"Failed query: select .*"stack":.*"code":"28P01"/);
  });

  it('answers SERVICE_UNAVAILABLE, quickly and without SQL, when the database refuses connections', async () => {
    const down = app({ databaseUrl: `postgres://postgres:x@127.0.0.1:${await freePort()}/postgres`, production: true });
    const started = Date.now();
    const result = await graphql(down, BOOK_TICKETS, bookingInput(someConcertId, [[someTierId, 1]]));
    expect(Date.now() - started).toBeLessThan(2_000);
    // The partner's key is checked before any field runs, so that is where the outage shows.
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(result.errors?.[0].message).toMatch(/retry/);
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|select|insert/i);
  });

  it('hides field suggestions in production and keeps them in development', async () => {
    const typo = '{ concerts { edgez { cursor } } }';
    const hidden = await graphql(app({ production: true }), typo);
    expect(hidden.errors?.[0].message).toBe('Cannot query field "edgez" on type "ConcertConnection". [Suggestion hidden]');
    const shown = await graphql(app({ production: false }), typo);
    expect(shown.errors?.[0].message).toMatch(/Did you mean "edges"\?/);
  });
});

describe('hostile input', () => {
  it('refuses an idempotency key with a NUL byte without failing the bookings coalesced with it', async () => {
    // Postgres text cannot store NUL; unchecked, the INSERT of one such key failed its whole batch.
    const shop = app({ production: true });
    const { concertGid, tierGids } = await createConcert(shop.db, [{ capacity: 1_000 }]);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        graphql(shop, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], i % 20 === 10 ? { idempotencyKey: `key\u0000${i}` } : {})),
      ),
    );
    const outcomes = results.map((result) => result.data?.bookTickets.__typename ?? result.errors?.[0].message);
    expect(outcomes.filter((outcome) => outcome === 'ValidationError')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === 'BookTicketsSuccess')).toHaveLength(57);
  });

  it('refuses a NUL byte in the customer email as a validation error', async () => {
    const shop = app({});
    const { concertGid, tierGids } = await createConcert(shop.db, [{ capacity: 10 }]);
    const result = await graphql(shop, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: 'fan\u0000@example.com' }));
    expect(result.data?.bookTickets).toMatchObject({ __typename: 'ValidationError', field: 'customerEmail' });
  });
});
