import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bookings, concerts } from './schema.ts';

/**
 * A concert's waiting room: the organizer's settings and the ticker's state, one row per concert.
 * The ticker (waiting-room/admission-ticker.ts) is the only writer of the state columns, under a
 * transaction-level advisory lock, so two instances never advance the same line at once.
 */
export const waitingRooms = pgTable(
  'waiting_rooms',
  {
    concertId: uuid('concert_id')
      .primaryKey()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    /** Off: holds need no admission and nobody may join; places already given are kept. */
    enabled: boolean('enabled').notNull().default(true),
    /** Joining opens this long before the concert's on-sale; everyone in by then is drawn at random. */
    preQueueMinutes: integer('pre_queue_minutes').notNull(),
    admissionsPerMinute: integer('admissions_per_minute').notNull(),
    /** Shoppers admitted and still shopping (admission unexpired, or a hold still pending) at most. */
    maxShopping: integer('max_shopping').notNull(),
    admissionSeconds: integer('admission_seconds').notNull(),
    /** Set by the tick that drew the pre-queue's places at the on-sale time. */
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    /** Places 1..lastPlace are given; 1..admittedThrough are admitted. */
    lastPlace: integer('last_place').notNull().default(0),
    admittedThrough: integer('admitted_through').notNull().default(0),
    /** Admissions earned but not yet given (fractions carry over), so the rate is exact over time. */
    credit: doublePrecision('credit').notNull().default(0),
    lastTickAt: timestamp('last_tick_at', { withTimezone: true }),
    /** As counted by the last tick, so the status query is one read by primary key. */
    waiting: integer('waiting').notNull().default(0),
    shopping: integer('shopping').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('waiting_rooms_rate_positive', sql`${table.admissionsPerMinute} > 0`),
    check('waiting_rooms_cap_positive', sql`${table.maxShopping} > 0`),
    check('waiting_rooms_admission_positive', sql`${table.admissionSeconds} > 0`),
    check('waiting_rooms_pre_queue_non_negative', sql`${table.preQueueMinutes} >= 0`),
  ],
);

/**
 * One shopper's place in one concert's line. `identity` is `user:<id>` or `guest:<x-guest-id>`,
 * unique per concert, so tabs, devices and re-joins of one shopper share one entry.
 */
export const waitingRoomEntries = pgTable(
  'waiting_room_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    identity: text('identity').notNull(),
    /** Join order, for the FIFO line after the draw (timestamps can tie). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    /** Drawn by Postgres at join from its CSPRNG: the pre-queue's places are in this order. */
    drawKey: uuid('draw_key').notNull().default(sql`gen_random_uuid()`),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null until the draw (pre-queue) or the next tick (after it). */
    place: integer('place'),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    admissionExpiresAt: timestamp('admission_expires_at', { withTimezone: true }),
    /** The admission token was spent on a hold; set and cleared by the hold path only. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The (caller-scoped) idempotency key of the hold it was spent on: only that key's retry may use it again. */
    usedKey: text('used_key'),
    /** Counts spends, so that a refused hold gives the admission back only if no retry has taken it up since. */
    spends: integer('spends').notNull().default(0),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('waiting_room_entries_identity_idx').on(table.concertId, table.identity),
    uniqueIndex('waiting_room_entries_place_idx').on(table.concertId, table.place),
    index('waiting_room_entries_unplaced_idx').on(table.concertId, table.seq).where(sql`${table.place} IS NULL`),
    // The ticker counts who is shopping among recent admissions only: older ones cannot still be.
    index('waiting_room_entries_admitted_idx').on(table.concertId, table.admittedAt).where(sql`${table.admittedAt} IS NOT NULL`),
  ],
);
