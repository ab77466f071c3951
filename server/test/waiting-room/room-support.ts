import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { concerts } from '../../src/db/schema.ts';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { tickWaitingRooms } from '../../src/waiting-room/admission-ticker.ts';
import { configureRoom, type RoomSettings } from '../../src/waiting-room/room-settings.ts';
import type { WaitingRoomStatus } from '../../src/waiting-room/waiting-room-status.ts';
import { createConcert, createTestApp, graphql, type TestApp } from '../support/test-app.ts';

/** An app whose own ticker is off: these tests tick with a simulated clock (quotas are out of the way in every test app). */
export const createRoomTestApp = () => createTestApp({ waitingRoomTickMs: 0 });

export const DEFAULT_ROOM: RoomSettings = { enabled: true, preQueueMinutes: 30, admissionsPerMinute: 60, maxShopping: 1_000, admissionMinutes: 10 };

/**
 * A concert of the test's own with its waiting room on. `onSaleInMs`: the on-sale time from now
 * (the draw). In the future, joining is open (the pre-queue) and no real-time ticker of another
 * test app draws the line; tests tick it themselves with `now` past onSaleAt.
 * Null: on sale now (for holds, which check the real clock).
 */
export async function createRoomConcert(app: TestApp, settings: Partial<RoomSettings> = {}, onSaleInMs: number | null = 10 * 60_000, capacity = 1_000) {
  const created = await createConcert(app.db, [{ capacity }]);
  const onSaleAt = onSaleInMs === null ? null : new Date(Date.now() + onSaleInMs);
  await app.db.update(concerts).set({ onSaleAt }).where(eq(concerts.id, created.concert.id));
  await configureRoom(app, created.concert.id, { ...DEFAULT_ROOM, ...settings });
  return { ...created, onSaleAt };
}

/**
 * Ticks this concert's room at `now`. Another test app's real-time ticker may hold the room's lock
 * for a moment (then this tick skips it): try again until this call is the one that acted.
 */
export async function tick(app: TestApp, concertId: string, now?: Date): Promise<WaitingRoomStatus> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [status] = await tickWaitingRooms(app.db, { concertId, now });
    if (status) return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`the waiting room of ${concertId} was never ticked`);
}

export const guestHeaders = (guestId = `guest-${randomUUID()}`) => ({ 'x-guest-id': guestId });

export const JOIN = /* GraphQL */ `
  mutation Join($concertId: ID!) {
    joinWaitingRoom(concertId: $concertId) {
      __typename
      ... on QueueTicket { id place status admissionToken admissionExpiresAt }
      ... on WaitingRoomClosedError { reason opensAt }
      ... on Error { message }
    }
  }
`;

/** A hold through the waiting room, with what the room's tests look at in its answer. */
export const HOLD_WITH_ADMISSION = /* GraphQL */ `
  mutation Hold($input: BookTicketsInput!, $admissionToken: String) {
    holdTickets(input: $input, admissionToken: $admissionToken) {
      __typename
      ... on HoldTicketsSuccess { replayed booking { id status } }
      ... on InvalidAdmissionError { reason }
      ... on Error { message }
    }
  }
`;

export const MY_TICKET = /* GraphQL */ `
  query MyTicket($concertId: ID!) {
    myQueueTicket(concertId: $concertId) { id place status admissionToken admissionExpiresAt }
  }
`;

export async function join(app: TestApp, concertGid: string, headers: Record<string, string>) {
  const response = await graphql(app, JOIN, { concertId: concertGid }, { headers });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.joinWaitingRoom;
}

export async function myTicket(app: TestApp, concertGid: string, headers: Record<string, string>) {
  const response = await graphql(app, MY_TICKET, { concertId: concertGid }, { headers });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.myQueueTicket;
}

/** Many waiters at once, straight into the table in join order (seq), as joins one by one would. */
export async function addWaiters(app: TestApp, concertId: string, count: number, prefix = 'bulk') {
  await app.db.execute(sql`
    INSERT INTO ${waitingRoomEntries} (concert_id, identity)
    SELECT ${concertId}, ${prefix} || ':' || n FROM generate_series(1, ${count}) AS n ORDER BY n`);
}

/** Admission facts straight from the table: how many were admitted, and whether any place twice. */
export async function admissions(app: TestApp, concertId: string) {
  const rows = await app.db
    .select({ place: waitingRoomEntries.place, admittedAt: waitingRoomEntries.admittedAt })
    .from(waitingRoomEntries)
    .where(eq(waitingRoomEntries.concertId, concertId));
  const admitted = rows.filter((row) => row.admittedAt !== null).map((row) => row.place!).sort((a, b) => a - b);
  return { admitted, total: rows.length };
}

/** A concert on sale now, its room on, and shoppers admitted (ticked with the real clock). */
export async function admitShoppers(app: TestApp, count: number, capacity = 100) {
  const room = await createRoomConcert(app, { preQueueMinutes: 0, admissionsPerMinute: 6_000 }, null, capacity);
  const shoppers = Array.from({ length: count }, () => guestHeaders());
  for (const headers of shoppers) await join(app, room.concertGid, headers);
  const now = new Date();
  await tick(app, room.concert.id, now);
  await tick(app, room.concert.id, at(now, 5));
  const tickets = await Promise.all(shoppers.map((headers) => myTicket(app, room.concertGid, headers)));
  for (const ticket of tickets) {
    if (ticket.status !== 'ADMITTED' || typeof ticket.admissionToken !== 'string') throw new Error(`not admitted: ${JSON.stringify(ticket)}`);
  }
  return { ...room, shoppers, tokens: tickets.map((ticket) => ticket.admissionToken as string), tickets };
}

export const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
