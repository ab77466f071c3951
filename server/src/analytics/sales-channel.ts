import { sql, type SQL } from 'drizzle-orm';
import { bookings } from '../db/schema.ts';

/**
 * A concert's sales that leave its availability as it was: a paid hold's tickets were already
 * taken when it was held, so the availability feed says nothing when it is confirmed. Organizers'
 * figures (revenue, holds vs confirmed) change all the same; this channel tells the sales feed.
 */
export function salesChannel(concertId: string) {
  return `sales:${concertId}`;
}

/** Confirms a held booking and announces the sale, in one statement of the caller's transaction. */
export function confirmBookingAndAnnounce(bookingId: string): SQL {
  return sql`WITH confirmed AS (
    UPDATE ${bookings} SET status = 'CONFIRMED', expires_at = NULL WHERE ${bookings.id} = ${bookingId} RETURNING ${bookings.concertId} AS concert_id
  )
  SELECT pg_notify(${salesChannel('')}::text || confirmed.concert_id::text, '') FROM confirmed`;
}
