import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseConnection } from '../db/client.ts';
import { arrayOf, columnName as col, compileStatement, placeholders } from '../db/named-statement.ts';
import { bookingItems, bookings, ticketTiers } from '../db/schema.ts';
import { notifyChangedTiers } from '../events/availability-channel.ts';
import { isHold, lockCustomers, ticketLimitOf, ticketsHeldBy } from './customer-limit.ts';
import { totalCents, type BookingOutcome, type PreparedBooking } from './prepared-booking.ts';

/** The batch as columns: one array per column, one element per booking (or per item). */
interface BatchColumns extends Record<string, unknown> {
  bookingIds: string[];
  concertIds: string[];
  customerEmails: string[];
  totals: number[];
  currencies: string[];
  idempotencyKeys: string[];
  fingerprints: string[];
  apiKeyIds: (string | null)[];
  userIds: (string | null)[];
  statuses: ('CONFIRMED' | 'PENDING')[];
  /** Null for a booking; for a hold, how long until it expires. */
  holdSeconds: (number | null)[];
  itemBookingIds: string[];
  itemTierIds: string[];
  itemQuantities: number[];
  itemUnitPrices: number[];
}

const p = placeholders<BatchColumns>();

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
 * A batch with holds runs it in a transaction after a statement that locks each holding customer
 * (customer-limit.ts); it then also counts what those customers hold, and says whether any would go
 * over the concert's limit, in which case the transaction is rolled back instead of committed.
 * Its tier rows then stay locked for one round trip more (the COMMIT): the price of counting in a
 * snapshot taken after the customer lock. A batch of bookings only is not limited and pays nothing.
 * It is optimistic: it books every claimed booking. If a tier had too few tickets left, the CHECK
 * (available >= 0) fails the statement, nothing at all is written, and the caller falls back to the
 * careful transaction, which decides booking by booking. NOTIFY is part of the statement, so it is
 * sent on commit only, and only for the tiers that really changed.
 */
type ClaimedRow = { id: string; created_at: Date; order_code: string; expires_at: Date | null; notices: string };
type HeldRow = ClaimedRow & { over_limit: boolean };

function batchStatement(withLimitCheck: boolean): SQL {
  return sql`
WITH claimed AS MATERIALIZED (
  INSERT INTO ${bookings} (${col(bookings.id)}, ${col(bookings.concertId)}, ${col(bookings.customerEmail)}, ${col(bookings.totalCents)},
    ${col(bookings.currency)}, ${col(bookings.idempotencyKey)}, ${col(bookings.requestFingerprint)}, ${col(bookings.status)},
    ${col(bookings.expiresAt)}, ${col(bookings.apiKeyId)}, ${col(bookings.userId)})
  SELECT b.id, b.concert_id, b.email, b.total, b.currency, b.key, b.fingerprint, b.status,
    now() + make_interval(secs => b.hold_seconds), b.api_key_id, b.user_id
  FROM unnest(${arrayOf(p('bookingIds'), bookings.id)}, ${arrayOf(p('concertIds'), bookings.concertId)},
    ${arrayOf(p('customerEmails'), bookings.customerEmail)}, ${arrayOf(p('totals'), bookings.totalCents)},
    ${arrayOf(p('currencies'), bookings.currency)}, ${arrayOf(p('idempotencyKeys'), bookings.idempotencyKey)},
    ${arrayOf(p('fingerprints'), bookings.requestFingerprint)}, ${arrayOf(p('statuses'), bookings.status)},
    ${p('holdSeconds')}::int[], ${arrayOf(p('apiKeyIds'), bookings.apiKeyId)}, ${arrayOf(p('userIds'), bookings.userId)})
    AS b(id, concert_id, email, total, currency, key, fingerprint, status, hold_seconds, api_key_id, user_id)
  ORDER BY b.key
  ON CONFLICT (${col(bookings.idempotencyKey)}) DO NOTHING
  RETURNING ${col(bookings.id)} AS id, ${col(bookings.createdAt)} AS created_at, ${col(bookings.orderCode)} AS order_code,
    ${col(bookings.expiresAt)} AS expires_at
),
items AS MATERIALIZED (
  SELECT i.* FROM unnest(${arrayOf(p('itemBookingIds'), bookingItems.bookingId)}, ${arrayOf(p('itemTierIds'), bookingItems.tierId)},
    ${arrayOf(p('itemQuantities'), bookingItems.quantity)}, ${arrayOf(p('itemUnitPrices'), bookingItems.unitPriceCents)})
    AS i(booking_id, tier_id, quantity, unit_price_cents)
  WHERE i.booking_id IN (SELECT id FROM claimed)
),
locked AS MATERIALIZED (
  SELECT ${ticketTiers.id} FROM ${ticketTiers}
  WHERE ${ticketTiers.id} IN (SELECT tier_id FROM items) AND (SELECT count(*) FROM claimed) >= 0
  ORDER BY ${ticketTiers.id}
  FOR UPDATE
),
updated AS (
  UPDATE ${ticketTiers} SET ${col(ticketTiers.available)} = ${ticketTiers.available} - demand.quantity
  FROM (SELECT tier_id, sum(quantity)::int AS quantity FROM items GROUP BY tier_id) AS demand
  WHERE ${ticketTiers.id} = demand.tier_id AND (SELECT count(*) FROM locked) >= 0
  RETURNING ${ticketTiers.id} AS id, ${ticketTiers.concertId} AS concert_id
),
inserted AS (
  INSERT INTO ${bookingItems} (${col(bookingItems.bookingId)}, ${col(bookingItems.tierId)}, ${col(bookingItems.quantity)}, ${col(bookingItems.unitPriceCents)})
  SELECT booking_id, tier_id, quantity, unit_price_cents FROM items
),
notified AS MATERIALIZED (${notifyChangedTiers(sql`updated`)})${withLimitCheck ? limitCheck : sql``}
-- One row per claimed booking. No claim means no change, and then nothing to notify either.
SELECT id::text AS id, created_at, order_code, expires_at, (SELECT count(*) FROM notified) AS notices${withLimitCheck ? sql`, (SELECT count(*) > 0 FROM over_limit) AS over_limit` : sql``} FROM claimed`;
}

