import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { concertChannel } from '../../src/events/availability-channel.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { connectWs, listening, watchAvailability } from '../support/ws-client.ts';

const direct = createTestApp();
afterAll(() => direct.stop());

describe('the network path to Postgres goes silent and comes back', () => {
  it('notices the dead LISTEN connection, reports not ready, and resyncs subscribers with what changed meanwhile', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(testDatabaseUrl()).port) });
    const partitioned = createTestApp({ databaseUrl: proxy.url(testDatabaseUrl()), listenHeartbeatMs: 500 });
    try {
      const { port } = await partitioned.start(0, '127.0.0.1');
      const ready = async () => (await fetch(`http://127.0.0.1:${port}/ready`)).json();
      const { concert, concertGid, tierGids } = await createConcert(direct.db, [{ capacity: 100 }, { capacity: 100 }]);
      const ws = connectWs(port);
      const feed = watchAvailability(ws, concertGid);
      await listening(partitioned, concertGid);

      proxy.blackHole();
      const cutAt = Date.now();
      // Nothing was closed: only the heartbeat can tell the LISTEN connection is gone.
      await expect.poll(ready, { timeout: 5_000, interval: 200 }).toMatchObject({ status: 'unavailable', listen: false });
      const noticedMs = Date.now() - cutAt;

      // Another instance, which can still reach Postgres, books meanwhile; its NOTIFY cannot arrive
      // here. Once a connection that can reach Postgres has heard it, it would have arrived.
      const witness = new pg.Client({ connectionString: testDatabaseUrl() });
      await witness.connect();
      const heard = new Promise((resolve) => witness.once('notification', resolve));
      await witness.query(`LISTEN ${pg.escapeIdentifier(concertChannel(concert.id))}`);
      await graphql(direct, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[1], 6]]));
      await heard;
      await witness.end();
      expect(feed.latest.get(tierGids[1])).toBeUndefined();

      proxy.restore();
      const healedAt = Date.now();
      await feed.until(() => feed.latest.get(tierGids[1]) === 94, 10_000);
      const resyncMs = Date.now() - healedAt;
      expect(feed.latest.get(tierGids[0])).toBe(100); // the resync sends every watched tier
      await expect.poll(ready, { timeout: 5_000, interval: 200 }).toMatchObject({ status: 'ready' });
      expect(feed.failure).toBeUndefined();
      console.info(`partition: dead LISTEN connection noticed after ${noticedMs} ms; subscriber resynced ${resyncMs} ms after the path came back`);
      feed.close();
      await ws.dispose();
    } finally {
      await proxy.close();
      await partitioned.stop();
    }
  }, 30_000);
});
