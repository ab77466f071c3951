import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { bookingInput, createTestApp, graphql } from '../support/test-app.ts';
import { connectWs, listening } from '../support/ws-client.ts';
import { BOOK, HOLD_TICKETS, HOUR, UPDATE_CONCERT, UPDATE_TIER, concertOfOrganizer, switchOperation, type ConcertSwitch } from './operations.ts';

// Two instances on one Postgres, as behind a load balancer: organizers change the catalogue
// through A, shoppers and partners book through B, whose tier catalogue must follow at once.
const statementsOnB: string[] = [];
const instanceA = createTestApp();
const instanceB = createTestApp({ onQuery: (query) => statementsOnB.push(query) });
let portA: number;
let organizer: TestAccount;
beforeAll(async () => {
  [{ port: portA }] = await Promise.all([instanceA.start(0, '127.0.0.1'), instanceB.start(0, '127.0.0.1')]);
  organizer = await signedInAccount(instanceA, 'organizer');
});
afterAll(() => Promise.all([instanceA.stop(), instanceB.stop()]));
afterEach(() => void vi.useRealTimers());

const dbId = (gid: string) => databaseIdOf(gid, 'Concert')!;
const asOrganizer = () => ({ headers: organizer.headers });
const flip = (name: ConcertSwitch, concertGid: string) => graphql(instanceA, switchOperation(name), { concertId: concertGid }, asOrganizer());
// B also runs background jobs (hold sweeper, payment settlement), so its statements are told apart
// by what they do: the tier catalogue's read of tiers with their concert, and the booking statement.
const catalogueReadsOnB = () => statementsOnB.filter((statement) => /from "ticket_tiers" inner join "concerts"/i.test(statement));
const bookingWritesOnB = () => statementsOnB.filter((statement) => /^\s*WITH claimed AS MATERIALIZED/.test(statement));

/** Runs an organizer's change on A and resolves once B's tier catalogue has applied it. */
async function changeOnAHeardByB(concertGid: string, change: () => Promise<unknown>) {
  const heard = instanceB.tierCatalogue.changed(dbId(concertGid));
  await change();
  await heard;
}

describe('sales windows', () => {
  it('refuses holds and bookings before onSaleAt from cached facts, without a statement, and opens on time', async () => {
    const onSaleAt = new Date(Date.now() + HOUR);
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer, { input: { onSaleAt: onSaleAt.toISOString() } });
    const notYet = { __typename: 'NotOnSaleError', reason: 'NOT_YET_ON_SALE', concertId: concertGid, opensAt: onSaleAt.toISOString() };
    // The first attempt reads the tier (and its concert's window) into B's catalogue.
    statementsOnB.length = 0;
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets).toMatchObject(notYet);
    expect(catalogueReadsOnB()).toHaveLength(1);

    statementsOnB.length = 0;
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets).toMatchObject(notYet);
    expect((await graphql(instanceB, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), { headers: {} })).data?.holdTickets).toMatchObject(notYet);
    // Refused from B's cache: nothing read the catalogue, nothing was written.
    expect(catalogueReadsOnB()).toEqual([]);
    expect(bookingWritesOnB()).toEqual([]);

    // Time alone opens the window: the cached onSaleAt is passed, nobody has to announce it.
    vi.useFakeTimers({ toFake: ['Date'], now: onSaleAt.getTime() + 1_000 });
    statementsOnB.length = 0;
    const booked = await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 2]]));
    expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    // A warm on-sale booking is still the one statement it was before sales windows existed.
    expect(catalogueReadsOnB()).toEqual([]);
    expect(bookingWritesOnB()).toHaveLength(1);
  });

  it('refuses holds and bookings once the concert has started', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer);
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 24 * HOUR });
    const ended = { __typename: 'NotOnSaleError', reason: 'ENDED', opensAt: null };
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets).toMatchObject(ended);
    expect((await graphql(instanceB, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), { headers: {} })).data?.holdTickets).toMatchObject(ended);
    const { data } = await graphql(instanceB, /* GraphQL */ `query ($id: ID!) { concert(id: $id) { salesStatus } }`, { id: concertGid });
    expect(data?.concert.salesStatus).toBe('ENDED');
  });

  it('a pause on A stops bookings on B at once, and a resume opens them again', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer);
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');

    await changeOnAHeardByB(concertGid, () => flip('pauseSales', concertGid));
    const paused = { __typename: 'NotOnSaleError', reason: 'PAUSED', opensAt: null, message: 'Sales for this concert are paused' };
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets).toMatchObject(paused);
    expect((await graphql(instanceB, HOLD_TICKETS, bookingInput(concertGid, [[tierGids[0], 1]]), { headers: {} })).data?.holdTickets).toMatchObject(paused);

    await changeOnAHeardByB(concertGid, () => flip('resumeSales', concertGid));
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
  });

  it('a price change on A prices the next booking on B', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer, { tiers: [{ name: 'GA', priceCents: 1_000, capacity: 50 }] });
    const first = await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]));
    expect(first.data?.bookTickets.booking.total.cents).toBe(1_000);
    await changeOnAHeardByB(concertGid, () => graphql(instanceA, UPDATE_TIER, { id: tierGids[0], input: { priceCents: 1_750 } }, asOrganizer()));
    const second = await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 2]]));
    expect(second.data?.bookTickets.booking).toMatchObject({ total: { cents: 3_500 }, items: [{ unitPrice: { cents: 1_750 } }] });
  });

  it('a later onSaleAt set on A closes sales on B at once', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceA, organizer);
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    const onSaleAt = new Date(Date.now() + 2 * HOUR).toISOString();
    await changeOnAHeardByB(concertGid, () => graphql(instanceA, UPDATE_CONCERT, { id: concertGid, input: { onSaleAt } }, asOrganizer()));
    expect((await graphql(instanceB, BOOK, bookingInput(concertGid, [[tierGids[0], 1]]))).data?.bookTickets).toMatchObject({ reason: 'NOT_YET_ON_SALE', opensAt: onSaleAt });
  });
});

describe('shoppers watching a concert', () => {
  it('see a pause and a resume made on another instance, as availabilityChanged events', async () => {
    const { concertGid, tierGids } = await concertOfOrganizer(instanceB, organizer);
    const ws = connectWs(portA);
    const statuses: string[] = [];
    const waiters = new Set<() => void>();
    const dispose = ws.subscribe<{ availabilityChanged: { id: string; concert: { salesStatus: string } } }>(
      { query: /* GraphQL */ `subscription ($id: ID) { availabilityChanged(concertId: $id) { id concert { salesStatus } } }`, variables: { id: concertGid } },
      {
        next: (result) => {
          const event = result.data?.availabilityChanged;
          if (event?.id === tierGids[0]) statuses.push(event.concert.salesStatus);
          for (const wake of waiters) wake();
        },
        error: () => {},
        complete: () => {},
      },
    );
    const until = (status: string) =>
      new Promise<void>((resolve) => {
        const wake = () => statuses.at(-1) === status && resolve();
        waiters.add(wake);
        wake();
      });
    await listening(instanceA, concertGid);

    await flip('pauseSales', concertGid);
    await until('PAUSED');
    await flip('resumeSales', concertGid);
    await until('ON_SALE');
    expect(statuses).toEqual(['PAUSED', 'ON_SALE']);
    dispose();
    await ws.dispose();
  });
});
