import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './auth-schema.ts';

// PENDING: tickets held while the shopper pays, until expires_at. EXPIRED: a hold that ran out and
// gave its tickets back. CANCELLED: a hold the shopper released, or a booking cancelled.
export const bookingStatus = pgEnum('booking_status', ['CONFIRMED', 'CANCELLED', 'PENDING', 'EXPIRED']);

/** Order codes avoid characters that read alike (0/O, 1/I/L): people read them out on the phone. */
export const ORDER_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ORDER_CODE_LENGTH = 8;
// 31^8 ≈ 8.5 × 10^11 codes, drawn by Postgres for every new row (and for rows that predate the column).
// A clash with an existing code fails the insert on the unique index and the batch is retried.
const randomOrderCode = sql.raw(
  Array.from({ length: ORDER_CODE_LENGTH }, () => `substr('${ORDER_CODE_ALPHABET}', floor(random() * ${ORDER_CODE_ALPHABET.length})::int + 1, 1)`).join(' || '),
);

export const concerts = pgTable('concerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  venue: text('venue').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  // IANA zone of the venue: a 19:30 show in Los Angeles must read 7:30 PM wherever the shopper is.
  timeZone: text('time_zone').notNull().default('UTC'),
  /** How long holdTickets keeps tickets for a shopper who has not paid yet. */
  holdSeconds: integer('hold_seconds').notNull().default(600),
  /** Tickets one shopper (by email) may hold or own for this concert, over all their orders. */
  maxTicketsPerCustomer: integer('max_tickets_per_customer').notNull().default(8),
  /** Tickets one order (hold or booking) may have over all its tiers; null: only the general per-order rules. */
  maxTicketsPerOrder: integer('max_tickets_per_order'),
  /** When holds and bookings open; null: on sale now. They close when the concert starts. */
  onSaleAt: timestamp('on_sale_at', { withTimezone: true }),
  /** An organizer stopped sales for now (an incident, a venue change); resumeSales opens them again. */
  salesPaused: boolean('sales_paused').notNull().default(false),
  // Concerts made before the back office existed (and the demo) stay visible; new ones start hidden.
  published: boolean('published').notNull().default(true),
  /** An organizer cancelled the concert: nothing sells, and its bookings are cancelled and refunded (concert_cancellations). */
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  cancellationReason: text('cancellation_reason'),
  /**
   * The organizer (better-auth user) whose concert it is: only they manage it, see its orders and
   * figures (auth/concert-ownership.ts). Null: owned by nobody, so no organizer manages it. Concerts
   * made before ownership existed start that way (an operator, or the demo seed for the demo
   * catalogue, assigns them); there was no owner to infer, as every organizer managed every concert.
   */
  organizerId: text('organizer_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  index('concerts_starts_at_id_idx').on(table.startsAt, table.id),
  // An organizer's own concerts (their back office list, the orders of all their concerts).
  index('concerts_organizer_id_idx').on(table.organizerId),
]);

export const cancellationStatus = pgEnum('concert_cancellation_status', ['RUNNING', 'DONE']);

/**
 * The job that cancels and refunds every booking of a cancelled concert (catalogue/concert-cancellation-job.ts).
 * One row per concert, so cancelling twice finds the same job. A runner works on it only while its
 * lease (claim_token until claimed_until) holds; another instance takes over once it has run out.
 */
