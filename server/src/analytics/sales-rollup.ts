import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { columnName as col } from '../db/named-statement.ts';
import { bookingItems, bookings, concerts, salesRollup, salesRollupStale, salesRollupWatermark } from '../db/schema.ts';

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
      await tx.execute<{ safe: Date; until: Date }>(sql`
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
        SELECT safe, greatest(${from}, until) AS until
        FROM safe, start, LATERAL (SELECT coalesce(least(safe, date_bin('1 minute', start + ${MAX_STEP}, ${epoch})), safe) AS until) AS bounds`)
    ).rows;
    // When the watermark cannot move (a long transaction is open), stale minutes below it are still summed.
    const until = bound.until;

    const touched = await tx.execute<{ concert_id: string; quarter: Date }>(sql`
      WITH marks AS (
        DELETE FROM ${salesRollupStale} WHERE ${salesRollupStale.minute} < ${until}
        RETURNING ${col(salesRollupStale.concertId)} AS concert_id, ${col(salesRollupStale.minute)} AS minute
      ),
      touched AS (
        SELECT concert_id, minute FROM marks
        UNION
        SELECT ${concerts.id}, fresh.minute FROM ${concerts}
        CROSS JOIN LATERAL (
          SELECT DISTINCT ${minuteOf(bookings.createdAt)} AS minute FROM ${bookings}
          WHERE ${bookings.concertId} = ${concerts.id} AND ${bookings.createdAt} >= ${from} AND ${bookings.createdAt} < ${until}
        ) AS fresh
      ),
      sums AS (
        SELECT touched.concert_id, touched.minute, ${bookingItems.tierId} AS tier_id,
          coalesce(sum(${bookingItems.quantity}) FILTER (WHERE ${bookings.status} = 'CONFIRMED'), 0)::int AS confirmed_tickets,
          coalesce(sum(${bookingItems.quantity}::bigint * ${bookingItems.unitPriceCents}) FILTER (WHERE ${bookings.status} = 'CONFIRMED'), 0)::bigint AS confirmed_cents,
          coalesce(sum(${bookingItems.quantity}) FILTER (WHERE ${bookings.status} = 'PENDING'), 0)::int AS held_tickets,
          coalesce(sum(${bookingItems.quantity}) FILTER (WHERE ${bookings.status} = 'EXPIRED'), 0)::int AS expired_tickets,
          coalesce(sum(${bookingItems.quantity}) FILTER (WHERE ${bookings.status} = 'CANCELLED'), 0)::int AS cancelled_tickets
        FROM touched
        JOIN ${bookings} ON ${bookings.concertId} = touched.concert_id
          AND ${bookings.createdAt} >= touched.minute AND ${bookings.createdAt} < touched.minute + interval '1 minute'
        JOIN ${bookingItems} ON ${bookingItems.bookingId} = ${bookings.id}
        GROUP BY 1, 2, 3
      ),
      written AS (
        INSERT INTO ${salesRollup} (${col(salesRollup.concertId)}, ${col(salesRollup.grainMinutes)}, ${col(salesRollup.slotStart)}, ${col(salesRollup.tierId)},
          ${col(salesRollup.confirmedTickets)}, ${col(salesRollup.confirmedCents)}, ${col(salesRollup.heldTickets)}, ${col(salesRollup.expiredTickets)}, ${col(salesRollup.cancelledTickets)})
        SELECT concert_id, 1, minute, tier_id, confirmed_tickets, confirmed_cents, held_tickets, expired_tickets, cancelled_tickets FROM sums
        ${upsert}
        RETURNING 1
      )
      SELECT DISTINCT concert_id, date_bin('15 minutes', minute, ${epoch}) AS quarter FROM touched WHERE (SELECT count(*) FROM written) >= 0`);

    if (touched.rows.length > 0) {
      const quarters = JSON.stringify(touched.rows.map((row) => ({ concert_id: row.concert_id, quarter: row.quarter })));
      await tx.execute(sql`
        INSERT INTO ${salesRollup} (${col(salesRollup.concertId)}, ${col(salesRollup.grainMinutes)}, ${col(salesRollup.slotStart)}, ${col(salesRollup.tierId)},
          ${col(salesRollup.confirmedTickets)}, ${col(salesRollup.confirmedCents)}, ${col(salesRollup.heldTickets)}, ${col(salesRollup.expiredTickets)}, ${col(salesRollup.cancelledTickets)})
        SELECT q.concert_id, 15, q.quarter, ${salesRollup.tierId}, sum(${salesRollup.confirmedTickets})::int, sum(${salesRollup.confirmedCents})::bigint,
          sum(${salesRollup.heldTickets})::int, sum(${salesRollup.expiredTickets})::int, sum(${salesRollup.cancelledTickets})::int
        FROM jsonb_to_recordset(${quarters}::jsonb) AS q(concert_id uuid, quarter timestamptz)
        JOIN ${salesRollup} ON ${salesRollup.concertId} = q.concert_id AND ${salesRollup.grainMinutes} = 1
          AND ${salesRollup.slotStart} >= q.quarter AND ${salesRollup.slotStart} < q.quarter + interval '15 minutes'
        GROUP BY q.concert_id, q.quarter, ${salesRollup.tierId}
        ${upsert}`);
    }
    await tx.execute(sql`UPDATE ${salesRollupWatermark} SET ${col(salesRollupWatermark.coveredUntil)} = ${until} WHERE ${salesRollupWatermark.id} = 1`);
    return { coveredUntil: until, caughtUp: until >= bound.safe };
  });
}

// A slot summed again replaces what was there; its tiers never go away (booking items are never deleted).
const upsert = sql.raw(`ON CONFLICT (concert_id, grain_minutes, slot_start, tier_id) DO UPDATE SET
  confirmed_tickets = excluded.confirmed_tickets, confirmed_cents = excluded.confirmed_cents, held_tickets = excluded.held_tickets,
  expired_tickets = excluded.expired_tickets, cancelled_tickets = excluded.cancelled_tickets`);

/** Runs until the rollup reaches the present (or another instance holds it). */
export async function catchUpSalesRollup(db: Database): Promise<RollupRun> {
  for (;;) {
    const run = await refreshSalesRollup(db);
    if (run.caughtUp) return run;
  }
}
