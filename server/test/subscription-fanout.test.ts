import { createClient, type Client } from 'graphql-ws';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { notifyAvailabilityChanged } from '../src/events/availability-channel.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';
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

  // Guests hear only of published concerts, checked against the tier catalogue: warm it, as the
  // first booking of an on-sale would, so that the count below is the fan-out's own.
  await app.tierCatalogue.tiers([tiers[0].id]);
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

/** A graphql-transport-ws client that keeps each message's raw text, to check the bytes sent. */
async function rawSocket() {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(String(data));
    for (const wake of waiters) wake();
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const wake = () => done() && (waiters.delete(wake), resolve());
      waiters.add(wake);
      wake();
    });
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await until(() => messages.includes('{"type":"connection_ack"}'));
  return {
    socket,
    messages,
    until,
    nextMessages: () => messages.filter((text) => text.includes('"type":"next"')),
    subscribe: (id: string, concertGid: string) =>
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: RAW_SUBSCRIPTION, variables: { concertId: concertGid } } })),
    /** Messages are handled in order, so once the pong is back everything sent before it was too. */
    roundTrip: async () => {
      const pongs = messages.filter((text) => text === '{"type":"pong"}').length;
      socket.send('{"type":"ping"}');
      await until(() => messages.filter((text) => text === '{"type":"pong"}').length > pongs);
    },
  };
}

const RAW_SUBSCRIPTION = /* GraphQL */ `subscription Raw($concertId: ID!) { availabilityChanged(concertId: $concertId) { id available } }`;

it('writes every subscriber of a change the same payload, each framed with its own id as graphql-ws would', async () => {
  const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
  const sockets = [await rawSocket(), await rawSocket()];
  // One id needs escaping in JSON: the frame must quote it exactly as JSON.stringify does.
  const ids = ['3f1c0a56-5d2e-4c1b-9a57-0b8a5cf2d0e1', 'id with "quotes" \\ and ü'];
  sockets.forEach((socket, index) => socket.subscribe(ids[index], concertGid));
  await listening(app, concertGid, 2);

  await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]));
  await Promise.all(sockets.map((socket) => socket.until(() => socket.nextMessages().length === 1)));
  const payload = { data: { availabilityChanged: { id: tierGids[0], available: 8 } } };
  sockets.forEach((socket, index) => {
    expect(socket.nextMessages()[0]).toBe(JSON.stringify({ id: ids[index], type: 'next', payload }));
  });
  for (const socket of sockets) socket.socket.close();
});

it('keeps delivering to the others when one socket goes away and one subscription completes', async () => {
  const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
  const [gone, completing, staying] = [await rawSocket(), await rawSocket(), await rawSocket()];
  gone.subscribe('a', concertGid);
  completing.subscribe('b', concertGid);
  completing.subscribe('c', concertGid);
  staying.subscribe('d', concertGid);
  await listening(app, concertGid, 4);

  // The server learns of the vanished socket only when it writes to it, i.e. during the fan-out.
  gone.socket.terminate();
  completing.socket.send(JSON.stringify({ id: 'b', type: 'complete' }));
  await completing.roundTrip();
  await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
  await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]));
  await staying.until(() => staying.nextMessages().at(-1)?.includes('"available":8') ?? false);
  await completing.until(() => completing.nextMessages().at(-1)?.includes('"available":8') ?? false);
  expect(completing.nextMessages().every((text) => text.startsWith('{"id":"c",'))).toBe(true);
  await completing.roundTrip();
  expect(completing.messages.filter((text) => text.startsWith('{"id":"b"'))).toEqual([]);
  for (const socket of [completing, staying]) socket.socket.close();
});
