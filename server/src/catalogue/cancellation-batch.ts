import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BookingLinks } from '../auth/booking-access.ts';
import { IN_FLIGHT } from '../booking/payment-in-flight.ts';
import { returnTickets } from '../booking/hold-release.ts';
import type { Transaction } from '../db/client.ts';
import { bookings, concertCancellations } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { queueBookingEmails } from '../emails/booking-emails.ts';
import { paidCents } from './cancellation-reads.ts';

export interface BookingPosition {
  createdAt: Date;
  id: string;
}

/**
 * One batch of a concert's cancellation, inside the caller's transaction (which has renewed the
 * job's lease): the next live bookings after `after` in (created_at, id) order, the index's order,
 * so each batch reads only its own rows; locked SKIP LOCKED, so two runners never take the same
 * booking. Holds whose payment is being decided are left for a later run (that payment confirms or
 * frees them). A fixed number of statements whatever the batch size: the emails are one insert,
 * and the tickets of all its bookings go back in one statement, tier counts adjusted and
 * availability announced once per batch. Tier rows are locked last, within the statement that
 * starts at `lockingTiers()`, until the commit.
 */
export async function cancelBatch(
  tx: Transaction,
  { concertId, after, size, bookingLinks, lockingTiers }: { concertId: string; after: BookingPosition | null; size: number; bookingLinks: BookingLinks; lockingTiers: () => void },
): Promise<BookingPosition[]> {
  const page = await tx
    .select({ id: bookings.id, status: bookings.status, createdAt: bookings.createdAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.concertId, concertId),
        inArray(bookings.status, ['PENDING', 'CONFIRMED']),
        after ? sql`(${bookings.createdAt}, ${bookings.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(bookings.createdAt, bookings.id)
    .limit(size)
    .for('update', { skipLocked: true });
  if (page.length === 0) return page;
  // A separate statement, after the locks: its snapshot sees any attempt committed before them.
  const inFlight = await tx
    .selectDistinct({ bookingId: payments.bookingId })
    .from(payments)
    .where(and(inArray(payments.bookingId, page.map((booking) => booking.id)), inArray(payments.status, [...IN_FLIGHT])));
  const deciding = new Set(inFlight.map((payment) => payment.bookingId));
  const holds = page.filter((booking) => booking.status === 'PENDING' && !deciding.has(booking.id)).map((booking) => booking.id);
  const confirmed = page.filter((booking) => booking.status === 'CONFIRMED').map((booking) => booking.id);
  const paid = await paidCents(tx, confirmed);
  // Before the status changes: each email says whether it was a paid order or a hold.
  await queueBookingEmails(tx, [...confirmed, ...holds], 'cancellation', bookingLinks, (id) => paid.get(id) ?? 0);
  const ending = [...confirmed, ...holds];
  // Counted before the tickets go back: the page's rows are locked, so exactly these change, and
  // the tier rows' locks are then held only by the last statement and the commit.
  await tx
    .update(concertCancellations)
    .set({ cancelledCount: sql`${concertCancellations.cancelledCount} + ${ending.length}` })
    .where(eq(concertCancellations.concertId, concertId));
  if (ending.length > 0) {
    lockingTiers();
    // Holds and bookings in one statement: each tier is locked, counted and announced once a batch.
    await tx.execute(returnTickets(sql`SELECT unnest(${`{${ending.join(',')}}`}::uuid[])`, 'CANCELLED', ['CONFIRMED', 'PENDING']));
  }
  return page;
}
