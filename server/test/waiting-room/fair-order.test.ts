import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { joinQueue } from '../../src/waiting-room/queue-entry.ts';
import { at, createRoomConcert, createRoomTestApp, guestHeaders, join, myTicket, tick } from './room-support.ts';
import { graphql, partnerHeaders } from '../support/test-app.ts';

const app = createRoomTestApp();
beforeAll(() => app.start(0, '127.0.0.1'));
afterAll(() => app.stop());

/** Spearman's rank correlation of two permutations of 1..n. */
function spearman(a: number[], b: number[]) {
  const n = a.length;
  const d2 = a.reduce((sum, x, i) => sum + (x - b[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('fair order', () => {
  it('gives the pre-queue random places at the on-sale time, then later arrivals the back of the line in join order', async () => {
    const { concert, onSaleAt } = await createRoomConcert(app);
    const joiners = 200;
    // One at a time, so join order is known: it must say nothing about the place drawn.
    const entryIds: string[] = [];
    for (let i = 0; i < joiners; i++) entryIds.push((await joinQueue(app.db, concert.id, [`guest:order-${i}`]))!.entry.id);
    const before = await tick(app, concert.id, at(onSaleAt!, -60));
    expect(before).toMatchObject({ drawn: false, waiting: joiners, lastPlace: 0, admittedThrough: 0 });

    const drawn = await tick(app, concert.id, onSaleAt!);
    expect(drawn).toMatchObject({ drawn: true, lastPlace: joiners, admittedThrough: 0 });
    const rows = await app.db.select({ id: waitingRoomEntries.id, place: waitingRoomEntries.place }).from(waitingRoomEntries).where(eq(waitingRoomEntries.concertId, concert.id));
    const placeOf = new Map(rows.map((row) => [row.id, row.place!]));
    const places = entryIds.map((id) => placeOf.get(id)!);
    expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: joiners }, (_, i) => i + 1));
    // For a random permutation of 200, rho has a standard deviation of 1/sqrt(199) ≈ 0.071: beyond
    // 0.25 (3.5 sd) happens about once in 2,000 runs. Arriving first must give no edge.
    const rho = spearman(Array.from({ length: joiners }, (_, i) => i + 1), places);
    expect(Math.abs(rho)).toBeLessThan(0.25);
    // The first 100 joiners hold about half the first 100 places (binomial-ish, sd ≈ 3.5).
    const earlyInFront = places.slice(0, 100).filter((place) => place <= 100).length;
    expect(earlyInFront).toBeGreaterThan(32);
    expect(earlyInFront).toBeLessThan(68);
    console.info(`fair order: Spearman rho of join order vs place ${rho.toFixed(3)}; first-half joiners in the front half ${earlyInFront}/100`);

    // After the draw: first come, first served, at the back.
    const late: string[] = [];
    for (let i = 0; i < 20; i++) late.push((await joinQueue(app.db, concert.id, [`guest:late-${i}`]))!.entry.id);
    const placed = await tick(app, concert.id, at(onSaleAt!, 1));
    expect(placed.lastPlace).toBe(joiners + 20);
    const lateRows = await app.db.select({ id: waitingRoomEntries.id, place: waitingRoomEntries.place }).from(waitingRoomEntries).where(eq(waitingRoomEntries.concertId, concert.id));
    const latePlace = new Map(lateRows.map((row) => [row.id, row.place]));
    expect(late.map((id) => latePlace.get(id))).toEqual(Array.from({ length: 20 }, (_, i) => joiners + 1 + i));
  });

  it('gives one shopper one place: two tabs, a re-join and 50 concurrent joins share one entry', async () => {
    const { concert, concertGid, onSaleAt } = await createRoomConcert(app);
    const me = guestHeaders();
    const first = await join(app, concertGid, me);
    expect(first).toMatchObject({ __typename: 'QueueTicket', place: null, status: 'WAITING', admissionToken: null });
    const burst = await Promise.all(Array.from({ length: 50 }, () => join(app, concertGid, me)));
    expect(new Set(burst.map((ticket) => ticket.id))).toEqual(new Set([first.id]));
    // Someone else concurrently: their own place.
    const others = await Promise.all(Array.from({ length: 50 }, () => join(app, concertGid, guestHeaders())));
    expect(new Set(others.map((ticket) => ticket.id)).size).toBe(50);
    const rows = await app.db.select().from(waitingRoomEntries).where(eq(waitingRoomEntries.concertId, concert.id));
    expect(rows).toHaveLength(51);

    await tick(app, concert.id, onSaleAt!);
    const mine = await myTicket(app, concertGid, me);
    expect(mine.id).toBe(first.id);
    expect(mine.place).toBeGreaterThan(0);
    const rejoined = await join(app, concertGid, me);
    expect(rejoined).toMatchObject({ id: first.id, place: mine.place });
  });

  it('refuses guests without an id and partners, and says when joining opens', async () => {
    const { concertGid } = await createRoomConcert(app, { preQueueMinutes: 5 }, 60 * 60_000);
    const early = await join(app, concertGid, guestHeaders());
    expect(early).toMatchObject({ __typename: 'WaitingRoomClosedError', reason: 'NOT_YET_OPEN' });
    expect(new Date(early.opensAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    const open = await createRoomConcert(app);
    expect((await join(app, open.concertGid, {})).__typename).toBe('GuestIdRequiredError');
    const partner = await graphql(app, `mutation($c: ID!) { joinWaitingRoom(concertId: $c) { __typename } }`, { c: open.concertGid }, { headers: partnerHeaders() });
    expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await myTicket(app, open.concertGid, {})).toBeNull();
  });
});
