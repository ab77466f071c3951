import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { BOOK_TICKETS, bookingInput, createConcert, graphql, testPartnerKey } from '../support/test-app.ts';
import { insertTestPartner } from '../support/test-partner.ts';
import { scratchDir } from './engines.ts';
import { startPrimaryAndReplica } from './streaming-replica.ts';

const scratch = scratchDir();
let cluster: Awaited<ReturnType<typeof startPrimaryAndReplica>> | undefined;
let app: ReturnType<typeof buildApp>;
let replica: pg.Client;

beforeAll(async () => {
  cluster = await startPrimaryAndReplica(scratch.dir);
  await insertTestPartner(cluster.primaryUrl, testPartnerKey());
  app = buildApp({ databaseUrl: cluster.primaryUrl, replicaDatabaseUrls: [cluster.replicaUrl], poolSize: 4 });
  replica = new pg.Client({ connectionString: cluster.replicaUrl });
  await replica.connect();
}, 60_000);

afterAll(async () => {
  await replica?.end();
  await app?.stop();
  await cluster?.stop();
  scratch.remove();
});

const CONCERT = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { name tiers { available } } }`;
const AVAILABILITY = /* GraphQL */ `query ($id: ID!) { availability(concertId: $id) { available } }`;

async function replayed(predicate: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('the replica did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('read replicas (a Postgres primary and a streaming hot standby)', () => {
  it('serves the catalogue from the replica, and bookings and availability from the primary', async () => {
    const seen = await createConcert(app.db, [{ capacity: 10 }], 'Replicated concert');
    await replayed(async () => (await graphql(app, CONCERT, { id: seen.concertGid })).data?.concert !== null);

    // With replay paused the replica is behind on purpose: what it serves shows who answered.
    await replica.query('SELECT pg_wal_replay_pause()');
    await replayed(async () => (await replica.query('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s === 'paused');
    const fresh = await createConcert(app.db, [{ capacity: 10 }], 'Not replicated yet');

    const catalogue = await graphql(app, CONCERT, { id: fresh.concertGid });
    expect(catalogue.data?.concert).toBeNull();
    const availability = await graphql(app, AVAILABILITY, { id: fresh.concertGid });
    expect(availability.data?.availability).toEqual([{ available: 10 }]);
    const booking = await graphql(app, BOOK_TICKETS, bookingInput(fresh.concertGid, [[fresh.tierGids[0], 3]]));
    expect(booking.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect((await graphql(app, AVAILABILITY, { id: fresh.concertGid })).data?.availability).toEqual([{ available: 7 }]);

    await replica.query('SELECT pg_wal_replay_resume()');
    await replayed(async () => (await graphql(app, CONCERT, { id: fresh.concertGid })).data?.concert?.tiers[0].available === 7);
    console.info('read replica: with replay paused, concert(id) came back null (replica), availability and bookTickets answered from the primary; after resume the catalogue shows 7 left');
  });
});
