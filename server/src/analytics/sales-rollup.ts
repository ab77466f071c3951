import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { columnName as col } from '../db/named-statement.ts';
import { bookingItems, bookings, concerts } from '../db/schema.ts';
import { salesRollup, salesRollupStale, salesRollupWatermark } from '../db/analytics-schema.ts';
import { payments } from '../db/payments-schema.ts';

/** One run sums at most this much new history, so catching up on years of bookings never makes one long transaction. */
const MAX_STEP = sql`interval '1 day'`;

export interface RollupRun {
  /** Bookings created before this instant are in the rollup (null: unchanged, or another instance was running). */
  coveredUntil: Date | null;
  /** False while history is still being summed a day at a time: run again at once. */
  caughtUp: boolean;
}

const epoch = sql`timestamptz 'epoch'`;
const minuteOf = (column: unknown) => sql`date_bin('1 minute', ${column}, ${epoch})`;

/**
 * Moves the rollup forward: sums bookings created since the watermark and the minutes marked stale,
 * then their quarter-hours. Safe to run from every server instance at once: the watermark row is
 * taken with SKIP LOCKED, so one runs and the others skip.
 *
 * Why the new watermark is safe: a booking's created_at is its transaction's start (now()), so no
 * transaction still running can add a booking created before the earliest start of the running
 * transactions. The watermark never passes that instant, so a booking that commits late is still
 * above it, where analytics read bookings directly.
 */
export async function refreshSalesRollup(db: Database): Promise<RollupRun> {
  return db.transaction(async (tx) => {
    // As text: it starts at -infinity, which has no Date.
    const locked = await tx.execute<{ covered_until: string }>(
      sql`SELECT ${col(salesRollupWatermark.coveredUntil)}::text AS covered_until FROM ${salesRollupWatermark} WHERE ${salesRollupWatermark.id} = 1 FOR UPDATE SKIP LOCKED`,
    );
    if (locked.rows.length === 0) return { coveredUntil: null, caughtUp: true };
    const from = sql`${locked.rows[0].covered_until}::timestamptz`;
    const [bound] = (
      await tx.execute<{ until: Date; caught_up: boolean }>(sql`
        WITH safe AS (
          SELECT date_bin('1 minute', least(
            clock_timestamp() - interval '1 second',
            (SELECT min(xact_start) FROM pg_stat_activity
             WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)
          ), ${epoch}) AS safe
        ),
        -- The next booking at or after the watermark: a quiet spell is crossed in one step.
        start AS (
          SELECT min(next.created_at) AS start FROM ${concerts}
          CROSS JOIN LATERAL (
            SELECT ${bookings.createdAt} AS created_at FROM ${bookings}
            WHERE ${bookings.concertId} = ${concerts.id} AND ${bookings.createdAt} >= ${from}
            ORDER BY ${bookings.createdAt} LIMIT 1
          ) AS next
        )
        SELECT greatest(${from}, until) AS until, greatest(${from}, until) >= safe AS caught_up
        FROM safe, start, LATERAL (SELECT coalesce(least(safe, date_bin('1 minute', start + ${MAX_STEP}, ${epoch})), safe) AS until) AS bounds`)
    ).rows;
    // When the watermark cannot move (a long transaction is open), stale minutes below it are still summed.
    const until = bound.until;

    const touched = await tx.execute<{ concert_id: string; quarter: Date }>(sql`
      WITH marks AS (
        DELETE FROM ${salesRollupStale} WHERE ${salesRollupStale.minute} < ${until}
        RETURNING ${col(salesRollupStale.concertId)} AS concert_id, ${col(salesRollupStale.minute)} AS minute
      ),
      -- The bookings to sum: the new ones, and every one in a marked minute below the new range.
      -- LATERAL keeps each to an index range scan and each booking's items to its primary key;
      -- planned as joins, Postgres hashed all of booking_items (95 s for a day of a million-booking concert).
      summed AS (
        SELECT fresh.* FROM ${concerts}
        CROSS JOIN LATERAL (
          SELECT ${bookings.id} AS id, ${bookings.concertId} AS concert_id, ${bookings.createdAt} AS created_at, ${bookings.status} AS status FROM ${bookings}
          WHERE ${bookings.concertId} = ${concerts.id} AND ${bookings.createdAt} >= ${from} AND ${bookings.createdAt} < ${until}
        ) AS fresh
        UNION ALL
        SELECT marked.* FROM (SELECT DISTINCT concert_id, minute FROM marks WHERE minute < ${from}) AS stale
        CROSS JOIN LATERAL (
          SELECT ${bookings.id} AS id, ${bookings.concertId} AS concert_id, ${bookings.createdAt} AS created_at, ${bookings.status} AS status FROM ${bookings}
          WHERE ${bookings.concertId} = stale.concert_id AND ${bookings.createdAt} >= stale.minute AND ${bookings.createdAt} < stale.minute + interval '1 minute'
        ) AS marked
      ),
      sums AS (
        SELECT summed.concert_id, ${minuteOf(sql`summed.created_at`)} AS minute, items.tier_id,
          coalesce(sum(items.quantity) FILTER (WHERE summed.status = 'CONFIRMED'), 0)::int AS confirmed_tickets,
          coalesce(sum(items.quantity::bigint * items.unit_price_cents) FILTER (WHERE summed.status = 'CONFIRMED'), 0)::bigint AS confirmed_cents,
          coalesce(sum(items.quantity) FILTER (WHERE summed.status = 'PENDING'), 0)::int AS held_tickets,
          coalesce(sum(items.quantity) FILTER (WHERE summed.status = 'EXPIRED'), 0)::int AS expired_tickets,
          coalesce(sum(items.quantity) FILTER (WHERE summed.status = 'CANCELLED'), 0)::int AS cancelled_tickets,
          coalesce(sum(items.refunded_cents), 0)::bigint AS refunded_cents
        FROM summed
        CROSS JOIN LATERAL (${itemsWithRefunds(sql`summed.id`)}) AS items
        GROUP BY 1, 2, 3
      ),
      written AS (
        INSERT INTO ${salesRollup} (${col(salesRollup.concertId)}, ${col(salesRollup.grainMinutes)}, ${col(salesRollup.slotStart)}, ${col(salesRollup.tierId)},
          ${col(salesRollup.confirmedTickets)}, ${col(salesRollup.confirmedCents)}, ${col(salesRollup.heldTickets)}, ${col(salesRollup.expiredTickets)}, ${col(salesRollup.cancelledTickets)}, ${col(salesRollup.refundedCents)})
        SELECT concert_id, 1, minute, tier_id, confirmed_tickets, confirmed_cents, held_tickets, expired_tickets, cancelled_tickets, refunded_cents FROM sums
        ${upsert}
        RETURNING 1
      )
      SELECT DISTINCT concert_id, date_bin('15 minutes', minute, ${epoch}) AS quarter FROM sums WHERE (SELECT count(*) FROM written) >= 0`);

    if (touched.rows.length > 0) {
      const quarters = JSON.stringify(touched.rows.map((row) => ({ concert_id: row.concert_id, quarter: row.quarter })));
      await tx.execute(sql`
        INSERT INTO ${salesRollup} (${col(salesRollup.concertId)}, ${col(salesRollup.grainMinutes)}, ${col(salesRollup.slotStart)}, ${col(salesRollup.tierId)},
          ${col(salesRollup.confirmedTickets)}, ${col(salesRollup.confirmedCents)}, ${col(salesRollup.heldTickets)}, ${col(salesRollup.expiredTickets)}, ${col(salesRollup.cancelledTickets)}, ${col(salesRollup.refundedCents)})
        SELECT q.concert_id, 15, q.quarter, ${salesRollup.tierId}, sum(${salesRollup.confirmedTickets})::int, sum(${salesRollup.confirmedCents})::bigint,
          sum(${salesRollup.heldTickets})::int, sum(${salesRollup.expiredTickets})::int, sum(${salesRollup.cancelledTickets})::int, sum(${salesRollup.refundedCents})::bigint
        FROM jsonb_to_recordset(${quarters}::jsonb) AS q(concert_id uuid, quarter timestamptz)
        JOIN ${salesRollup} ON ${salesRollup.concertId} = q.concert_id AND ${salesRollup.grainMinutes} = 1
          AND ${salesRollup.slotStart} >= q.quarter AND ${salesRollup.slotStart} < q.quarter + interval '15 minutes'
        GROUP BY q.concert_id, q.quarter, ${salesRollup.tierId}
        ${upsert}`);
    }
    await tx.execute(sql`UPDATE ${salesRollupWatermark} SET ${col(salesRollupWatermark.coveredUntil)} = ${until} WHERE ${salesRollupWatermark.id} = 1`);
    return { coveredUntil: new Date(until), caughtUp: bound.caught_up };
  });
}

