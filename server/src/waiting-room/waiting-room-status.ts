import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import { concerts } from '../db/schema.ts';
import { waitingRooms } from '../db/waiting-room-schema.ts';

/** Every tick's status of every open waiting room goes out on this one channel. */
export const WAITING_ROOM_STATUS_CHANNEL = 'waiting_room_status';

/**
 * What every waiter of a concert needs to place themselves, the same for all of them: a client
 * computes its position as place − admittedThrough and its wait as position / admissionsPerMinute.
 * One of these per concert per tick is the whole cost of keeping 50,000 pages current.
 */
export interface WaitingRoomStatus {
  concertId: string;
  enabled: boolean;
  /** The pre-queue's places were drawn (at the on-sale time); before that nobody has a place. */
  drawn: boolean;
  /** Places up to this one have been admitted. */
  admittedThrough: number;
  /** Places given so far. */
  lastPlace: number;
  admissionsPerMinute: number;
  maxShopping: number;
  /** Joined and not yet admitted. */
  waiting: number;
  /** Admitted and still shopping (admission unexpired, or a hold still pending). */
  shopping: number;
  /** When joining opens (the pre-queue); null: as soon as the queue is on (no on-sale time). */
  opensAt: Date | null;
  /** The on-sale time, when the pre-queue is drawn; null: the concert is on sale already. */
  drawsAt: Date | null;
  /** When this status was true (the database's clock at the tick). */
  at: Date;
}

export interface RoomRow {
  concertId: string;
  enabled: boolean;
  drawnAt: Date | null;
  admittedThrough: number;
  lastPlace: number;
  admissionsPerMinute: number;
  maxShopping: number;
  preQueueMinutes: number;
  waiting: number;
  shopping: number;
  onSaleAt: Date | null;
}

export function statusOf(room: RoomRow, at: Date): WaitingRoomStatus {
  return {
    concertId: room.concertId,
    enabled: room.enabled,
    drawn: room.drawnAt !== null,
    admittedThrough: room.admittedThrough,
    lastPlace: room.lastPlace,
    admissionsPerMinute: room.admissionsPerMinute,
    maxShopping: room.maxShopping,
    waiting: room.waiting,
    shopping: room.shopping,
    opensAt: preQueueOpensAt(room.onSaleAt, room.preQueueMinutes),
    drawsAt: room.onSaleAt,
    at,
  };
}

export function preQueueOpensAt(onSaleAt: Date | null, preQueueMinutes: number): Date | null {
  return onSaleAt && new Date(onSaleAt.getTime() - preQueueMinutes * 60_000);
}

/**
 * The same rule in SQL, with the room aliased `r` and its concert `c`: the room is on, the concert
 * published, not cancelled, not started, and its line has opened (preQueueOpensAt) at `at`.
 */
export const roomIsOpenAt = (at: SQL) => sql`r.enabled AND c.published AND c.cancelled_at IS NULL AND c.starts_at > ${at}
  AND (c.on_sale_at IS NULL OR c.on_sale_at - make_interval(mins => r.pre_queue_minutes) <= ${at})`;

/** The columns statusOf needs, for selects that join the concert. */
export const roomColumns = {
  concertId: waitingRooms.concertId,
  enabled: waitingRooms.enabled,
  drawnAt: waitingRooms.drawnAt,
  admittedThrough: waitingRooms.admittedThrough,
  lastPlace: waitingRooms.lastPlace,
  admissionsPerMinute: waitingRooms.admissionsPerMinute,
  maxShopping: waitingRooms.maxShopping,
  preQueueMinutes: waitingRooms.preQueueMinutes,
  waiting: waitingRooms.waiting,
  shopping: waitingRooms.shopping,
  onSaleAt: concerts.onSaleAt,
};

/** The status as the last tick left it, and whether its concert is published: one read by primary key. */
export async function readRoom(db: Database | Transaction, concertId: string): Promise<{ status: WaitingRoomStatus; published: boolean } | null> {
  const [row] = await db
    .select({ ...roomColumns, published: concerts.published, now: sql<Date>`now()`.mapWith((value: string | Date) => new Date(value)) })
    .from(waitingRooms)
    .innerJoin(concerts, eq(concerts.id, waitingRooms.concertId))
    .where(eq(waitingRooms.concertId, concertId));
  return row ? { status: statusOf(row, row.now), published: row.published } : null;
}

/**
 * The status for the query and for reloads. An unpublished concert's room is the organizers' only:
 * to everyone else it does not exist.
 */
export async function readStatus(db: Database, concertId: string, seesUnpublished = false): Promise<WaitingRoomStatus | null> {
  const room = await readRoom(db, concertId);
  return room && (room.published || seesUnpublished) ? room.status : null;
}

/** The NOTIFY payload: a few hundred bytes, far under Postgres' 8000-byte limit. */
export function statusPayload(status: WaitingRoomStatus): string {
  return JSON.stringify(status);
}

export function parseStatus(payload: string): WaitingRoomStatus {
  const raw = JSON.parse(payload) as Record<string, unknown>;
  const date = (value: unknown) => (value === null ? null : new Date(value as string));
  return { ...(raw as unknown as WaitingRoomStatus), opensAt: date(raw.opensAt), drawsAt: date(raw.drawsAt), at: new Date(raw.at as string) };
}
