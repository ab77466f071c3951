import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { AdmissionTokens } from '../../src/waiting-room/admission-token.ts';
import { configureRoom } from '../../src/waiting-room/room-settings.ts';
import { readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, graphql, partnerHeaders, TEST_AUTH_SECRET, testDatabaseUrl } from '../support/test-app.ts';
import { admitShoppers, at, createRoomConcert, createRoomTestApp, DEFAULT_ROOM, HOLD_WITH_ADMISSION, join, myTicket, tick } from './room-support.ts';

const app = createRoomTestApp();
beforeAll(() => app.start(0, '127.0.0.1'));
afterAll(() => app.stop());


const admittedShoppers = (count: number, capacity?: number) => admitShoppers(app, count, capacity);

function hold(room: { concertGid: string; tierGids: string[] }, headers: Record<string, string>, admissionToken?: string, quantity = 1) {
  const input = bookingInput(room.concertGid, [[room.tierGids[0], quantity]], { customerEmail: `${randomUUID()}@example.com` });
  return graphql(app, HOLD_WITH_ADMISSION, { ...input, admissionToken }, { headers }).then((response) => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.holdTickets;
  });
}

describe('admission tokens', () => {
  it('refuses holds without a token, partner holds and partner bookings while the room is on', async () => {
    const room = await admittedShoppers(1);
    expect(await hold(room, room.shoppers[0])).toMatchObject({ __typename: 'AdmissionRequiredError' });
    expect(await hold(room, partnerHeaders(), room.tokens[0])).toMatchObject({ __typename: 'AdmissionRequiredError' });
    const booked = await graphql(app, BOOK_TICKETS, bookingInput(room.concertGid, [[room.tierGids[0], 1]]), { headers: partnerHeaders() });
    expect(booked.data?.bookTickets.__typename).toBe('AdmissionRequiredError');
    expect((await readLedger(testDatabaseUrl(), room.concert.id))[0]).toMatchObject({ available: 100, booked: 0 });
  });

  it('refuses forged, expired, other shoppers\' and other concerts\' tokens, and a replayed one', async () => {
    const room = await admittedShoppers(2, 3);
    const [alice, bob] = room.shoppers;
    const token = room.tokens[0];
    const [header, payload, signature] = token.split('.');
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await hold(room, alice, flipped)).toMatchObject({ reason: 'FORGED' });
    const otherKey = await new AdmissionTokens('another-secret-of-at-least-32-characters!').sign({ entryId: room.tickets[0].id, concertId: room.concert.id, identity: `guest:${alice['x-guest-id']}`, expiresAt: new Date(Date.now() + 60_000) });
    expect(await hold(room, alice, otherKey)).toMatchObject({ reason: 'FORGED' });
    expect(await hold(room, alice, 'not-a-token')).toMatchObject({ reason: 'FORGED' });
    const expired = await new AdmissionTokens(TEST_AUTH_SECRET).sign({ entryId: room.tickets[0].id, concertId: room.concert.id, identity: `guest:${alice['x-guest-id']}`, expiresAt: new Date(Date.now() - 1_000) });
    expect(await hold(room, alice, expired)).toMatchObject({ reason: 'EXPIRED' });
    expect(await hold(room, bob, token)).toMatchObject({ reason: 'NOT_YOURS' });
    expect(await hold(room, {}, token)).toMatchObject({ __typename: 'InvalidAdmissionError', reason: 'NOT_YOURS' });

    // Alice admitted to another concert: that token does not open this one.
    const elsewhere = await createRoomConcert(app, { preQueueMinutes: 0, admissionsPerMinute: 6_000 }, null);
    await join(app, elsewhere.concertGid, alice);
    const now = new Date();
    await tick(app, elsewhere.concert.id, now);
    await tick(app, elsewhere.concert.id, at(now, 5));
    const foreign = (await myTicket(app, elsewhere.concertGid, alice)).admissionToken;
    expect(await hold(room, alice, foreign)).toMatchObject({ reason: 'WRONG_CONCERT' });

    // A refused hold (invalid, or more than is left) spends nothing; the next one does, once.
    expect(await hold(room, alice, token, 101)).toMatchObject({ __typename: 'ValidationError' });
    expect(await hold(room, alice, token, 4)).toMatchObject({ __typename: 'SoldOutError' });
    expect(await hold(room, alice, token)).toMatchObject({ __typename: 'HoldTicketsSuccess', booking: { status: 'PENDING' } });
    expect(await hold(room, alice, token)).toMatchObject({ reason: 'ALREADY_USED' });
    expect(await myTicket(app, room.concertGid, alice)).toMatchObject({ status: 'USED', admissionToken: null });
    expect((await readLedger(testDatabaseUrl(), room.concert.id))[0]).toMatchObject({ available: 2, booked: 1 });
  });

  it('lets 50 concurrent holds with one token make exactly one hold, across two instances', async () => {
    const room = await admittedShoppers(1);
    const second = createRoomTestApp();
    await second.start(0, '127.0.0.1');
    try {
      const input = () => ({ ...bookingInput(room.concertGid, [[room.tierGids[0], 2]], { customerEmail: `${randomUUID()}@example.com` }), admissionToken: room.tokens[0] });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => graphql(i % 2 ? app : second, HOLD_WITH_ADMISSION, input(), { headers: room.shoppers[0] }).then((response) => response.data!.holdTickets)),
      );
      const kinds = results.map((result) => result.__typename === 'InvalidAdmissionError' ? result.reason : result.__typename);
      expect(kinds.filter((kind) => kind === 'HoldTicketsSuccess')).toHaveLength(1);
      expect(kinds.filter((kind) => kind === 'ALREADY_USED')).toHaveLength(49);
      const [tier] = await readLedger(testDatabaseUrl(), room.concert.id);
      expect(tier).toMatchObject({ available: 98, booked: 2 });
      expect(tier.capacity - tier.available).toBe(tier.booked);
    } finally {
      await second.stop();
    }
  });

  it('replays a hold retried with its own idempotency key and token, and makes no second one', async () => {
    const room = await admittedShoppers(1);
    const input = { ...bookingInput(room.concertGid, [[room.tierGids[0], 2]], { customerEmail: `${randomUUID()}@example.com` }), admissionToken: room.tokens[0] };
    const send = () => graphql(app, HOLD_WITH_ADMISSION, input, { headers: room.shoppers[0] }).then((response) => response.data!.holdTickets);
    const first = await send();
    expect(first).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
    const retried = await send();
    expect(retried).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: true, booking: { id: first.booking.id } });
    // Another key with the spent token is a second hold: refused.
    expect(await hold(room, room.shoppers[0], room.tokens[0])).toMatchObject({ reason: 'ALREADY_USED' });
    expect((await readLedger(testDatabaseUrl(), room.concert.id))[0]).toMatchObject({ available: 98, booked: 2 });
  });

  it('never spends an admission twice, even long after a spend that left no hold (one may still be queued)', async () => {
    const room = await admittedShoppers(1);
    await app.db.update(waitingRoomEntries).set({ usedAt: sql`now() - interval '5 minutes'` }).where(eq(waitingRoomEntries.id, room.tickets[0].id as string));
    const results = await Promise.all(Array.from({ length: 10 }, () => hold(room, room.shoppers[0], room.tokens[0])));
    expect(results.every((result) => result.__typename === 'InvalidAdmissionError' && result.reason === 'ALREADY_USED')).toBe(true);
    expect((await readLedger(testDatabaseUrl(), room.concert.id))[0]).toMatchObject({ available: 100, booked: 0 });
  });

  it('replays, and records, a hold its server wrote but did not record; any other hold is refused', async () => {
    const room = await admittedShoppers(1);
    const input = { ...bookingInput(room.concertGid, [[room.tierGids[0], 2]], { customerEmail: `${randomUUID()}@example.com` }), admissionToken: room.tokens[0] };
    const first = (await graphql(app, HOLD_WITH_ADMISSION, input, { headers: room.shoppers[0] })).data!.holdTickets;
    expect(first).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
    // As if the server died (or the write failed) between writing the hold and recording it.
    const entry = eq(waitingRoomEntries.id, room.tickets[0].id as string);
    await app.db.update(waitingRoomEntries).set({ bookingId: null }).where(entry);
    // Its retry is recognised by its key and replayed, and the hold recorded; another key is a second hold: refused.
    const retried = (await graphql(app, HOLD_WITH_ADMISSION, input, { headers: room.shoppers[0] })).data!.holdTickets;
    expect(retried).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: true, booking: { id: first.booking.id } });
    expect(await app.db.select({ bookingId: waitingRoomEntries.bookingId }).from(waitingRoomEntries).where(entry)).toEqual([{ bookingId: decodeGlobalID(first.booking.id).id }]);
    expect(await hold(room, room.shoppers[0], room.tokens[0])).toMatchObject({ reason: 'ALREADY_USED' });
    expect((await readLedger(testDatabaseUrl(), room.concert.id))[0]).toMatchObject({ available: 98, booked: 2 });
  });

  it('needs no token once the room is turned off, on every instance', async () => {
    const room = await admittedShoppers(1);
    const changed = app.tierCatalogue.changed(room.concert.id);
    await configureRoom(app, room.concert.id, { ...DEFAULT_ROOM, enabled: false });
    await changed;
    expect(await hold(room, room.shoppers[0])).toMatchObject({ __typename: 'HoldTicketsSuccess' });
    const booked = await graphql(app, BOOK_TICKETS, bookingInput(room.concertGid, [[room.tierGids[0], 1]]), { headers: partnerHeaders() });
    expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
  });
});