// A slot summed again replaces what was there; its tiers never go away (booking items are never deleted).
const upsert = sql.raw(`ON CONFLICT (concert_id, grain_minutes, slot_start, tier_id) DO UPDATE SET
  confirmed_tickets = excluded.confirmed_tickets, confirmed_cents = excluded.confirmed_cents, held_tickets = excluded.held_tickets,
  expired_tickets = excluded.expired_tickets, cancelled_tickets = excluded.cancelled_tickets, refunded_cents = excluded.refunded_cents`);

/**
 * A booking's items with its refunds on the first item (by tier id), so that summing the items sums
 * the refunds once. The refund lookup is an index-only probe of payments_refunded_idx.
 */
export function itemsWithRefunds(bookingId: SQL): SQL {
  return sql`
    SELECT ${bookingItems.tierId} AS tier_id, ${bookingItems.quantity} AS quantity, ${bookingItems.unitPriceCents} AS unit_price_cents,
      CASE WHEN row_number() OVER (ORDER BY ${bookingItems.tierId}) = 1
        THEN (SELECT coalesce(sum(${payments.refundedCents}), 0) FROM ${payments} WHERE ${payments.bookingId} = ${bookingId} AND ${payments.refundedCents} > 0)
        ELSE 0 END AS refunded_cents
    FROM ${bookingItems} WHERE ${bookingItems.bookingId} = ${bookingId}`;
}

/** Runs until the rollup reaches the present (or another instance holds it). */
export async function catchUpSalesRollup(db: Database): Promise<RollupRun> {
  for (;;) {
    const run = await refreshSalesRollup(db);
    if (run.caughtUp) return run;
  }
}
