import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { concertChannel } from '../src/events/availability-channel.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';
import { listening } from './support/ws-client.ts';

// The one test that opens a port: subscriptions need a real WebSocket.
const app = createTestApp();
let client: Client;
beforeAll(async () => {
  const { port } = await app.start(0);
  client = createClient({ url: `ws://localhost:${port}/graphql`, webSocketImpl: WebSocket, lazy: false });
});
afterAll(async () => {
  await client.dispose();
  await app.stop();
});

const SUBSCRIPTION = /* GraphQL */ `
  subscription ($concertId: ID) {
    availabilityChanged(concertId: $concertId) { id name available capacity concert { name } }
  }
`;

interface TierEvent {
  id: string;
  name: string;
  available: number;
  capacity: number;
  concert: { name: string };
}

/** Collects events of one subscription; `next()` waits for the next one. */
function subscribe(variables: Record<string, unknown>) {
  const iterator = client.iterate<{ availabilityChanged: TierEvent }>({ query: SUBSCRIPTION, variables });
  return {
    async next(timeoutMs = 5_000) {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event arrived')), timeoutMs));
      const result = await Promise.race([iterator.next(), timeout]);
      if (result.done) throw new Error('subscription ended');
      if (result.value.errors) throw new Error(JSON.stringify(result.value.errors));
      return result.value.data!.availabilityChanged;
    },
    close: () => iterator.return?.(),
  };
}

describe('availabilityChanged over graphql-ws', () => {
  it('delivers the committed availability of a booked tier to concert and all-concert subscribers', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ name: 'VIP', capacity: 100 }, { capacity: 10 }], 'Live concert');
    const concertFeed = subscribe({ concertId: concertGid });
    const everythingFeed = subscribe({});
    await Promise.all([listening(app, concertGid), listening(app)]);

    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 3]]));
    const expected = { id: tierGids[0], name: 'VIP', available: 97, capacity: 100, concert: { name: 'Live concert' } };
    expect(await concertFeed.next()).toEqual(expected);
    // Other tests book on other concerts at the same time; skip their events.
    let event = await everythingFeed.next();
    while (event.id !== tierGids[0]) event = await everythingFeed.next();
    expect(event).toEqual(expected);
    await Promise.all([concertFeed.close(), everythingFeed.close()]);
  });

  it('emits nothing for a rolled-back change', async () => {
    const { concert, concertGid, tierGids, tiers } = await createConcert(app.db, [{ capacity: 2 }, { capacity: 10 }]);
    const feed = subscribe({ concertId: concertGid });
    await listening(app, concertGid);

    // A booking that fails rolls back, and so does a transaction that notified and then aborted.
    const soldOut = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[1], 1], [tierGids[0], 3]]));
    expect(soldOut.data?.bookTickets.__typename).toBe('SoldOutError');
    const raw = new pg.Client({ connectionString: testDatabaseUrl() });
    await raw.connect();
    await raw.query('BEGIN');
    await raw.query('UPDATE ticket_tiers SET available = available - 1 WHERE id = $1', [tiers[0].id]);
    await raw.query('SELECT pg_notify($1, $2)', [concertChannel(concert.id), JSON.stringify({ concertId: concert.id, tierIds: [tiers[0].id] })]);
    await raw.query('ROLLBACK');
    await raw.end();

    // The first event to arrive is the later, committed booking of the second tier.
    await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[1], 2]]));
    expect(await feed.next()).toMatchObject({ id: tierGids[1], available: 8 });
    await feed.close();
  });

  it('sends a burst of changes as the latest availability, not every step', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 100 }]);
    const feed = subscribe({ concertId: concertGid });
    await listening(app, concertGid);
    await Promise.all(Array.from({ length: 40 }, () => graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]))));

    const seen: number[] = [];
    while (seen.at(-1) !== 60) seen.push((await feed.next()).available);
    // Each delivery is newer than the one before, and there are far fewer than 40 of them.
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeLessThan(40);
    await feed.close();
  });

  it('refuses a concertId that is not a concert id with an error', async () => {
    const feed = subscribe({ concertId: 'not-a-concert' });
    await expect(feed.next()).rejects.toThrow(/concertId is not the id of a Concert/);
  });
});
