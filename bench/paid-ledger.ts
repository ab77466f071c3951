// After the hold → pay phase, the books of its concert read straight from the database: tickets
// (capacity = available + held + confirmed, as server/test/support/ledger.ts defines it) and money
// (one succeeded payment of the booking's total per confirmed booking, nothing else charged).
import pg from 'pg';

export interface PaidLedger {
  confirmed: number;
  /** Holds left PENDING (a checkout whose payment failed, or none was attempted). */
  pending: number;
  /** Confirmed bookings without exactly one SUCCEEDED payment, or whose payment is not the booking's total. */
  confirmedNotPaidOnce: number;
  /** Payments other than DECLINED on bookings that are not CONFIRMED. */
  strayPayments: number;
  /** Tiers where capacity ≠ available + held + confirmed. */
  tiersOff: number;
  /** Succeeded payments' sum ÷ the simulated provider's charges for them (cents): must be equal. */
  capturedCents: number;
  providerCents: number;
  consistent: boolean;
}

export async function readPaidLedger(databaseUrl: string, concertId: string): Promise<PaidLedger> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Omit<PaidLedger, 'consistent'>>(
      `WITH concert_bookings AS (SELECT id, status, total_cents FROM bookings WHERE concert_id = $1)
       SELECT
         (SELECT count(*) FROM concert_bookings WHERE status = 'CONFIRMED')::int AS confirmed,
         (SELECT count(*) FROM concert_bookings WHERE status = 'PENDING')::int AS pending,
         (SELECT count(*) FROM concert_bookings b WHERE b.status = 'CONFIRMED' AND (
            (SELECT count(*) FROM payments p WHERE p.booking_id = b.id AND p.status = 'SUCCEEDED') <> 1 OR
            (SELECT count(*) FROM payments p WHERE p.booking_id = b.id AND p.status = 'SUCCEEDED' AND p.amount_cents = b.total_cents) <> 1))::int
           AS "confirmedNotPaidOnce",
         (SELECT count(*) FROM payments p JOIN concert_bookings b ON b.id = p.booking_id
           WHERE b.status <> 'CONFIRMED' AND p.status <> 'DECLINED')::int AS "strayPayments",
         (SELECT count(*) FROM (
            SELECT t.capacity, t.available,
                   coalesce(sum(i.quantity) FILTER (WHERE b.status IN ('CONFIRMED', 'PENDING')), 0) AS booked
              FROM ticket_tiers t
              LEFT JOIN booking_items i ON i.tier_id = t.id
              LEFT JOIN bookings b ON b.id = i.booking_id
             WHERE t.concert_id = $1 GROUP BY t.id) tiers
           WHERE capacity <> available + booked)::int AS "tiersOff",
         (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p JOIN concert_bookings b ON b.id = p.booking_id
           WHERE p.status = 'SUCCEEDED')::bigint::float8 AS "capturedCents",
         (SELECT coalesce(sum(c.amount_cents), 0) FROM simulated_provider_charges c
            JOIN payments p ON p.id::text = c.idempotency_key JOIN concert_bookings b ON b.id = p.booking_id
           WHERE c.status = 'succeeded')::bigint::float8 AS "providerCents"`,
      [concertId],
    );
    const ledger = rows[0];
    const consistent =
      ledger.confirmedNotPaidOnce === 0 && ledger.strayPayments === 0 && ledger.tiersOff === 0 && ledger.capturedCents === ledger.providerCents;
    return { ...ledger, consistent };
  } finally {
    await client.end();
  }
}
