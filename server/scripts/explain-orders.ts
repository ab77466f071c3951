/**
 * Plans of the organizer's order queries at 1,000,000 bookings, on a throwaway embedded cluster:
 * `npx tsx scripts/explain-orders.ts [bookings]`. The SQL mirrors what graphql/types/orders.ts and
 * http/orders-csv.ts send; docs/organizer-orders.md keeps what it printed.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { freePort } from '../src/db/free-port.ts';
import { migrateDatabase } from '../src/db/migrate.ts';

const total = Number(process.argv[2] ?? 1_000_000);
const dataDir = mkdtempSync(join(tmpdir(), 'explain-orders-'));
chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), settings: { fsync: 'off', synchronous_commit: 'off' } });
const client = new pg.Client({ connectionString: cluster.url });
try {
  await migrateDatabase(cluster.url);
  await client.connect();
  console.log(`seeding ${total} bookings over 50 concerts, half of them in one…`);
  await client.query(`INSERT INTO concerts (id, name, venue, starts_at)
    SELECT ('00000000-0000-0000-0000-' || lpad(c::text, 12, '0'))::uuid, 'Concert ' || c, 'Hall', now() + interval '30 days' FROM generate_series(1, 50) c`);
  await client.query(`INSERT INTO ticket_tiers (concert_id, name, price_cents, capacity, available) SELECT id, 'GA', 1000, 1000000, 1000000 FROM concerts`);
  // Concert 1 has half the bookings; about 5% are cancelled; created over the last 100 days.
  await client.query(`INSERT INTO bookings (concert_id, status, customer_email, total_cents, idempotency_key, request_fingerprint, created_at)
    SELECT ('00000000-0000-0000-0000-' || lpad((CASE WHEN i % 2 = 0 THEN 1 ELSE 2 + i % 49 END)::text, 12, '0'))::uuid,
           (CASE WHEN i % 20 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::booking_status,
           'fan' || i || '@example.com', 2000, 'seed/' || i, repeat('0', 64), now() - (i * interval '8640 milliseconds')
      FROM generate_series(1, $1) i`, [total]);
  await client.query(`INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents)
    SELECT b.id, t.id, 2, 1000 FROM bookings b JOIN ticket_tiers t ON t.concert_id = b.concert_id`);
  await client.query('VACUUM ANALYZE');

  const big = '00000000-0000-0000-0000-000000000001';
  const { rows: [middle] } = await client.query(`SELECT created_at::text AS at, id FROM bookings WHERE concert_id = $1 ORDER BY created_at DESC, id DESC OFFSET 250000 LIMIT 1`, [big]);
  const { rows: [code] } = await client.query(`SELECT order_code FROM bookings OFFSET 777 LIMIT 1`);
  const keyset = `((created_at, id) < ('${middle.at}'::timestamptz, '${middle.id}'::uuid)) AND (created_at < '${middle.at}' OR (created_at = '${middle.at}' AND id < '${middle.id}'))`;
  const page = 'ORDER BY created_at DESC, id DESC LIMIT 51';
  const queries: Record<string, string> = {
    "a concert's newest orders": `SELECT id FROM bookings WHERE concert_id = '${big}' ${page}`,
    "a concert's orders, page 5,000 (cursor in the middle)": `SELECT id FROM bookings WHERE concert_id = '${big}' AND ${keyset} ${page}`,
    "every concert's newest orders": `SELECT id FROM bookings ${page}`,
    "every concert's orders, deep page": `SELECT id FROM bookings WHERE ${keyset} ${page}`,
    "a concert's cancelled orders": `SELECT id FROM bookings WHERE concert_id = '${big}' AND status IN ('CANCELLED') ${page}`,
    "a concert's orders of one day": `SELECT id FROM bookings WHERE concert_id = '${big}' AND created_at >= now() - interval '50 days' AND created_at < now() - interval '49 days' ${page}`,
    'email prefix, every concert': `SELECT id FROM bookings WHERE lower(customer_email) LIKE 'fan12345%' ${page}`,
    'email prefix, one concert': `SELECT id FROM bookings WHERE concert_id = '${big}' AND lower(customer_email) LIKE 'fan1234%' ${page}`,
    'short email prefix, one concert': `SELECT id FROM bookings WHERE concert_id = '${big}' AND lower(customer_email) LIKE 'f%' ${page}`,
    'order code or email prefix': `SELECT id FROM bookings WHERE (order_code = '${code.order_code}' OR lower(customer_email) LIKE '${code.order_code.toLowerCase()}%') ${page}`,
    'exact email (myBookings, the customer limit)': `SELECT id FROM bookings WHERE lower(customer_email) = 'fan4242@example.com' ORDER BY created_at DESC`,
    'CSV batch in the middle of a concert': `SELECT b.id, b.order_code,
        (SELECT string_agg(i.quantity || ' × ' || t.name, '; ' ORDER BY t.position, t.name) FROM booking_items i JOIN ticket_tiers t ON t.id = i.tier_id WHERE i.booking_id = b.id),
        (SELECT coalesce(sum(p.amount_cents) FILTER (WHERE p.status IN ('SUCCEEDED', 'REFUNDED')), 0) FROM payments p WHERE p.booking_id = b.id),
        (SELECT coalesce(sum(p.refunded_cents), 0) FROM payments p WHERE p.booking_id = b.id)
      FROM bookings b WHERE b.concert_id = '${big}' AND (b.created_at, b.id) > ('${middle.at}'::timestamptz, '${middle.id}'::uuid) ORDER BY b.created_at, b.id LIMIT 1000`,
  };
  for (const [name, query] of Object.entries(queries)) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${query}`);
    console.log(`\n## ${name}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
} finally {
  await client.end().catch(() => {});
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
