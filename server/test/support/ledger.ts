import pg from 'pg';

export interface TierLedger {
  id: string;
  capacity: number;
  available: number;
  /** Tickets of live bookings: confirmed ones and holds not yet ended (PENDING, even past expiry until swept). */
  booked: number;
}

/**
 * Every tier of a concert with what its bookings add up to, read straight from the database.
 * The ledger is exact when capacity − available = booked (held + confirmed) for every tier: tickets
 * of expired, released and cancelled bookings are back in `available`.
 */
export async function readLedger(databaseUrl: string, concertId: string): Promise<TierLedger[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<TierLedger>(
      `SELECT t.id, t.capacity, t.available,
              coalesce(sum(i.quantity) FILTER (WHERE b.status IN ('CONFIRMED', 'PENDING')), 0)::int AS booked
         FROM ticket_tiers t
         LEFT JOIN booking_items i ON i.tier_id = t.id
         LEFT JOIN bookings b ON b.id = i.booking_id
        WHERE t.concert_id = $1 GROUP BY t.id ORDER BY t.position`,
      [concertId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Booking ids by idempotency key for one concert. */
export async function readBookings(databaseUrl: string, concertId: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; key: string }>(
      // Stored keys carry the caller's scope in front of the client's key (booking-request.ts).
      "SELECT id, substr(idempotency_key, strpos(idempotency_key, '/') + 1) AS key FROM bookings WHERE concert_id = $1",
      [concertId],
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  } finally {
    await client.end();
  }
}

/** Tickets per booking status for one tier: where every ticket of its capacity is. */
export async function readTicketsByStatus(databaseUrl: string, tierId: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; tickets: number }>(
      `SELECT b.status, sum(i.quantity)::int AS tickets FROM booking_items i JOIN bookings b ON b.id = i.booking_id
        WHERE i.tier_id = $1 GROUP BY b.status`,
      [tierId],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.tickets]));
  } finally {
    await client.end();
  }
}

export interface MoneyLedger {
  /** Charged, by our own records: succeeded attempts and those refunded after. */
  captured: number;
  refunded: number;
  /** Totals of this concert's bookings confirmed by a payment. */
  confirmedPaid: number;
  /** The same from the card processor's side (the simulated provider's own books). */
  providerNet: number;
}

/** Money for one concert: exact when captured − refunded = confirmedPaid = providerNet. */
export async function readMoneyLedger(databaseUrl: string, concertId: string): Promise<MoneyLedger> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<MoneyLedger>(
      `SELECT
         (SELECT coalesce(sum(p.amount_cents) FILTER (WHERE p.status IN ('SUCCEEDED', 'REFUNDED')), 0) FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.concert_id = $1)::int AS captured,
         (SELECT coalesce(sum(p.refunded_cents), 0) FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.concert_id = $1)::int AS refunded,
         (SELECT coalesce(sum(b.total_cents), 0) FROM bookings b WHERE b.concert_id = $1 AND b.status = 'CONFIRMED'
            AND EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.status = 'SUCCEEDED'))::int AS "confirmedPaid",
         (SELECT coalesce(sum(c.amount_cents - c.refunded_cents) FILTER (WHERE c.status IN ('succeeded', 'refunded')), 0)
            FROM simulated_provider_charges c JOIN payments p ON p.id::text = c.idempotency_key JOIN bookings b ON b.id = p.booking_id
           WHERE b.concert_id = $1)::int AS "providerNet"`,
      [concertId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
