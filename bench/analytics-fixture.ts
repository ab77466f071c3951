// The analytics bench's data: one concert with 1,000,000 bookings over 30 days, written by a few
// INSERT … SELECT FROM generate_series statements (no row-by-row round trips), then summed by the
// rollup job as a server would. Everything is deterministic in the booking's number n.
import pg from 'pg';
import { catchUpSalesRollup } from '../server/src/analytics/sales-rollup.ts';
import { createDatabase } from '../server/src/db/client.ts';
import { ORDER_CODE_ALPHABET } from '../server/src/db/schema.ts';

export interface AnalyticsFixture {
  concertId: string;
  bookings: number;
  items: number;
  refunds: number;
  /** Seconds to write the rows, to ANALYZE, and for the rollup job to catch up with them. */
  insertSec: number;
  analyzeSec: number;
  rollupSec: number;
  rollupRows: number;
}

// Low prices on purpose: Money.cents is a GraphQL Int (32 bits, in the shared contract), so a sum
// above $21,474,836.47 cannot be answered; a million bookings at these prices gross about $14 M.
const TIERS = [
  { name: 'Front row', price: 900 },
  { name: 'Floor', price: 700 },
  { name: 'Balcony', price: 500 },
  { name: 'General admission', price: 300 },
];
const DAYS = 30;

// Mixed statuses by n: 80 % confirmed, 10 % expired holds, 5 % cancelled (refunded), 5 % live holds.
const STATUS = `CASE WHEN n % 20 < 16 THEN 'CONFIRMED' WHEN n % 20 < 18 THEN 'EXPIRED' WHEN n % 20 = 18 THEN 'CANCELLED' ELSE 'PENDING' END::booking_status`;
const bookingId = (n: string) => `md5('analytics-fixture:' || ${n})::uuid`;
// An 8-character code from the order-code alphabet per n (unique below 31^8), so a million rows
// never meet the unique index's 1-in-10^6 clash of random codes.
const orderCode = Array.from({ length: 8 }, (_, k) => `substr('${ORDER_CODE_ALPHABET}', ((n / ${31 ** k}::bigint) % 31)::int + 1, 1)`).join(' || ');

export async function createAnalyticsFixture(url: string, bookings = 1_000_000, log: (message: string) => void = () => {}): Promise<AnalyticsFixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [concert] } = await client.query<{ id: string }>(
      `INSERT INTO concerts (name, venue, starts_at, time_zone) VALUES ('Analytics fixture', 'Bench Arena', now() + interval '7 days', 'America/New_York') RETURNING id`,
    );
    const { rows: tiers } = await client.query<{ id: string }>(
      `INSERT INTO ticket_tiers (concert_id, name, price_cents, capacity, available, position)
       SELECT $1, t.name, t.price, 500000, 500000, t.position FROM jsonb_to_recordset($2::jsonb) AS t(name text, price int, position int)
       ORDER BY t.position RETURNING id`,
      [concert.id, JSON.stringify(TIERS.map((tier, position) => ({ ...tier, position })))],
    );
    const tierIds = `ARRAY[${tiers.map((tier) => `'${tier.id}'::uuid`).join(', ')}]`;
    const prices = `ARRAY[${TIERS.map((tier) => tier.price).join(', ')}]`;
    // Item 1: tier n % 4, quantity 1–4; every third booking also has item 2: the next tier, quantity 1.
    const total = `(${prices})[n % 4 + 1] * (n % 4 + 1) + CASE WHEN n % 3 = 0 THEN (${prices})[(n + 1) % 4 + 1] ELSE 0 END`;

    let started = performance.now();
    log(`analytics fixture: writing ${bookings.toLocaleString('en')} bookings with items and refunds`);
    await client.query(
      `INSERT INTO bookings (id, concert_id, status, order_code, expires_at, customer_email, total_cents, idempotency_key, request_fingerprint, created_at)
       SELECT ${bookingId('n')}, $1, ${STATUS}, ${orderCode},
         CASE WHEN n % 20 = 19 THEN now() + interval '1 day' END,
         'fan' || (n % 50000) || '@example.com', ${total}, 'analytics-fixture:' || n, 'fixture',
         -- spread evenly over the last 30 days, with a little jitter so minutes are uneven
         now() - interval '${DAYS} days' + (n::float8 / $2) * interval '${DAYS} days' + ((n::bigint * 7919) % 60) * interval '1 second'
       FROM generate_series(0, $2 - 1) AS n`,
      [concert.id, bookings],
    );
    await client.query(
      `INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents)
       SELECT ${bookingId('n')}, (${tierIds})[n % 4 + 1], n % 4 + 1, (${prices})[n % 4 + 1] FROM generate_series(0, $1 - 1) AS n
       UNION ALL
       SELECT ${bookingId('n')}, (${tierIds})[(n + 1) % 4 + 1], 1, (${prices})[(n + 1) % 4 + 1] FROM generate_series(0, $1 - 1) AS n WHERE n % 3 = 0`,
      [bookings],
    );
    // Cancelled bookings were refunded in full; one confirmed booking in 100 got a partial refund.
    const refunds = await client.query(
      `INSERT INTO payments (booking_id, idempotency_key, request_fingerprint, amount_cents, currency, status, provider, card_last4, refunded_cents)
       SELECT b.id, 'fixture', 'fixture', b.total_cents, 'USD', CASE WHEN b.status = 'CANCELLED' THEN 'REFUNDED' ELSE 'SUCCEEDED' END::payment_status,
         'fixture', '4242', CASE WHEN b.status = 'CANCELLED' THEN b.total_cents ELSE b.total_cents / 10 END
       FROM generate_series(0, $1 - 1) AS n JOIN bookings b ON b.id = ${bookingId('n')}
       WHERE n % 20 = 18 OR (n % 20 < 16 AND n % 100 = 7)`,
      [bookings],
    );
    const insertSec = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query('ANALYZE bookings, booking_items, payments');
    const analyzeSec = (performance.now() - started) / 1000;

    log(`  written in ${insertSec.toFixed(1)} s; the rollup job catches up`);
    started = performance.now();
    const { db, pool } = createDatabase({ url, poolSize: 1 });
    try {
      await catchUpSalesRollup(db);
    } finally {
      await pool.end();
    }
    const rollupSec = (performance.now() - started) / 1000;
    await client.query('ANALYZE sales_rollup');
    const { rows: [counts] } = await client.query<{ items: number; rollup: number }>(
      `SELECT (SELECT count(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id WHERE b.concert_id = $1)::int AS items,
              (SELECT count(*) FROM sales_rollup WHERE concert_id = $1)::int AS rollup`,
      [concert.id],
    );
    return { concertId: concert.id, bookings, items: counts.items, refunds: refunds.rowCount ?? 0, insertSec, analyzeSec, rollupSec, rollupRows: counts.rollup };
  } finally {
    await client.end();
  }
}
