import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { concerts } from '../db/schema.ts';
import { waitingRoomEntries as entries, waitingRooms } from '../db/waiting-room-schema.ts';
import { WaitingRoomClosedError } from './errors.ts';
import { preQueueOpensAt, roomIsOpenAt } from './waiting-room-status.ts';

export type QueueEntry = typeof entries.$inferSelect;

export type QueueTicketStatus = 'WAITING' | 'ADMITTED' | 'EXPIRED' | 'USED';

/** A shopper's entry as their page sees it, with the database's clock to judge its admission by. */
export interface QueueTicket {
  entry: QueueEntry;
  now: Date;
}

export function ticketStatus({ entry, now }: QueueTicket): QueueTicketStatus {
  if (entry.usedAt) return 'USED';
  if (!entry.admittedAt || !entry.admissionExpiresAt) return 'WAITING';
  return entry.admissionExpiresAt > now ? 'ADMITTED' : 'EXPIRED';
}

const dbNow = sql<Date>`now()`.mapWith((value: string | Date) => new Date(value));

/**
 * Joins the concert's line, or finds the place already held: one upsert, whose unique
 * (concert, identity) index makes any number of concurrent joins by one shopper a single entry.
 * The insert happens only while the room is on and open; the refusal path reads why.
 * `identities` are the shopper's, account first (shopperIdentitiesOf): a shopper who signed in
 * after joining as a guest finds that place (one read first) instead of taking a new one at the back.
 */
export async function joinQueue(db: Database, concertId: string, identities: readonly string[]): Promise<QueueTicket | null> {
  if (identities.length > 1) {
    const held = await findTicket(db, concertId, identities);
    if (held) return held;
  }
  const identity = identities[0];
  const open = sql`EXISTS (
    SELECT 1 FROM ${waitingRooms} r JOIN ${concerts} c ON c.id = r.concert_id
     WHERE r.concert_id = ${concertId} AND ${roomIsOpenAt(sql`now()`)})`;
  const rows = await db.execute<QueueEntry & { now: string }>(sql`
    INSERT INTO ${entries} (concert_id, identity) SELECT ${concertId}, ${identity} WHERE ${open}
    ON CONFLICT (concert_id, identity) DO UPDATE SET identity = EXCLUDED.identity
    RETURNING id, concert_id AS "concertId", identity, seq, draw_key AS "drawKey", joined_at AS "joinedAt", place,
              admitted_at AS "admittedAt", admission_expires_at AS "admissionExpiresAt", used_at AS "usedAt", booking_id AS "bookingId", now() AS now`);
  const [row] = rows.rows;
  if (row) {
    const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
    return {
      entry: { ...row, seq: Number(row.seq), joinedAt: new Date(row.joinedAt), admittedAt: date(row.admittedAt), admissionExpiresAt: date(row.admissionExpiresAt), usedAt: date(row.usedAt) },
      now: new Date(row.now),
    };
  }
  // Already in line (rooms close, places stay): the existing place, whatever the room says now.
  const existing = await findTicket(db, concertId, identities);
  if (existing) return existing;
  const [room] = await db
    .select({ enabled: waitingRooms.enabled, preQueueMinutes: waitingRooms.preQueueMinutes, onSaleAt: concerts.onSaleAt, published: concerts.published, startsAt: concerts.startsAt, cancelledAt: concerts.cancelledAt, now: dbNow })
    .from(concerts)
    .leftJoin(waitingRooms, eq(waitingRooms.concertId, concerts.id))
    .where(eq(concerts.id, concertId));
  if (!room || !room.published) return null;
  if (!room.enabled) throw new WaitingRoomClosedError(concertId, 'OFF', null);
  if (room.cancelledAt || room.startsAt <= room.now) throw new WaitingRoomClosedError(concertId, 'ENDED', null);
  throw new WaitingRoomClosedError(concertId, 'NOT_YET_OPEN', preQueueOpensAt(room.onSaleAt, room.preQueueMinutes!));
}

/**
 * The shopper's entry: one read by the unique (concert, identity) index. A shopper with two (one
 * taken signed in on another device, one by this browser as a guest) gets the one that serves them
 * best: an admission they can use, else the earlier place in line, else the account's.
 */
export async function findTicket(db: Database, concertId: string, identities: readonly string[]): Promise<QueueTicket | null> {
  const rows = await db
    .select({ entry: entries, now: dbNow })
    .from(entries)
    .where(and(eq(entries.concertId, concertId), inArray(entries.identity, [...identities])));
  if (rows.length <= 1) return rows[0] ?? null;
  const rank = (ticket: QueueTicket) => ({ ADMITTED: 0, WAITING: 1, USED: 2, EXPIRED: 2 })[ticketStatus(ticket)];
  const placeOf = ({ entry }: QueueTicket) => [entry.place ?? Number.MAX_SAFE_INTEGER, entry.seq];
  return rows.sort((a, b) => {
    const [placeA, seqA] = placeOf(a);
    const [placeB, seqB] = placeOf(b);
    return rank(a) - rank(b) || placeA - placeB || seqA - seqB || identities.indexOf(a.entry.identity) - identities.indexOf(b.entry.identity);
  })[0];
}
