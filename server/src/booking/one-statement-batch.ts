import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { ALL_CONCERTS_CHANNEL, concertChannel } from '../events/availability-channel.ts';
import type { BookingOutcome, PreparedBooking } from './commit-booking-batch.ts';

/**
 * The whole batch in one statement, run outside an explicit transaction: one round trip, and the hot
 * tier rows are locked only while Postgres executes it and flushes the commit, never while a reply
 * crosses the network. It takes the same locks in the same order as the careful transaction in
 * commit-booking-batch.ts:
 * 1. `claimed` inserts the bookings in idempotency-key order (a key someone else holds is skipped,
 *    after waiting for that holder to finish);
 * 2. `locked` locks the tier rows in id order, and cannot start before every key is claimed: its
 *    one-time filter reads the whole of `claimed` first;
 * 3. `updated` decrements the tiers, and cannot start before every tier is locked (same device).
 * It is optimistic: it books every claimed booking. If a tier had too few tickets left, the CHECK
 * (available >= 0) fails the statement, nothing at all is written, and the caller falls back to the
 * careful transaction, which decides booking by booking. NOTIFY is part of the statement, so it is
 * sent on commit only, and only for the tiers that really changed.
 */
const BOOK_BATCH = /* SQL */ `
WITH claimed AS MATERIALIZED (
  INSERT INTO bookings (id, concert_id, customer_email, total_cents, currency, idempotency_key, request_fingerprint)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::varchar[], $6::varchar[], $7::varchar[])
  ORDER BY 6
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING id, created_at
),
items AS MATERIALIZED (
  SELECT i.* FROM unnest($8::uuid[], $9::uuid[], $10::int[], $11::int[]) AS i(booking_id, tier_id, quantity, unit_price_cents)
  WHERE i.booking_id IN (SELECT id FROM claimed)
),
locked AS MATERIALIZED (
  SELECT id FROM ticket_tiers
  WHERE id = ANY($9::uuid[]) AND (SELECT count(*) FROM claimed) >= 0
  ORDER BY id
  FOR UPDATE
),
updated AS (
  UPDATE ticket_tiers AS t SET available = t.available - demand.quantity
  FROM (SELECT tier_id, sum(quantity)::int AS quantity FROM items GROUP BY tier_id) AS demand
  WHERE t.id = demand.tier_id AND (SELECT count(*) FROM locked) >= 0
  RETURNING t.id, t.concert_id
),
inserted AS (
  INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents)
  SELECT booking_id, tier_id, quantity, unit_price_cents FROM items
),
-- Ids only, at most 100 tiers per notice (payloads are limited to 8000 bytes); see availability-channel.ts.
notices AS (
  SELECT concert_id, json_build_object('concertId', concert_id, 'tierIds', json_agg(id ORDER BY id))::text AS payload
  FROM (SELECT id, concert_id, (row_number() OVER (PARTITION BY concert_id ORDER BY id) - 1) / 100 AS chunk FROM updated) AS u
  GROUP BY concert_id, chunk
),
notified AS MATERIALIZED (
  SELECT pg_notify(channel, payload)
  FROM notices, LATERAL (VALUES ($12::text || concert_id), ($13::text)) AS c(channel)
)
-- One row per claimed booking. No claim means no change, and then nothing to notify either.
SELECT id::text AS id, created_at, (SELECT count(*) FROM notified) AS notices FROM claimed`;

/** SQLSTATEs that mean "this batch cannot be booked as a whole", never "something is broken". */
const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Books every booking of the batch in one statement, or returns null when some booking cannot be
 * served (a tier short of tickets, or gone), having written nothing.
 */
export async function bookBatchInOneStatement(db: Database, batch: PreparedBooking[]): Promise<BookingOutcome[] | null> {
  const bookingColumns: unknown[][] = [[], [], [], [], [], [], []];
  const itemColumns: unknown[][] = [[], [], [], []];
  for (const booking of batch) {
    const total = booking.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const row = [booking.bookingId, booking.concertId, booking.customerEmail, total, booking.currency, booking.idempotencyKey, booking.fingerprint];
    row.forEach((value, column) => bookingColumns[column].push(value));
    for (const item of booking.items) {
      [booking.bookingId, item.tierId, item.quantity, item.unitPriceCents].forEach((value, column) => itemColumns[column].push(value));
    }
  }
  const pool = db.$client as pg.Pool;
  let claimed: { id: string; created_at: Date }[];
  try {
    const result = await pool.query<{ id: string; created_at: Date }>({
      // Named: each pooled connection parses and plans it once, then only binds and executes.
      name: 'book-batch-v1',
      text: BOOK_BATCH,
      values: [...bookingColumns, ...itemColumns, concertChannel(''), ALL_CONCERTS_CHANNEL],
    });
    claimed = result.rows;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === CHECK_VIOLATION || code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
  const createdAt = new Map(claimed.map((row) => [row.id, row.created_at]));
  return batch.map((booking) => {
    const created = createdAt.get(booking.bookingId);
    return created ? { kind: 'booked', bookingId: booking.bookingId, createdAt: created } : { kind: 'keyTaken' };
  });
}
