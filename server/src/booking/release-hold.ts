import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { BookingNotHeldError, NotFoundError } from './errors.ts';
import { releaseHolds } from './hold-release.ts';
import { hasPaymentInFlight } from './payment-in-flight.ts';

/**
 * The shopper gives up a hold: its tickets go back on sale at once, exactly once, whatever else
 * races for it (another release, the sweeper, a payment): the first to lock the row decides.
 * Refused while a payment is being decided (PAYMENT_IN_PROGRESS): that charge may still succeed, and
 * the shopper would be charged for a booking they gave up. Once it is settled (confirmed, or declined
 * and the hold still live), releasing means what it says.
 */
export async function releaseHold(db: Database, bookingId: string): Promise<void> {
  await db.transaction(async (tx) => {
    // The same row lock payForBooking takes to start an attempt, and applyChargeOutcome to confirm.
    const [booking] = await tx.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId)).for('update');
    if (!booking) throw new NotFoundError('Booking', bookingId);
    if (booking.status !== 'PENDING') throw new BookingNotHeldError(booking.status);
    if (await hasPaymentInFlight(tx, bookingId)) throw new BookingNotHeldError('PAYMENT_IN_PROGRESS');
    await tx.execute(releaseHolds(sql`SELECT ${bookingId}::uuid`, 'CANCELLED'));
  });
}