export const concertCancellations = pgTable('concert_cancellations', {
  concertId: uuid('concert_id')
    .primaryKey()
    .references(() => concerts.id, { onDelete: 'cascade' }),
  requestedBy: text('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  status: cancellationStatus('status').notNull().default('RUNNING'),
  /** Live bookings (holds and confirmed) when the concert was cancelled. */
  totalBookings: integer('total_bookings').notNull(),
  cancelledCount: integer('cancelled_count').notNull().default(0),
  refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
  currency: varchar('currency', { length: 3 }).notNull().default('USD'),
  lastError: text('last_error'),
  claimToken: uuid('claim_token'),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (table) => [index('concert_cancellations_running_idx').on(table.claimedUntil).where(sql`${table.status} = 'RUNNING'`)]);

export const ticketTiers = pgTable(
  'ticket_tiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('USD'),
    capacity: integer('capacity').notNull(),
    available: integer('available').notNull(),
    // Orders tiers on a concert page (VIP first) independently of price changes.
    position: integer('position').notNull().default(0),
    /**
     * The concert does not sell (paused, unpublished or cancelled), mirrored on the row that every
     * sale locks: a trigger refuses any update that takes tickets from a stopped tier
     * (catalogue/sales-stop.ts), so a batch priced just before the stop cannot commit after it.
     */
    salesStopped: boolean('sales_stopped').notNull().default(false),
  },
  (table) => [
    index('ticket_tiers_concert_id_idx').on(table.concertId, table.position),
    // The last line of defence against overselling: no code path can push a tier below zero.
    check('ticket_tiers_available_range', sql`${table.available} >= 0 AND ${table.available} <= ${table.capacity}`),
    check('ticket_tiers_price_non_negative', sql`${table.priceCents} >= 0`),
  ],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id),
    status: bookingStatus('status').notNull().default('CONFIRMED'),
    orderCode: varchar('order_code', { length: ORDER_CODE_LENGTH }).notNull().default(randomOrderCode).unique('bookings_order_code_unique'),
    /** Set for a hold (PENDING): when its tickets go back on sale if it is not paid. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    customerEmail: text('customer_email').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('USD'),
    // The caller's scope (auth/idempotency-scope.ts) and the client's key: keys of different callers never meet.
    idempotencyKey: varchar('idempotency_key', { length: 400 }).notNull().unique('bookings_idempotency_key_unique'),
    // sha256 of the canonical request; tells a genuine retry from a reused key.
    requestFingerprint: varchar('request_fingerprint', { length: 64 }).notNull(),
    /**
     * The partner key (api_keys.id) that made this booking; partners read only their own. No foreign
     * key: its check would lock the key's row for every booking a busy partner makes. Revoked keys
     * are disabled, never deleted.
     */
    apiKeyId: text('api_key_id'),
    /** The signed-in shopper who made it, if any ("my bookings" also finds guest bookings by email). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Milliseconds, what a JavaScript Date holds: page cursors (myBookings, orders) and the CSV
     * export carry created_at through a Date, and a microsecond value would not survive the trip,
     * so keyset pages would skip or repeat rows created in the same millisecond.
     */
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    // A concert's orders newest first (organizer back office, CSV export), in the index's order: no sort;
    // analytics read the minutes the sales rollup does not cover from it, and its job each concert's new bookings.
    index('bookings_concert_id_created_at_idx').on(table.concertId, table.createdAt, table.id),
    // Every concert's orders newest first.
    index('bookings_created_at_idx').on(table.createdAt, table.id),
    // "My bookings" and the per-customer ticket limit find a shopper's bookings by email; the organizer's
    // order search by an email's beginning (LIKE 'ann%'), which needs text_pattern_ops under any collation.
    index('bookings_customer_email_idx').on(sql`lower(${table.customerEmail}) text_pattern_ops`, table.createdAt),
    index('bookings_user_id_idx').on(table.userId, table.createdAt).where(sql`${table.userId} IS NOT NULL`),
    index('bookings_api_key_id_idx').on(table.apiKeyId, table.createdAt).where(sql`${table.apiKeyId} IS NOT NULL`),
    // What the hold sweeper scans: only live holds, oldest expiry first.
    index('bookings_pending_expires_at_idx').on(table.expiresAt).where(sql`${table.status} = 'PENDING'`),
  ],
);

export const bookingItems = pgTable(
  'booking_items',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => ticketTiers.id),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.bookingId, table.tierId] }),
    index('booking_items_tier_id_idx').on(table.tierId),
    check('booking_items_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/**
 * Emails to shoppers, written in the same transaction as the change they tell of, so none is lost
 * and none is sent for a change that rolled back. A sender delivers them when SMTP is configured;
 * in development the mailbox shows them instead.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** confirmation, cancellation, paid_too_late */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A sender's lease: while it is in the future, that sender alone may send this email (emails/outbox-sender.ts). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (table) => [
    index('outbox_emails_unsent_idx').on(table.createdAt).where(sql`${table.sentAt} IS NULL`),
    index('outbox_emails_recipient_idx').on(table.recipient, table.createdAt),
  ],
);
