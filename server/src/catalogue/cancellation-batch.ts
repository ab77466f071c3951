import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BookingLinks } from '../auth/booking-access.ts';
import { IN_FLIGHT } from '../booking/payment-in-flight.ts';
import { releaseHolds, returnTickets } from '../booking/hold-release.ts';
import type { Transaction } from '../db/client.ts';
import { bookings, concertCancellations } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { queueBookingEmails } from '../emails/booking-emails.ts';
import { paidCents, released } from './cancellation-reads.ts';

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
 * and the tickets of all its bookings go back in one statement per status, tier counts adjusted
 * and availability announced once per batch. Tier rows are locked last, from `lockingTiers()` to
 * the commit, so they stay locked for the end of the batch only.
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
  await queueBookingEmails(tx, confirmed, 'cancellation', bookingLinks, (id) => paid.get(id) ?? 0);
  const ids = (list: string[]) => sql`SELECT unnest(${`{${list.join(',')}}`}::uuid[])`;
  lockingTiers();
  let cancelled = 0;
  if (confirmed.length > 0) cancelled += await released(tx, returnTickets(ids(confirmed), 'CANCELLED', 'CONFIRMED'));
  if (holds.length > 0) cancelled += await released(tx, releaseHolds(ids(holds), 'CANCELLED'));
  await tx
    .update(concertCancellations)
    .set({ cancelledCount: sql`${concertCancellations.cancelledCount} + ${cancelled}` })
    .where(eq(concertCancellations.concertId, concertId));
  return page;
}
