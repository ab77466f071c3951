import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInput, graphql } from '../support/test-app.ts';
import { at, createRoomConcert, createRoomTestApp, guestHeaders, HOLD_WITH_ADMISSION, join, myTicket, tick } from './room-support.ts';

const app = createRoomTestApp();
beforeAll(() => app.start(0, '127.0.0.1'));
afterAll(() => app.stop());


describe('shopping cap', () => {
  it('counts a shopper whose admission became a pending hold as shopping until the hold ends', async () => {
    // Cap 1, admissions of 1 minute, holds of 10 (the concert's default).
    const room = await createRoomConcert(app, { preQueueMinutes: 0, admissionsPerMinute: 6_000, maxShopping: 1, admissionMinutes: 1 }, null);
    const [alice, bob] = [guestHeaders(), guestHeaders()];
    await join(app, room.concertGid, alice);
    await join(app, room.concertGid, bob);
    const now = new Date();
    await tick(app, room.concert.id, now);
    const first = await tick(app, room.concert.id, at(now, 5));
    expect(first).toMatchObject({ admittedThrough: 1, shopping: 1, waiting: 1 });
    const admitted = (await myTicket(app, room.concertGid, alice)).status === 'ADMITTED' ? alice : bob;
    const waiting = admitted === alice ? bob : alice;
    const { admissionToken } = await myTicket(app, room.concertGid, admitted);
    const input = bookingInput(room.concertGid, [[room.tierGids[0], 1]], { customerEmail: `${randomUUID()}@example.com` });
    const held = await graphql(app, HOLD_WITH_ADMISSION, { ...input, admissionToken }, { headers: admitted });
    expect(held.data!.holdTickets.__typename).toBe('HoldTicketsSuccess');

    // Two minutes on, the admission has run out, but its hold is pending: still shopping, nobody new.
    const during = await tick(app, room.concert.id, at(now, 120));
    expect(during).toMatchObject({ admittedThrough: 1, shopping: 1 });
    expect((await myTicket(app, room.concertGid, waiting)).status).toBe('WAITING');
    // Eleven minutes on, the hold has ended too: the slot goes to the next in line.
    const after = await tick(app, room.concert.id, at(now, 11 * 60));
    expect(after).toMatchObject({ admittedThrough: 2, shopping: 1, waiting: 0 });
    expect((await myTicket(app, room.concertGid, waiting)).status).toBe('ADMITTED');
  });
});
