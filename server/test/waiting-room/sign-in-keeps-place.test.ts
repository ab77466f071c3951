import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { signedInAccount } from '../support/accounts.ts';
import { readLedger } from '../support/ledger.ts';
import { bookingInput, graphql, testDatabaseUrl } from '../support/test-app.ts';
import { at, createRoomConcert, createRoomTestApp, guestHeaders, HOLD_WITH_ADMISSION, join, myTicket, tick } from './room-support.ts';

// A guest who signs in while waiting (to check out with their account) keeps the place their
// browser took, and the admission it was given.
const app = createRoomTestApp();
const other = createRoomTestApp();
beforeAll(() => Promise.all([app.start(0, '127.0.0.1'), other.start(0, '127.0.0.1')]));
afterAll(() => Promise.all([app.stop(), other.stop()]));


const entriesOf = (concertId: string) => app.db.select({ identity: waitingRoomEntries.identity }).from(waitingRoomEntries).where(eq(waitingRoomEntries.concertId, concertId));

describe('signing in while in a waiting room', () => {
  it('keeps the guest place: joining again, even 20 times at once, finds it instead of taking one at the back', async () => {
    const room = await createRoomConcert(app);
    const browser = guestHeaders();
    await join(app, room.concertGid, guestHeaders()); // someone else, ahead
    const asGuest = await join(app, room.concertGid, browser);
    await join(app, room.concertGid, guestHeaders()); // someone behind

    const account = await signedInAccount(app);
    const signedIn = { ...account.headers, ...browser };
    const rejoined = await Promise.all(Array.from({ length: 20 }, () => join(app, room.concertGid, signedIn)));
    expect(new Set(rejoined.map((ticket) => ticket.id))).toEqual(new Set([asGuest.id]));
    expect((await myTicket(app, room.concertGid, signedIn)).id).toBe(asGuest.id);
    expect(await entriesOf(room.concert.id)).toHaveLength(3);

    // The same account on a device without that guest id has no place yet: it takes its own, behind.
    const elsewhere = await join(app, room.concertGid, account.headers);
    expect(elsewhere.id).not.toBe(asGuest.id);
    // Where both are theirs, the earlier place is the one they are shown.
    expect((await join(app, room.concertGid, signedIn)).id).toBe(asGuest.id);
    expect((await myTicket(app, room.concertGid, account.headers)).id).toBe(elsewhere.id);
  });

  it('takes one place for a signed-in shopper new to the line, however many joins race', async () => {
    const room = await createRoomConcert(app);
    const account = await signedInAccount(app);
    const signedIn = { ...account.headers, ...guestHeaders() };
    const joined = await Promise.all(Array.from({ length: 20 }, () => join(app, room.concertGid, signedIn)));
    expect(new Set(joined.map((ticket) => ticket.id)).size).toBe(1);
    expect(await entriesOf(room.concert.id)).toEqual([{ identity: `user:${account.id}` }]);
  });

  it('over two instances, 50 joins at once find the guest place, or make one place for a shopper new to the line', async () => {
    const room = await createRoomConcert(app);
    const browser = guestHeaders();
    const asGuest = await join(app, room.concertGid, browser);
    const signedIn = { ...(await signedInAccount(app)).headers, ...browser };
    const newcomer = await signedInAccount(app);
    const newcomerHeaders = { ...newcomer.headers, ...guestHeaders() };
    const [kept, fresh] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, (_, i) => join(i % 2 ? other : app, room.concertGid, signedIn))),
      Promise.all(Array.from({ length: 50 }, (_, i) => join(i % 2 ? other : app, room.concertGid, newcomerHeaders))),
    ]);
    expect(new Set(kept.map((ticket) => ticket.id))).toEqual(new Set([asGuest.id]));
    expect(new Set(fresh.map((ticket) => ticket.id)).size).toBe(1);
    const identities = (await entriesOf(room.concert.id)).map((entry) => entry.identity).sort();
    expect(identities).toEqual([`guest:${browser['x-guest-id']}`, `user:${newcomer.id}`].sort());
  });

  it('lets the signed-in shopper hold with the admission given to their guest place, once; nobody else can', async () => {
    const room = await createRoomConcert(app, { preQueueMinutes: 0, admissionsPerMinute: 6_000 }, null, 10);
    const browser = guestHeaders();
    await join(app, room.concertGid, browser);
    const now = new Date();
    await tick(app, room.concert.id, now);
    await tick(app, room.concert.id, at(now, 5));
    const account = await signedInAccount(app);
    const signedIn = { ...account.headers, ...browser };
    // A place of the account's own on another device, behind and not yet admitted: the admission wins.
    expect(await join(app, room.concertGid, account.headers)).toMatchObject({ status: 'WAITING' });
    const admitted = await myTicket(app, room.concertGid, signedIn);
    expect(admitted).toMatchObject({ status: 'ADMITTED', admissionToken: expect.any(String) });

    const hold = (headers: Record<string, string>) =>
      graphql(app, HOLD_WITH_ADMISSION, { ...bookingInput(room.concertGid, [[room.tierGids[0], 2]], { customerEmail: `${randomUUID()}@example.com` }), admissionToken: admitted.admissionToken }, { headers });
    const stranger = await signedInAccount(app);
    expect((await hold({ ...stranger.headers, ...guestHeaders() })).data?.holdTickets).toMatchObject({ __typename: 'InvalidAdmissionError', reason: 'NOT_YOURS' });
    expect((await hold(account.headers)).data?.holdTickets).toMatchObject({ __typename: 'InvalidAdmissionError', reason: 'NOT_YOURS' });
    expect((await hold(signedIn)).data?.holdTickets.__typename).toBe('HoldTicketsSuccess');
    expect((await hold(signedIn)).data?.holdTickets).toMatchObject({ __typename: 'InvalidAdmissionError', reason: 'ALREADY_USED' });

    const [tier] = await readLedger(testDatabaseUrl(), room.concert.id);
    expect(tier).toMatchObject({ capacity: 10, available: 8, booked: 2 });
  });
});
