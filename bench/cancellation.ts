// The cancellation phase: one concert with N paid bookings (50,000 by default), cancelled, then its
// job run to DONE in this process, timed end to end: every booking cancelled, emailed and refunded
// at the simulated processor (which books refunds in the same Postgres, a commit each). Beside it a
// probe locks one of the concert's tier rows again and again, as a booking would, and records how
// long it waited: how long a booking of that tier would have waited behind the job's batches.
import pg from 'pg';
import { BookingAccess, BookingLinks } from '../server/src/auth/booking-access.ts';
import type { TierCatalogue } from '../server/src/booking/tier-catalogue.ts';
import { cancelConcert } from '../server/src/catalogue/cancel-concert.ts';
import { ConcertCancellationRunner } from '../server/src/catalogue/concert-cancellation-job.ts';
import { createDatabase } from '../server/src/db/client.ts';
import { ORDER_CODE_ALPHABET } from '../server/src/db/schema.ts';
import type { PaymentProvider } from '../server/src/payments/payment-provider.ts';
import { SimulatedPaymentProvider } from '../server/src/payments/simulated-provider.ts';
import { quantile, round } from './stats.ts';

export interface CancellationResult {
  bookings: number;
  batchSize: number;
  refundConcurrency: number;
  /** Added to every refund at the processor, as a network round trip would be. */
  refundLatencyMs: number;
  seedSec: number;
  /** cancelConcert's commit to the job's DONE. */
  totalSec: number;
  bookingsPerSec: number;
  batches: number;
  batchTransactionMs: { p50: number; p95: number; max: number };
  /** From the first ticket-returning statement of a batch to its commit. */
  tierLockMs: { p50: number; p95: number; max: number };
  /** The probe's waits for the tier row's lock (BEGIN; SELECT … FOR UPDATE; COMMIT). */
  probeWaitMs: { probes: number; p50: number; p95: number; max: number };
  ledgerExact: boolean;
}

const TIERS = 4;
// Codes from n in base 31 above 31^6, never one the analytics fixture (n < 1,000,000) uses.
const orderCode = Array.from({ length: 8 }, (_, k) => `substr('${ORDER_CODE_ALPHABET}', (((n + 887503681) / ${31 ** k}::bigint) % 31)::int + 1, 1)`).join(' || ');

/** The concert, its tiers sold down by the bookings, each booking paid and captured at the processor. */
async function seed(client: pg.Client, bookings: number) {
  const { rows: [concert] } = await client.query<{ id: string }>(
    `INSERT INTO concerts (name, venue, starts_at) VALUES ('Cancellation bench', 'Bench Arena', now() + interval '30 days') RETURNING id`,
  );
  const perTier = Math.ceil(bookings / TIERS) * 2;
  const { rows: tiers } = await client.query<{ id: string }>(
    `INSERT INTO ticket_tiers (concert_id, name, price_cents, capacity, available, position)
     SELECT $1, 'Tier ' || p, 1000 * (p + 1), $2, $2, p FROM generate_series(0, ${TIERS - 1}) AS p ORDER BY p RETURNING id`,
    [concert.id, perTier],
  );
  const tierIds = `ARRAY[${tiers.map((tier) => `'${tier.id}'::uuid`).join(', ')}]`;
  const bookingId = `md5('cancellation-bench:' || n)::uuid`;
  await client.query(
    `INSERT INTO bookings (id, concert_id, status, order_code, customer_email, total_cents, idempotency_key, request_fingerprint, created_at)
     SELECT ${bookingId}, $1, 'CONFIRMED', ${orderCode}, 'fan' || n || '@bench.example', 2 * 1000 * (n % ${TIERS} + 1),
            'cancellation-bench:' || n, 'bench', now() - interval '1 day' + n * interval '1 millisecond'
       FROM generate_series(0, $2 - 1) AS n`,
    [concert.id, bookings],
  );
  await client.query(
    `INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents)
     SELECT ${bookingId}, (${tierIds})[n % ${TIERS} + 1], 2, 1000 * (n % ${TIERS} + 1) FROM generate_series(0, $1 - 1) AS n`,
    [bookings],
  );
  await client.query(
    `UPDATE ticket_tiers t SET available = t.capacity - sold.tickets
       FROM (SELECT tier_id, sum(quantity)::int AS tickets FROM booking_items i JOIN bookings b ON b.id = i.booking_id WHERE b.concert_id = $1 GROUP BY tier_id) sold
      WHERE t.id = sold.tier_id`,
    [concert.id],
  );
  await client.query(
    `WITH paid AS (
       INSERT INTO payments (booking_id, idempotency_key, request_fingerprint, amount_cents, currency, status, provider, provider_reference, card_last4)
       SELECT id, 'bench', repeat('0', 64), total_cents, 'USD', 'SUCCEEDED', 'simulated', 'ch_' || gen_random_uuid(), '4242'
         FROM bookings WHERE concert_id = $1
       RETURNING id, provider_reference, amount_cents)
     INSERT INTO simulated_provider_charges (reference, idempotency_key, amount_cents, currency, status)
     SELECT provider_reference, id::text, amount_cents, 'USD', 'succeeded' FROM paid`,
    [concert.id],
  );
  await client.query('ANALYZE bookings, booking_items, payments, simulated_provider_charges');
  return { concertId: concert.id, busiestTierId: tiers[0].id };
}

