import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { bookings } from './schema.ts';

// PROCESSING: the provider has not decided yet (asked, or answering later). UNKNOWN: the call to the
// provider failed without an answer; settled later by asking it. REFUNDED: captured, then given back.
export const paymentStatus = pgEnum('payment_status', ['PROCESSING', 'SUCCEEDED', 'DECLINED', 'UNKNOWN', 'REFUNDED']);

/** Every attempt to pay a booking, so every cent charged or refunded is accounted for. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    /** The client's key for this attempt: the same key replays the attempt's outcome. */
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    requestFingerprint: varchar('request_fingerprint', { length: 64 }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    status: paymentStatus('status').notNull(),
    provider: text('provider').notNull(),
    providerReference: text('provider_reference'),
    declineCode: text('decline_code'),
    cardLast4: varchar('card_last4', { length: 4 }).notNull(),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('payments_booking_key_unique').on(table.bookingId, table.idempotencyKey),
    index('payments_booking_id_idx').on(table.bookingId),
    // Analytics sum refunds per concert; refunds are few, so this stays small.
    index('payments_refunded_idx').on(table.bookingId, table.refundedCents).where(sql`${table.refundedCents} > 0`),
    // What settlement scans: attempts whose outcome is not known yet.
    index('payments_unsettled_idx').on(table.createdAt).where(sql`${table.status} IN ('PROCESSING', 'UNKNOWN')`),
  ],
);

/**
 * The simulated card processor's own books. It stands for an external system, so it keeps state of
 * its own: charges survive restarts, are shared by every server instance, and are idempotent by key.
 */
export const simulatedCharges = pgTable('simulated_provider_charges', {
  reference: text('reference').primaryKey(),
  idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull().unique('simulated_provider_charges_key_unique'),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  currency: varchar('currency', { length: 3 }).notNull(),
  /** succeeded, declined, processing or refunded */
  status: text('status').notNull(),
  declineCode: text('decline_code'),
  refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The simulated processor's refunds, idempotent by key like its charges: a retried refund refunds nothing more. */
export const simulatedRefunds = pgTable('simulated_provider_refunds', {
  idempotencyKey: varchar('idempotency_key', { length: 255 }).primaryKey(),
  reference: text('reference')
    .notNull()
    .references(() => simulatedCharges.reference),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
