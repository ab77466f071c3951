import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { bookingItems, bookings, concerts } from '../db/schema.ts';
import type { PreparedBooking } from './prepared-booking.ts';

// The per-concert limit of tickets one customer may hold (concerts.max_tickets_per_customer). A
// customer is lower(customer_email). Only holds are limited: partners book against quotas of their own.
//
// Counting and writing must not interleave between two requests of one customer, or both would see
// room for the same tickets. So every hold transaction first takes a transaction-level advisory lock
// per (concert, customer) it holds for, in one statement, in key order (no two can deadlock; a
// transaction-level lock also works behind PgBouncer in transaction mode), and counts in a later
// statement: at READ COMMITTED that statement's fresh snapshot sees every hold committed by whoever
// had the lock before. In a single statement the snapshot would predate the wait, and see too little.

export const isHold = (booking: PreparedBooking) => booking.holdSeconds !== null;

/** The advisory lock key of one customer of one concert: 64 bits, so two customers practically never share one. */
const lockKey = (concertId: SQL, email: SQL) => sql`hashtextextended(${concertId}::text || '/' || lower(${email}), 0)`;

/** Locks the customers of these (concert, email) pairs, each once, in key order. Arrays of equal length. */
export function lockCustomers(concertIds: SQL, emails: SQL): SQL {
  return sql`
SELECT pg_advisory_xact_lock(keys.key) FROM (
  SELECT DISTINCT ${lockKey(sql`c.concert_id`, sql`c.email`)} AS key
  FROM unnest(${concertIds}, ${emails}) AS c(concert_id, email)
  ORDER BY key
) AS keys`;
}

/**
 * Tickets the customer `email` holds or owns for the concert `concertId` (SQL expressions of the
 * enclosing query): confirmed bookings and holds not yet expired. A hold past its expiry counts no
 * more, even before the sweeper has ended it; cancelled and expired bookings never count.
 * The customer's bookings are found by email first (bookings_customer_email_idx; a person has few),
 * behind a fence: left to choose, a generic plan may take the concert's index and read every
 * booking of a busy concert once per customer.
 */
export function ticketsHeldBy(concertId: SQL, email: SQL): SQL {
  return sql`(
  WITH theirs AS MATERIALIZED (
    SELECT ${bookings.id} AS id, ${bookings.concertId} AS concert_id, ${bookings.status} AS status, ${bookings.expiresAt} AS expires_at
    FROM ${bookings} WHERE lower(${bookings.customerEmail}) = lower(${email})
  )
  SELECT coalesce(sum(${bookingItems.quantity}), 0)::int FROM theirs
  JOIN ${bookingItems} ON ${bookingItems.bookingId} = theirs.id
  WHERE theirs.concert_id = ${concertId} AND (theirs.status = 'CONFIRMED' OR (theirs.status = 'PENDING' AND theirs.expires_at > now()))
)`;
}

/** The limit of the concert `concertId` (an SQL expression of the enclosing query). */
export const ticketLimitOf = (concertId: SQL) =>
  sql`(SELECT ${concerts.maxTicketsPerCustomer} FROM ${concerts} WHERE ${concerts.id} = ${concertId})`;

/** Tickets a booking asks for over all its tiers: what counts against the limit. */
export const ticketsOf = (booking: PreparedBooking) => booking.items.reduce((sum, item) => sum + item.quantity, 0);

export interface Allowance {
  /** The concert and lower(email), as Postgres lowers it: bookings with one key share one allowance. */
  customer: string;
  limit: number;
  /** Tickets held before this transaction's own holds. */
  held: number;
}

/**
 * For the careful path, in its transaction, after lockCustomerHolds and the claim of the bookings'
 * rows (which have no items yet, so they count nothing): each hold's customer and allowance.
 */
export async function allowancesOf(tx: Transaction, holds: PreparedBooking[]): Promise<Map<string, Allowance>> {
  const { rows } = await tx.execute<Allowance & { bookingId: string }>(sql`
SELECT b.id::text AS "bookingId", b.concert_id::text || '/' || lower(b.email) AS customer,
  ${ticketLimitOf(sql`b.concert_id`)} AS "limit", ${ticketsHeldBy(sql`b.concert_id`, sql`b.email`)} AS held
FROM unnest(${sql.param(holds.map((h) => h.bookingId))}::uuid[], ${sql.param(holds.map((h) => h.concertId))}::uuid[],
  ${sql.param(holds.map((h) => h.customerEmail))}::text[])
  AS b(id, concert_id, email)`);
  return new Map(rows.map(({ bookingId, ...allowance }) => [bookingId, allowance]));
}

/** lockCustomers for the careful path's transaction. */
export async function lockCustomerHolds(tx: Transaction, holds: PreparedBooking[]): Promise<void> {
  await tx.execute(lockCustomers(sql`${sql.param(holds.map((h) => h.concertId))}::uuid[]`, sql`${sql.param(holds.map((h) => h.customerEmail))}::text[]`));
}
