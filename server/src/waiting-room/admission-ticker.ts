import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import { bookings, concerts } from '../db/schema.ts';
import { waitingRoomEntries as entries, waitingRooms } from '../db/waiting-room-schema.ts';
import { roomColumns, roomIsOpenAt, statusOf, statusPayload, WAITING_ROOM_STATUS_CHANNEL, type WaitingRoomStatus } from './waiting-room-status.ts';

/** The advisory-lock key space of waiting rooms; the second key is the concert's hash. */
const LOCK_SPACE = 0x5752;
/** A tick after an outage earns at most this much time: the line resumes at its rate, not in a burst. */
const MAX_ELAPSED_SECONDS = 10;
/** A spent token whose hold never came back (a crashed instance) stops counting as shopping after this. */
const HOLD_IN_FLIGHT_SECONDS = 60;
/** Float sums of rate/60 fall a hair short of whole numbers; this keeps 60 × (7/60) at 7. */
const EPSILON = 1e-9;

export interface TickOptions {
  /** The time to tick at; Postgres' clock when absent. Tests simulate minutes with it. */
  now?: Date;
  /** Only this concert's room (tests tick their own concert while others run beside them). */
  concertId?: string;
  /** Told the tick's wall time and how many it admitted, when it worked on a room (metrics). */
  onTick?: (seconds: number, admitted: number) => void;
}

/**
 * One tick of every open waiting room (on, published, pre-queue open, concert not started or
 * cancelled), in one transaction: draw the pre-queue at the on-sale time,
 * give newcomers their places, admit as many as the rate has earned and the shopping cap allows,
 * and NOTIFY each room's status (delivered on commit). Every instance runs this every second or
 * so; a room is worked on by whichever instance takes its transaction-level advisory lock first
 * (which a transaction-mode pooler keeps), the others skip it. Credit is earned from the time since
 * the room's own last tick, so however many instances tick, and however often, the rate holds.
 * Returns the statuses published, one per room this call worked on.
 */
export async function tickWaitingRooms(db: Database, options: TickOptions = {}): Promise<WaitingRoomStatus[]> {
  const started = performance.now();
  let admittedBefore = 0;
  const statuses = await db.transaction(async (tx) => {
    // An idle tick (no open room) is this one statement in its transaction.
    const atSql = options.now ? sql`${options.now}::timestamptz` : sql`now()`;
    const onlyConcert = options.concertId ? sql`AND r.concert_id = ${options.concertId}` : sql``;
    // Materialized first, so the lock is tried only on rooms that are open: a room this tick skips
    // is never locked by it, and another tick of it (another instance, a test) is not turned away.
    const locked = await tx.execute<{ concert_id: string; at: string | Date }>(sql`
      WITH eligible AS MATERIALIZED (
        SELECT r.concert_id FROM ${waitingRooms} r JOIN ${concerts} c ON c.id = r.concert_id
         WHERE ${roomIsOpenAt(atSql)} ${onlyConcert}
         ORDER BY r.concert_id
      )
      SELECT concert_id, ${atSql} AS at FROM eligible WHERE pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(concert_id::text))`);
    const ids = locked.rows.map((row) => row.concert_id);
    if (ids.length === 0) return [];
    const at = options.now ?? new Date(locked.rows[0].at);
    const rooms = await tx
      .select({ ...roomColumns, credit: waitingRooms.credit, lastTickAt: waitingRooms.lastTickAt, admissionSeconds: waitingRooms.admissionSeconds, holdSeconds: concerts.holdSeconds })
      .from(waitingRooms)
      .innerJoin(concerts, eq(concerts.id, waitingRooms.concertId))
      .where(inArray(waitingRooms.concertId, ids))
      .orderBy(waitingRooms.concertId)
      .for('update', { of: waitingRooms });
    admittedBefore = rooms.reduce((sum, room) => sum + room.admittedThrough, 0);
    const statuses: WaitingRoomStatus[] = [];
    for (const room of rooms) statuses.push(await tickRoom(tx, room, at));
    await tx.execute(sql`SELECT ${sql.join(statuses.map((status) => sql`pg_notify(${WAITING_ROOM_STATUS_CHANNEL}, ${statusPayload(status)})`), sql`, `)}`);
    return statuses;
  });
  if (statuses.length > 0) options.onTick?.((performance.now() - started) / 1000, statuses.reduce((sum, status) => sum + status.admittedThrough, 0) - admittedBefore);
  return statuses;
}

type Room = Parameters<typeof statusOf>[0] & { credit: number; lastTickAt: Date | null; admissionSeconds: number; holdSeconds: number };

