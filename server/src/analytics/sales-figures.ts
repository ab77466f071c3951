import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { itemsWithRefunds } from './sales-rollup.ts';
import { bookings, ticketTiers } from '../db/schema.ts';
import { salesRollup, salesRollupStale, salesRollupWatermark } from '../db/analytics-schema.ts';

export type SalesBucket = 'MINUTE' | 'HOUR' | 'DAY';

export interface SalesRange {
  concertId: string;
  /** Bookings created at or after this minute (rounded down to the minute); open when null. */
  from: Date | null;
  /** Bookings created before this minute (rounded down to the minute); open when null. */
  to: Date | null;
}

export interface TierFigures {
  tierId: string;
  capacity: number;
  currency: string;
  confirmedTickets: number;
  confirmedCents: number;
  heldTickets: number;
  expiredTickets: number;
  cancelledTickets: number;
  /** Refunds on the range's bookings, each booking's counted on its first tier: sum over tiers for the concert's. */
  refundedCents: number;
}

export interface SalesPoint {
  start: Date;
  tickets: number;
  cents: number;
}

const epoch = sql`timestamptz 'epoch'`;

/**
 * Ticket counts per tier and slot for the bookings of a range, from three disjoint sources read in
 * one snapshot: quarter-hour rollup rows, minute rollup rows where quarters do not fit (the range's
 * ragged ends, MINUTE buckets), and the bookings themselves where the rollup cannot answer: created
 * at or after its watermark, or in a minute marked stale by a status change it has not summed yet.
 * Every slot lies inside one bucket of any size, in any current time zone (offsets are whole
 * quarter-hours), so summing slots into buckets is exact.
 */
function slotFacts({ concertId, from, to }: SalesRange, quarters: boolean): SQL {
  return sql`
    bounds AS MATERIALIZED (
      SELECT f, t, w, qlo, CASE WHEN ${quarters} THEN greatest(qlo, CASE WHEN isfinite(least(t, w)) THEN date_bin('15 minutes', least(t, w), ${epoch}) ELSE least(t, w) END) ELSE qlo END AS qhi
      FROM (SELECT ${salesRollupWatermark.coveredUntil} AS w FROM ${salesRollupWatermark} WHERE ${salesRollupWatermark.id} = 1) AS watermark,
        LATERAL (SELECT coalesce(date_bin('1 minute', ${from}::timestamptz, ${epoch}), '-infinity') AS f,
                        coalesce(date_bin('1 minute', ${to}::timestamptz, ${epoch}), 'infinity') AS t) AS range,
        LATERAL (SELECT CASE WHEN NOT isfinite(f) OR date_bin('15 minutes', f, ${epoch}) = f THEN f
                             ELSE date_bin('15 minutes', f, ${epoch}) + interval '15 minutes' END AS qlo) AS quarter_start
    ),
    stale AS MATERIALIZED (
      SELECT DISTINCT ${salesRollupStale.minute} AS minute, date_bin('15 minutes', ${salesRollupStale.minute}, ${epoch}) AS quarter
      FROM ${salesRollupStale}, bounds
      WHERE ${salesRollupStale.concertId} = ${concertId} AND ${salesRollupStale.minute} >= bounds.f AND ${salesRollupStale.minute} < least(bounds.t, bounds.w)
    ),
    -- Bookings the rollup cannot answer for (new, or in a marked minute), each with its items
    -- through LATERAL, so each is an index range scan and each booking's items a primary-key probe.
    raw_bookings AS (
      SELECT ${bookings.id} AS id, ${bookings.createdAt} AS created_at, ${bookings.status} AS status
      FROM ${bookings}, bounds
      WHERE ${bookings.concertId} = ${concertId} AND ${bookings.createdAt} >= greatest(bounds.f, bounds.w) AND ${bookings.createdAt} < bounds.t
      UNION ALL
      SELECT marked.* FROM stale CROSS JOIN LATERAL (
        SELECT ${bookings.id} AS id, ${bookings.createdAt} AS created_at, ${bookings.status} AS status FROM ${bookings}
        WHERE ${bookings.concertId} = ${concertId} AND ${bookings.createdAt} >= stale.minute AND ${bookings.createdAt} < stale.minute + interval '1 minute'
      ) AS marked
    ),
    raw AS (
      SELECT raw_bookings.created_at, raw_bookings.status, items.* FROM raw_bookings CROSS JOIN LATERAL (${itemsWithRefunds(sql`raw_bookings.id`)}) AS items
    ),
    facts AS (
      SELECT ${salesRollup.slotStart} AS slot, ${salesRollup.tierId} AS tier_id, ${salesRollup.confirmedTickets} AS confirmed_tickets,
        ${salesRollup.confirmedCents} AS confirmed_cents, ${salesRollup.heldTickets} AS held_tickets,
        ${salesRollup.expiredTickets} AS expired_tickets, ${salesRollup.cancelledTickets} AS cancelled_tickets, ${salesRollup.refundedCents} AS refunded_cents
      FROM ${salesRollup}, bounds
      WHERE ${salesRollup.concertId} = ${concertId} AND ${salesRollup.grainMinutes} = 15
        AND ${salesRollup.slotStart} >= bounds.qlo AND ${salesRollup.slotStart} < bounds.qhi
        AND ${salesRollup.slotStart} NOT IN (SELECT quarter FROM stale)
      UNION ALL
      -- Minute rows only where quarters are not used: before qlo, from qhi on, and in stale quarters;
      -- as three range scans of the primary key, never a scan of every minute of the concert.
      SELECT minutes.* FROM bounds, LATERAL (
        VALUES (bounds.f, least(bounds.qlo, bounds.t, bounds.w)), (bounds.qhi, least(bounds.t, bounds.w))
        UNION ALL
        SELECT DISTINCT quarter, quarter + interval '15 minutes' FROM stale WHERE quarter >= bounds.qlo AND quarter < bounds.qhi
      ) AS spans(lo, hi),
      LATERAL (
        SELECT ${salesRollup.slotStart}, ${salesRollup.tierId}, ${salesRollup.confirmedTickets}, ${salesRollup.confirmedCents},
          ${salesRollup.heldTickets}, ${salesRollup.expiredTickets}, ${salesRollup.cancelledTickets}, ${salesRollup.refundedCents}
        FROM ${salesRollup}
        WHERE ${salesRollup.concertId} = ${concertId} AND ${salesRollup.grainMinutes} = 1
          AND ${salesRollup.slotStart} >= spans.lo AND ${salesRollup.slotStart} < spans.hi
          AND ${salesRollup.slotStart} NOT IN (SELECT minute FROM stale)
        -- Keeps this a per-span index scan: pulled up into a join, Postgres scanned every minute row.
        OFFSET 0
      ) AS minutes
      UNION ALL
      SELECT date_bin('1 minute', created_at, ${epoch}), tier_id,
        coalesce(sum(quantity) FILTER (WHERE status = 'CONFIRMED'), 0)::int,
        coalesce(sum(quantity::bigint * unit_price_cents) FILTER (WHERE status = 'CONFIRMED'), 0)::bigint,
        coalesce(sum(quantity) FILTER (WHERE status = 'PENDING'), 0)::int,
        coalesce(sum(quantity) FILTER (WHERE status = 'EXPIRED'), 0)::int,
        coalesce(sum(quantity) FILTER (WHERE status = 'CANCELLED'), 0)::int,
        sum(refunded_cents)::bigint
      FROM raw GROUP BY 1, 2
    )`;
}

