import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { concerts, ticketTiers } from './schema.ts';

/**
 * Ticket sales summed per concert, tier and time slot, so analytics over a million bookings read a
 * few thousand rows. Written only by the rollup job (analytics/sales-rollup.ts), never by a booking:
 * it covers bookings created before `salesRollupWatermark.coveredUntil`, and in two grains, 1 and 15
 * minutes (15 divides every current UTC offset, so DAY and HOUR buckets in any venue's time zone
 * are whole slots). Tickets count booking items by the booking's status; revenue is confirmed only;
 * refunds are the payments' refunded amounts.
 */
export const salesRollup = pgTable(
  'sales_rollup',
  {
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    /** 1 or 15. */
    grainMinutes: integer('grain_minutes').notNull(),
    slotStart: timestamp('slot_start', { withTimezone: true }).notNull(),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => ticketTiers.id, { onDelete: 'cascade' }),
    confirmedTickets: integer('confirmed_tickets').notNull(),
    confirmedCents: bigint('confirmed_cents', { mode: 'number' }).notNull(),
    heldTickets: integer('held_tickets').notNull(),
    expiredTickets: integer('expired_tickets').notNull(),
    cancelledTickets: integer('cancelled_tickets').notNull(),
    /** Refunds on the slot's bookings, each booking's counted on its first tier (by id): meaningful only summed over tiers. */
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.concertId, table.grainMinutes, table.slotStart, table.tierId] })],
);

/** How far the rollup reaches: bookings created before `coveredUntil` are in it. One row. */
export const salesRollupWatermark = pgTable(
  'sales_rollup_watermark',
  {
    id: integer('id').primaryKey().default(1),
    coveredUntil: timestamp('covered_until', { withTimezone: true }).notNull(),
  },
  (table) => [check('sales_rollup_watermark_one_row', sql`${table.id} = 1`)],
);

/**
 * Minutes whose rollup rows may be out of date because a booking created in them changed status
 * after it was rolled up (a hold paid or expired, a booking cancelled) or was refunded. Triggers on
 * bookings' status and payments' refunded amount append one row per change (migrations
 * sales_rollup_stale_trigger, sales_rollup_refunds); analytics read marked
 * minutes from bookings until the rollup job has summed them again and deleted the marks it saw.
 * Append-only on purpose: with a unique key, a change could skip its mark because another's was
 * there, and that mark could be consumed before the change commits. No foreign key: its check would
 * lock the concert row in every payment.
 */
export const salesRollupStale = pgTable(
  'sales_rollup_stale',
  {
    concertId: uuid('concert_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
  },
  (table) => [index('sales_rollup_stale_concert_minute_idx').on(table.concertId, table.minute)],
);
