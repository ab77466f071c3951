import { createClient, type Client } from 'graphql-ws';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { notifyAvailabilityChanged } from '../src/events/availability-channel.ts';
import { createConcert, createTestApp, testDatabaseUrl } from './support/test-app.ts';
import { listening } from './support/ws-client.ts';

const statements: string[] = [];
const app = createTestApp({ onQuery: (sql) => statements.push(sql) });
const clients: Client[] = [];
let port: number;
beforeAll(async () => {
  ({ port } = await app.start(0));
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app.stop();
});

const SUBSCRIPTION = /* GraphQL */ `
  subscription Watch($concertId: ID) {
    availabilityChanged(concertId: $concertId) { id available concert { name } }
  }
`;

it('reads a change once and executes it once for any number of subscribers of one operation', async () => {
  const { concert, concertGid, tiers } = await createConcert(app.db, [{ capacity: 10 }], 'Fan-out concert');
  const received = Array.from({ length: 5 }, () => {
    const client = createClient({ url: `ws://localhost:${port}/graphql`, webSocketImpl: WebSocket });
    clients.push(client);
    const iterator = client.iterate<{ availabilityChanged: { available: number; concert: { name: string } } }>({
      query: SUBSCRIPTION,
      variables: { concertId: concertGid },
    });
    return iterator.next();
  });
  await listening(app, concertGid, 5);

  // Change the tier from outside the app, so only the feed's own statements are counted.
  statements.length = 0;
  const outside = new pg.Client({ connectionString: testDatabaseUrl() });
  await outside.connect();
  await outside.query('BEGIN');
  await outside.query('UPDATE ticket_tiers SET available = 7 WHERE id = $1', [tiers[0].id]);
  const notify = notifyAvailabilityChanged(new Map([[concert.id, [tiers[0].id]]]))!;
  const { sql, params } = new PgDialect().sqlToQuery(notify);
  await outside.query(sql, params);
  await outside.query('COMMIT');
  await outside.end();

  for (const result of await Promise.all(received)) {
    expect(result.value?.data?.availabilityChanged).toMatchObject({ available: 7, concert: { name: 'Fan-out concert' } });
  }
  // The feed's read of the changed tier, and one load of its concert for all five executions
  // (executing per subscriber would load the concert five times).
  expect(statements).toHaveLength(2);
});