/** Tickets by status and confirmed revenue per tier of the concert (every tier, sold or not). */
export async function tierFigures(db: Database, range: SalesRange): Promise<TierFigures[]> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    WITH ${slotFacts(range, true)},
    per_tier AS (
      SELECT tier_id, sum(confirmed_tickets) AS confirmed_tickets, sum(confirmed_cents) AS confirmed_cents,
        sum(held_tickets) AS held_tickets, sum(expired_tickets) AS expired_tickets, sum(cancelled_tickets) AS cancelled_tickets,
        sum(refunded_cents) AS refunded_cents
      FROM facts GROUP BY tier_id
    )
    SELECT ${ticketTiers.id} AS tier_id, ${ticketTiers.capacity} AS capacity, ${ticketTiers.currency} AS currency,
      coalesce(confirmed_tickets, 0)::int AS confirmed_tickets, coalesce(confirmed_cents, 0)::bigint AS confirmed_cents,
      coalesce(held_tickets, 0)::int AS held_tickets, coalesce(expired_tickets, 0)::int AS expired_tickets,
      coalesce(cancelled_tickets, 0)::int AS cancelled_tickets, coalesce(refunded_cents, 0)::bigint AS refunded_cents
    FROM ${ticketTiers} LEFT JOIN per_tier ON per_tier.tier_id = ${ticketTiers.id}
    WHERE ${ticketTiers.concertId} = ${range.concertId}
    ORDER BY ${ticketTiers.position}, ${ticketTiers.id}`);
  return rows.map((row) => ({
    tierId: String(row.tier_id),
    capacity: Number(row.capacity),
    currency: String(row.currency),
    confirmedTickets: Number(row.confirmed_tickets),
    confirmedCents: Number(row.confirmed_cents),
    heldTickets: Number(row.held_tickets),
    expiredTickets: Number(row.expired_tickets),
    cancelledTickets: Number(row.cancelled_tickets),
    refundedCents: Number(row.refunded_cents),
  }));
}

/**
 * Confirmed tickets and revenue per bucket, by when bookings were made; HOUR and DAY start at the
 * hour or midnight in `timeZone` (the venue's). Buckets without confirmed tickets are left out.
 */
export async function salesOverTime(db: Database, range: SalesRange, bucket: SalesBucket, timeZone: string): Promise<SalesPoint[]> {
  const start = bucket === 'MINUTE' ? sql`slot` : sql`date_trunc(${bucket === 'HOUR' ? 'hour' : 'day'}, slot, ${timeZone})`;
  const { rows } = await db.execute<{ start: Date; tickets: number; cents: string }>(sql`
    WITH ${slotFacts(range, bucket !== 'MINUTE')}
    SELECT ${start} AS start, sum(confirmed_tickets)::int AS tickets, sum(confirmed_cents)::bigint AS cents
    FROM facts GROUP BY 1 HAVING sum(confirmed_tickets) > 0 ORDER BY 1`);
  return rows.map((row) => ({ start: row.start, tickets: Number(row.tickets), cents: Number(row.cents) }));
}