/**
 * The tickets each customer asks to hold in this batch (claimed holds only: a replay asks for
 * nothing), against what they already hold, counted in this statement's snapshot. Correct only
 * after the customers were locked by an earlier statement of the same transaction (customer-limit.ts).
 */
const limitCheck = sql`,
asked AS (
  SELECT b.concert_id, lower(b.email) AS customer, sum(i.quantity)::int AS quantity
  FROM unnest(${arrayOf(p('bookingIds'), bookings.id)}, ${arrayOf(p('concertIds'), bookings.concertId)},
    ${arrayOf(p('customerEmails'), bookings.customerEmail)}, ${arrayOf(p('statuses'), bookings.status)}) AS b(id, concert_id, email, status)
  JOIN items i ON i.booking_id = b.id
  WHERE b.status = 'PENDING'
  GROUP BY b.concert_id, lower(b.email)
),
over_limit AS MATERIALIZED (
  SELECT 1 FROM asked WHERE asked.quantity + ${ticketsHeldBy(sql`asked.concert_id`, sql`asked.customer`)} > ${ticketLimitOf(sql`asked.concert_id`)}
)`;

const bookBatch = compileStatement<BatchColumns, ClaimedRow>('book-batch-v4', batchStatement(false));
/** The same for a batch with holds, which also says whether some customer would go over the limit. */
const holdBatch = compileStatement<BatchColumns, HeldRow>('hold-batch-v1', batchStatement(true));

type CustomerColumns = { concertIds: string[]; customerEmails: string[] };
const c = placeholders<CustomerColumns>();
const lockHoldCustomers = compileStatement<CustomerColumns, never>(
  'lock-hold-customers-v1',
  lockCustomers(arrayOf(c('concertIds'), bookings.concertId), arrayOf(c('customerEmails'), bookings.customerEmail)),
);

/** SQLSTATEs that mean "this batch cannot be booked as a whole", never "something is broken". */
const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

function asColumns(batch: PreparedBooking[]): BatchColumns {
  const columns: BatchColumns = {
    bookingIds: [], concertIds: [], customerEmails: [], totals: [], currencies: [], idempotencyKeys: [], fingerprints: [], apiKeyIds: [], userIds: [],
    statuses: [], holdSeconds: [],
    itemBookingIds: [], itemTierIds: [], itemQuantities: [], itemUnitPrices: [],
  };
  for (const booking of batch) {
    columns.bookingIds.push(booking.bookingId);
    columns.concertIds.push(booking.concertId);
    columns.customerEmails.push(booking.customerEmail);
    columns.totals.push(totalCents(booking));
    columns.currencies.push(booking.currency);
    columns.idempotencyKeys.push(booking.idempotencyKey);
    columns.fingerprints.push(booking.fingerprint);
    columns.apiKeyIds.push(booking.apiKeyId);
    columns.userIds.push(booking.userId);
    columns.statuses.push(booking.holdSeconds === null ? 'CONFIRMED' : 'PENDING');
    columns.holdSeconds.push(booking.holdSeconds);
    for (const item of booking.items) {
      columns.itemBookingIds.push(booking.bookingId);
      columns.itemTierIds.push(item.tierId);
      columns.itemQuantities.push(item.quantity);
      columns.itemUnitPrices.push(item.unitPriceCents);
    }
  }
  return columns;
}

/**
 * Books every booking of the batch in one statement, or returns null when some booking cannot be
 * served (a tier short of tickets, or gone, or a customer over the concert's limit), having written
 * nothing. A batch of bookings only is one round trip. A batch with holds is a short transaction:
 * lock the holding customers, then the same statement, which also counts what they hold; it is
 * rolled back when a customer would go over the limit.
 */
export async function bookBatchInOneStatement(
  { run, transaction }: Pick<DatabaseConnection, 'run' | 'transaction'>,
  batch: PreparedBooking[],
): Promise<BookingOutcome[] | null> {
  let claimed: ClaimedRow[];
  try {
    const holds = batch.filter(isHold);
    if (holds.length === 0) {
      claimed = await run(bookBatch, asColumns(batch));
    } else {
      const rows = await transaction(
        async (runInTransaction) => {
          await runInTransaction(lockHoldCustomers, { concertIds: holds.map((h) => h.concertId), customerEmails: holds.map((h) => h.customerEmail) });
          return runInTransaction(holdBatch, asColumns(batch));
        },
        (rows) => !rows.some((row) => row.over_limit),
      );
      if (rows.some((row) => row.over_limit)) return null;
      claimed = rows;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === CHECK_VIOLATION || code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
  const written = new Map(claimed.map((row) => [row.id, row]));
  return batch.map((booking) => {
    const row = written.get(booking.bookingId);
    if (!row) return { kind: 'keyTaken' };
    return { kind: 'booked', bookingId: booking.bookingId, createdAt: row.created_at, orderCode: row.order_code, expiresAt: row.expires_at };
  });
}