/** Locks the tier row as a booking would, one after another until stopped; the waits, in ms. */
function probeTierLock(url: string, tierId: string) {
  const waits: number[] = [];
  let running = true;
  const done = (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (running) {
        const started = performance.now();
        await client.query('BEGIN');
        await client.query('SELECT available FROM ticket_tiers WHERE id = $1 FOR UPDATE', [tierId]);
        await client.query('COMMIT');
        waits.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      await client.end();
    }
  })();
  return { stop: async () => ((running = false), await done, waits) };
}

/** Every refund waits `ms` first, as a processor across a network would answer. */
const withLatency = (provider: PaymentProvider, ms: number): PaymentProvider =>
  ms <= 0
    ? provider
    : {
        name: provider.name,
        charge: (request) => provider.charge(request),
        retrieve: (key) => provider.retrieve(key),
        refund: async (request) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return provider.refund(request);
        },
      };

export async function runCancellation(options: { databaseUrl: string; bookings: number; batchSize?: number; refundConcurrency?: number; refundLatencyMs?: number; log: (message: string) => void }): Promise<CancellationResult> {
  const { databaseUrl, bookings, log } = options;
  const batchSize = options.batchSize ?? 500;
  const refundConcurrency = options.refundConcurrency ?? 16;
  const refundLatencyMs = options.refundLatencyMs ?? 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { db, pool } = createDatabase({ url: databaseUrl, poolSize: refundConcurrency + 4, timeouts: { statementMs: 0, idleInTransactionMs: 0 } });
  try {
    let started = performance.now();
    log(`cancellation: seeding ${bookings.toLocaleString('en')} paid bookings`);
    const { concertId, busiestTierId } = await seed(client, bookings);
    const seedSec = (performance.now() - started) / 1000;

    const batches: { transactionMs: number; tierLockMs: number }[] = [];
    const paymentProvider = withLatency(new SimulatedPaymentProvider(db), refundLatencyMs);
    const bookingLinks = new BookingLinks('http://bench.example', new BookingAccess('bench-secret-of-at-least-32-characters'));
    const runner = new ConcertCancellationRunner({ db, paymentProvider, bookingLinks }, { batchSize, refundConcurrency, onBatch: (batch) => batches.push(batch) });
    // No instance of the server runs here: nothing has the concert's tiers cached to forget.
    const noCache = { forgetConcert: () => {} } as unknown as TierCatalogue;
    log(`  cancelling: batches of ${batchSize}, ${refundConcurrency} refunds in flight, ${refundLatencyMs} ms added per refund`);
    const probe = probeTierLock(databaseUrl, busiestTierId);
    started = performance.now();
    await cancelConcert({ db, tierCatalogue: noCache }, concertId, 'Bench', null);
    for (;;) {
      await runner.runOnce(concertId);
      const { rows: [job] } = await client.query<{ status: string }>('SELECT status FROM concert_cancellations WHERE concert_id = $1', [concertId]);
      if (job.status === 'DONE') break;
    }
    const totalSec = (performance.now() - started) / 1000;
    const waits = (await probe.stop()).sort((a, b) => a - b);

    const { rows: [ledger] } = await client.query<{ live: number; unrefunded: number; off: number }>(
      `SELECT (SELECT count(*) FROM bookings WHERE concert_id = $1 AND status IN ('CONFIRMED', 'PENDING'))::int AS live,
              (SELECT count(*) FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.concert_id = $1 AND p.status <> 'REFUNDED')::int AS unrefunded,
              (SELECT count(*) FROM ticket_tiers WHERE concert_id = $1 AND available <> capacity)::int AS off`,
      [concertId],
    );
    const spread = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: round(sorted.at(-1) ?? 0) };
    };
    const result: CancellationResult = {
      bookings,
      batchSize,
      refundConcurrency,
      refundLatencyMs,
      seedSec: round(seedSec),
      totalSec: round(totalSec),
      bookingsPerSec: Math.round(bookings / totalSec),
      batches: batches.length,
      batchTransactionMs: spread(batches.map((batch) => batch.transactionMs)),
      tierLockMs: spread(batches.map((batch) => batch.tierLockMs)),
      probeWaitMs: { probes: waits.length, ...spread(waits) },
      ledgerExact: ledger.live === 0 && ledger.unrefunded === 0 && ledger.off === 0,
    };
    log(`  ${result.bookingsPerSec} bookings/s (${result.totalSec} s); batch transaction p50/max ${result.batchTransactionMs.p50}/${result.batchTransactionMs.max} ms; tier lock held p50/max ${result.tierLockMs.p50}/${result.tierLockMs.max} ms; probe waited max ${result.probeWaitMs.max} ms; ledger ${result.ledgerExact ? 'exact' : 'NOT EXACT'}`);
    return result;
  } finally {
    await pool.end();
    await client.end();
  }
}