async function tickRoom(tx: Transaction, room: Room, at: Date): Promise<WaitingRoomStatus> {
  let { drawnAt, lastPlace, admittedThrough, credit } = room;
  const drawNow = drawnAt === null && (room.onSaleAt === null || room.onSaleAt.getTime() <= at.getTime());
  if (drawNow) drawnAt = at;
  if (drawnAt === null) {
    // The pre-queue: nobody has a place yet, so nobody is admitted; waiters see how many joined.
    const waiting = await countUnplaced(tx, room.concertId);
    await saveRoom(tx, room.concertId, { waiting, lastTickAt: at });
    return statusOf({ ...room, waiting }, at);
  }

  // At the draw, the pre-queue in random order; after it, newcomers in the order they joined.
  lastPlace += await placeNewcomers(tx, room.concertId, lastPlace, drawNow ? 'random' : 'joined');
  const shopping = await countShopping(tx, room, at);

  // Earned since this room's last tick (none for the time before its draw).
  const elapsed = drawNow || !room.lastTickAt ? 0 : Math.min(MAX_ELAPSED_SECONDS, Math.max(0, (at.getTime() - room.lastTickAt.getTime()) / 1000));
  credit += (room.admissionsPerMinute * elapsed) / 60;
  const earned = Math.floor(credit + EPSILON);
  const grant = Math.max(0, Math.min(earned, room.maxShopping - shopping, lastPlace - admittedThrough));
  credit -= grant;
  // Admissions the cap or an empty line held back are not banked: they would come as a burst later.
  if (grant < earned) credit -= Math.floor(credit + EPSILON);
  credit = Math.max(0, credit);
  if (grant > 0) {
    await tx
      .update(entries)
      .set({ admittedAt: at, admissionExpiresAt: new Date(at.getTime() + room.admissionSeconds * 1000) })
      .where(sql`${entries.concertId} = ${room.concertId} AND ${entries.place} > ${admittedThrough} AND ${entries.place} <= ${admittedThrough + grant} AND ${entries.admittedAt} IS NULL`);
    admittedThrough += grant;
  }
  const next = { drawnAt, lastPlace, admittedThrough, credit, waiting: lastPlace - admittedThrough, shopping: shopping + grant };
  // Never move the clock back: a late tick (or a test's earlier `now`) must not earn the same time twice.
  const lastTickAt = room.lastTickAt && room.lastTickAt > at ? room.lastTickAt : at;
  await saveRoom(tx, room.concertId, { ...next, lastTickAt });
  return statusOf({ ...room, ...next }, at);
}

function saveRoom(tx: Transaction, concertId: string, state: Partial<typeof waitingRooms.$inferInsert>) {
  return tx.update(waitingRooms).set({ ...state, updatedAt: sql`now()` }).where(eq(waitingRooms.concertId, concertId));
}

async function countUnplaced(tx: Transaction, concertId: string) {
  const [{ count }] = (await tx.execute<{ count: number }>(sql`SELECT count(*)::int AS count FROM ${entries} WHERE ${entries.concertId} = ${concertId} AND ${entries.place} IS NULL`)).rows;
  return count;
}

/** Gives places lastPlace+1, lastPlace+2, ... to everyone without one; returns how many. */
async function placeNewcomers(tx: Transaction, concertId: string, lastPlace: number, order: 'random' | 'joined') {
  // draw_key was drawn by Postgres' CSPRNG at join: when or how fast someone joined says nothing of it.
  const orderBy = order === 'random' ? sql`${entries.drawKey}` : sql`${entries.seq}`;
  const [{ count }] = (
    await tx.execute<{ count: number }>(sql`
      WITH ranked AS (
        SELECT ${entries.id} AS id, row_number() OVER (ORDER BY ${orderBy}) AS rn FROM ${entries}
         WHERE ${entries.concertId} = ${concertId} AND ${entries.place} IS NULL
      ), placed AS (
        UPDATE ${entries} SET place = ${lastPlace} + ranked.rn FROM ranked WHERE ${entries.id} = ranked.id RETURNING 1
      )
      SELECT count(*)::int AS count FROM placed`)
  ).rows;
  return count;
}

/**
 * Shoppers holding a slot now: admitted with the admission still running, or having spent it on a
 * hold that is still pending (or still being made). Only recent admissions can be either, so the
 * count reads a bounded slice of the index however long the line has been running.
 */
async function countShopping(tx: Transaction, room: Room, at: Date) {
  const horizonSeconds = room.admissionSeconds + room.holdSeconds + HOLD_IN_FLIGHT_SECONDS;
  const [{ count }] = (
    await tx.execute<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM ${entries} LEFT JOIN ${bookings} ON ${bookings.id} = ${entries.bookingId}
       WHERE ${entries.concertId} = ${room.concertId} AND ${entries.admittedAt} IS NOT NULL
         AND ${entries.admittedAt} > ${at}::timestamptz - make_interval(secs => ${horizonSeconds})
         AND ((${entries.usedAt} IS NULL AND ${entries.admissionExpiresAt} > ${at}::timestamptz)
           OR (${entries.usedAt} IS NOT NULL AND ${entries.bookingId} IS NULL AND ${entries.usedAt} > ${at}::timestamptz - make_interval(secs => ${HOLD_IN_FLIGHT_SECONDS}))
           OR (${bookings.status} = 'PENDING' AND ${bookings.expiresAt} > ${at}::timestamptz))`)
  ).rows;
  return count;
}
