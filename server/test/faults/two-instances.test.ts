import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { connectWs, listening, watchAvailability } from '../support/ws-client.ts';

// Two instances of the service on one Postgres: separate pools, coalescers and LISTEN connections,
// as two processes behind a load balancer would have.
const instanceA = createTestApp();
const instanceB = createTestApp();
let portA: number;
let portB: number;
beforeAll(async () => {
  [{ port: portA }, { port: portB }] = await Promise.all([instanceA.start(0, '127.0.0.1'), instanceB.start(0, '127.0.0.1')]);
});
afterAll(async () => {
  await Promise.all([instanceA.stop(), instanceB.stop()]);
});

describe('two instances on one Postgres', () => {
  it("delivers a booking made through one instance to the other instance's subscribers, both ways", async () => {
    const { concert, concertGid, tierGids } = await createConcert(instanceA.db, [{ capacity: 1_000 }, { capacity: 1_000 }]);
    const wsA = connectWs(portA);
    const wsB = connectWs(portB);
    const onA = watchAvailability(wsA, concertGid);
    const onB = watchAvailability(wsB, concertGid);
    await Promise.all([listening(instanceA, concertGid), listening(instanceB, concertGid)]);

    const started = Date.now();
    await graphql(instanceA, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 3]]));
    await onB.until(() => onB.latest.get(tierGids[0]) === 997);
    const crossed = Date.now() - started;
    await graphql(instanceB, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[1], 4]]));
    await onA.until(() => onA.latest.get(tierGids[1]) === 996);

    // A burst split across both instances: every subscriber ends on the committed availability.
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        graphql(i % 2 ? instanceA : instanceB, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[i % 2], 1]])),
      ),
    );
    expect(burst.every((result) => result.data?.bookTickets.__typename === 'BookTicketsSuccess')).toBe(true);
    const ledger = await readLedger(testDatabaseUrl(), concert.id);
    expect(ledger.map((tier) => tier.available)).toEqual([967, 966]);
    for (const feed of [onA, onB]) {
      await feed.until(() => feed.latest.get(tierGids[0]) === 967 && feed.latest.get(tierGids[1]) === 966);
    }
    console.info(`two instances: A→B delivery ${crossed} ms; after a 60-booking burst both subscribers show ${ledger.map((t) => t.available).join(', ')}`);
    onA.close();
    onB.close();
    await Promise.all([wsA.dispose(), wsB.dispose()]);
  });
});
