import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.ts';

export interface SeedOrders {
  concertId: string;
  tierId: string;
  count: number;
  /** The first order's created_at; each next one `stepMs` later (0: all in the same millisecond). */
  from: Date;
  stepMs?: number;
  email?: (i: number) => string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'PENDING' | 'EXPIRED';
}

/**
 * Many orders at once, straight into the tables (two tickets of one tier each): far faster than
 * booking them one by one, for tests of lists and exports. The tier's availability is not touched.
 */
export async function seedOrders(app: TestApp, { concertId, tierId, count, from, stepMs = 1_000, email, status = 'CONFIRMED' }: SeedOrders) {
  const emails = Array.from({ length: count }, (_, i) => email?.(i) ?? `fan${i}@seed.example`);
  const { rows } = await app.pool.query<{ id: string }>(
    `WITH made AS (
       INSERT INTO bookings (concert_id, status, customer_email, total_cents, currency, idempotency_key, request_fingerprint, created_at)
       SELECT $1, $2::booking_status, e.email, 2000, 'USD', $3 || e.i, repeat('0', 64), $4::timestamptz + (e.i - 1) * $5 * interval '1 millisecond'
         FROM unnest($6::text[]) WITH ORDINALITY AS e(email, i)
       RETURNING id, created_at
     ), items AS (
       INSERT INTO booking_items (booking_id, tier_id, quantity, unit_price_cents) SELECT id, $7, 2, 1000 FROM made
     )
     SELECT id FROM made ORDER BY created_at, id`,
    [concertId, status, `seed/${randomUUID()}/`, from.toISOString(), stepMs, emails, tierId],
  );
  return rows.map((row) => row.id);
}
