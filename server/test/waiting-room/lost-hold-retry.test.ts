import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingCallerOf } from '../../src/auth/booking-caller.ts';
import { scopedIdempotencyKey } from '../../src/booking/booking-request.ts';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { giveBackAdmission, spendAdmission } from '../../src/waiting-room/admission-claim.ts';
import { AdmissionTokens } from '../../src/waiting-room/admission-token.ts';
import { readLedger } from '../support/ledger.ts';
import { bookingInput, graphql, TEST_AUTH_SECRET, testDatabaseUrl, type TestApp } from '../support/test-app.ts';
import { admitShoppers, createRoomTestApp, HOLD_WITH_ADMISSION } from './room-support.ts';

// A shopper's server may die after spending their admission and before (or after) writing the hold.
// The page retries with the same idempotency key: that retry, and only a request with that key,
// may use the admission again, on any instance; one admission still opens one hold.

const app = createRoomTestApp();
const second = createRoomTestApp();
beforeAll(() => Promise.all([app.start(0, '127.0.0.1'), second.start(0, '127.0.0.1')]));
afterAll(() => Promise.all([app.stop(), second.stop()]));

type Room = Awaited<ReturnType<typeof admitShoppers>>;

/** Spends the shopper's admission for `key` exactly as the hold path does, and then nothing: its server died. */
async function spendAndDie(room: Room, key: string) {
  const guestId = room.shoppers[0]['x-guest-id'];
  const check = await new AdmissionTokens(TEST_AUTH_SECRET).check(room.tokens[0], [`guest:${guestId}`], room.concert.id);
  if (!check.ok) throw new Error(check.reason);
  const caller = bookingCallerOf({ viewer: { kind: 'guest' }, guestId, clientAddress: '127.0.0.1' });
  const scopedKey = scopedIdempotencyKey(caller, key);
  const spend = await spendAdmission(app.db, check.admission, scopedKey);
  if (spend.kind !== 'spent') throw new Error(`not spent: ${JSON.stringify(spend)}`);
  return { entryId: check.admission.entryId, spends: spend.spends, admission: check.admission, scopedKey };
}

function hold(on: TestApp, room: Room, idempotencyKey: string = randomUUID()) {
  const input = bookingInput(room.concertGid, [[room.tierGids[0], 2]], { customerEmail: 'lost@example.com', idempotencyKey });
  return graphql(on, HOLD_WITH_ADMISSION, { ...input, admissionToken: room.tokens[0] }, { headers: room.shoppers[0] }).then((response) => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.holdTickets;
  });
}

const recordedHold = async (entryId: string) =>
  (await app.db.select({ bookingId: waitingRoomEntries.bookingId }).from(waitingRoomEntries).where(eq(waitingRoomEntries.id, entryId)))[0].bookingId;

describe('a hold lost with its server', () => {
  it('is made by its retry with the same key, on another instance; no other key may use the admission', async () => {
    const room = await admitShoppers(app, 1);
    const key = randomUUID();
    const { entryId } = await spendAndDie(room, key);
    expect(await hold(app, room)).toMatchObject({ reason: 'ALREADY_USED' });

    const retried = await hold(second, room, key);
    expect(retried).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false, booking: { status: 'PENDING' } });
    expect(await recordedHold(entryId)).toBe(decodeGlobalID(retried.booking.id).id);
    expect(await hold(app, room, key)).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: true, booking: { id: retried.booking.id } });
    expect(await hold(second, room)).toMatchObject({ reason: 'ALREADY_USED' });
    const [tier] = await readLedger(testDatabaseUrl(), room.concert.id);
    expect(tier).toMatchObject({ available: 98, booked: 2 });
  });

  it('makes exactly one hold when 50 retries race over two instances, half with its key and half with others', async () => {
    const room = await admitShoppers(app, 1);
    const key = randomUUID();
    const { entryId } = await spendAndDie(room, key);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => hold(i % 2 ? app : second, room, i < 25 ? key : randomUUID())));

    const ours = results.slice(0, 25);
    expect(ours.every((result) => result.__typename === 'HoldTicketsSuccess')).toBe(true);
    expect(new Set(ours.map((result) => result.booking.id)).size).toBe(1);
    expect(ours.filter((result) => !result.replayed)).toHaveLength(1);
    expect(results.slice(25).every((result) => result.__typename === 'InvalidAdmissionError' && result.reason === 'ALREADY_USED')).toBe(true);
    expect(await recordedHold(entryId)).toBe(decodeGlobalID(ours[0].booking.id).id);
    const [tier] = await readLedger(testDatabaseUrl(), room.concert.id);
    expect(tier).toMatchObject({ available: 98, booked: 2 });
    expect(tier.capacity - tier.available).toBe(tier.booked);
  });

  it('keeps the admission spent when the first try is refused after a retry took it up', async () => {
    const room = await admitShoppers(app, 1);
    const first = await spendAndDie(room, randomUUID());
    const retry = await spendAdmission(app.db, first.admission, first.scopedKey);
    expect(retry).toMatchObject({ kind: 'retried' });
    // The first try's refusal must not hand back an admission the retry's hold may yet use.
    await giveBackAdmission(app.db, first.entryId, first.spends);
    expect(await spendAdmission(app.db, first.admission, 'g:someone-else/another-key')).toMatchObject({ kind: 'refused', reason: 'ALREADY_USED' });
  });

  it('is not spent by a hold whose key Postgres could not store: that is a validation error', async () => {
    const room = await admitShoppers(app, 1);
    for (const key of ['key\u0000', 'key-\ud800']) expect(await hold(app, room, key)).toMatchObject({ __typename: 'ValidationError' });
    expect(await hold(second, room)).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
  });

  it('is given back by a refused hold when nobody took it up since', async () => {
    const room = await admitShoppers(app, 1);
    const first = await spendAndDie(room, randomUUID());
    await giveBackAdmission(app.db, first.entryId, first.spends);
    expect(await hold(second, room)).toMatchObject({ __typename: 'HoldTicketsSuccess', replayed: false });
  });
});
