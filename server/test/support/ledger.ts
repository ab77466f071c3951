import pg from 'pg';

export interface TierLedger {
  id: string;
  capacity: number;
  available: number;
  /** Sum of booked quantities in booking_items. */
  booked: number;
}

/**
 * Every tier of a concert with what its bookings add up to, read straight from the database.
 * The ledger is exact when capacity − available = booked for every tier.
 */
export async function readLedger(databaseUrl: string, concertId: string): Promise<TierLedger[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<TierLedger>(
      `SELECT t.id, t.capacity, t.available, coalesce(sum(i.quantity), 0)::int AS booked
         FROM ticket_tiers t LEFT JOIN booking_items i ON i.tier_id = t.id
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
      'SELECT id, idempotency_key AS key FROM bookings WHERE concert_id = $1',
      [concertId],
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  } finally {
    await client.end();
  }
}
