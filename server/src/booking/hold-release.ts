import { sql, type SQL } from 'drizzle-orm';
import { columnName as col } from '../db/named-statement.ts';
import { bookingItems, bookings, ticketTiers } from '../db/schema.ts';
import { notifyChangedTiers } from '../events/availability-channel.ts';

export type ReleasedStatus = 'EXPIRED' | 'CANCELLED';
type LiveStatus = 'PENDING' | 'CONFIRMED';

/**
 * One statement that ends bookings and puts their tickets back on sale, exactly once: `bookingIds`
 * is a subquery naming bookings, and only those still in status `from` when their row is locked
 * (or one of several) change (one that a concurrent sweeper, release, cancellation or payment got to first is left
 * alone, and returns nothing). Tier rows are then locked in id order, like every other writer,
 * incremented and notified. Returns how many bookings it ended.
 */
export function returnTickets(bookingIds: SQL, status: ReleasedStatus, from: LiveStatus | readonly LiveStatus[]): SQL {
  const live = typeof from === 'string' ? sql`${from}` : sql.join(from.map((one) => sql`${one}`), sql`, `);
  return sql`
WITH released AS MATERIALIZED (
  UPDATE ${bookings} SET ${col(bookings.status)} = ${status}, ${col(bookings.expiresAt)} = NULL
  WHERE ${bookings.id} IN (${bookingIds}) AND ${bookings.status} IN (${live})
  RETURNING ${bookings.id} AS id
),
returned AS MATERIALIZED (
  SELECT ${bookingItems.tierId} AS tier_id, sum(${bookingItems.quantity})::int AS quantity
  FROM ${bookingItems} WHERE ${bookingItems.bookingId} IN (SELECT id FROM released)
  GROUP BY ${bookingItems.tierId}
),
locked AS MATERIALIZED (
  SELECT ${ticketTiers.id} FROM ${ticketTiers} WHERE ${ticketTiers.id} IN (SELECT tier_id FROM returned) ORDER BY ${ticketTiers.id} FOR UPDATE
),
updated AS (
  UPDATE ${ticketTiers} SET ${col(ticketTiers.available)} = ${ticketTiers.available} + returned.quantity
  FROM returned WHERE ${ticketTiers.id} = returned.tier_id AND (SELECT count(*) FROM locked) >= 0
  RETURNING ${ticketTiers.id} AS id, ${ticketTiers.concertId} AS concert_id
),
notified AS MATERIALIZED (${notifyChangedTiers(sql`updated`)})
SELECT (SELECT count(*) FROM released)::int AS released, (SELECT count(*) FROM notified)::int AS notices`;
}

/** Ends holds (still PENDING when locked) as EXPIRED or CANCELLED. */
export const releaseHolds = (holdIds: SQL, status: ReleasedStatus) => returnTickets(holdIds, status, 'PENDING');

/** Holds past their expiry, oldest first; rows another transaction has locked are skipped, not waited for. */
export function expiredHolds(limit: number, onlyTiers?: SQL): SQL {
  return sql`
  SELECT ${bookings.id} FROM ${bookings}
  WHERE ${bookings.status} = 'PENDING' AND ${bookings.expiresAt} <= now()
  ${onlyTiers ?? sql``}
  ORDER BY ${bookings.expiresAt}
  LIMIT ${limit}
  FOR UPDATE SKIP LOCKED`;
}

/**
 * For the careful booking path, which already holds the locks of `lockedTierIds`: expired holds
 * that touch one of `wantedTierIds` and no tier outside the locked ones (taking another tier's lock
 * now would break the id order every transaction locks in; the sweeper frees those within a second).
 */
export function expiredHoldsWithin(wantedTierIds: string[], lockedTierIds: string[]): SQL {
  const wanted = sql`ARRAY[${sql.join(wantedTierIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const locked = sql`ARRAY[${sql.join(lockedTierIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  return expiredHolds(
    1_000,
    sql`AND EXISTS (SELECT 1 FROM ${bookingItems} i WHERE i.booking_id = ${bookings.id} AND i.tier_id = ANY(${wanted}))
        AND NOT EXISTS (SELECT 1 FROM ${bookingItems} i WHERE i.booking_id = ${bookings.id} AND NOT (i.tier_id = ANY(${locked})))`,
  );
}
