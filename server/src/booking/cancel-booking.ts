import { and, eq, sql } from 'drizzle-orm';
import { bookings, concerts } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { queueBookingEmail } from '../emails/booking-emails.ts';
import type { Checkout } from '../payments/checkout.ts';
import { refundPayment } from '../payments/refund-payment.ts';
import { BookingNotCancellableError, NotFoundError } from './errors.ts';
import { releaseHolds, returnTickets } from './hold-release.ts';
import { hasPaymentInFlight } from './payment-in-flight.ts';

export interface CancelBookingResult {
  bookingId: string;
  refundedCents: number;
  currency: string;
}

/**
 * Cancels a booking until its concert starts: its tickets go back on sale once, and what was paid
 * is refunded through the processor. Under the booking's row lock, so twenty concurrent cancels
 * cancel (and refund) once; the rest are told it is already cancelled. A hold is simply released,
 * unless a payment of it is still being decided (refused, like releaseHold).
 */
export async function cancelBooking(checkout: Checkout, bookingId: string): Promise<CancelBookingResult> {
  const { db, bookingLinks } = checkout;
  let currency = 'USD';
  const refund = await db.transaction(async (tx) => {
    const [booking] = await tx.select({ status: bookings.status, concertId: bookings.concertId, currency: bookings.currency }).from(bookings).where(eq(bookings.id, bookingId)).for('update');
    if (!booking) throw new NotFoundError('Booking', bookingId);
    currency = booking.currency;
    if (booking.status === 'PENDING') {
      // A charge still being decided may go through: giving the hold up now would take the money for nothing.
      if (await hasPaymentInFlight(tx, bookingId)) throw new BookingNotCancellableError('PAYMENT_IN_PROGRESS');
      await tx.execute(releaseHolds(sql`SELECT ${bookingId}::uuid`, 'CANCELLED'));
      return null;
    }
    if (booking.status !== 'CONFIRMED') throw new BookingNotCancellableError(booking.status);
    const [concert] = await tx.select({ startsAt: concerts.startsAt }).from(concerts).where(eq(concerts.id, booking.concertId));
    if (concert.startsAt.getTime() <= Date.now()) throw new BookingNotCancellableError('STARTED');
    await tx.execute(returnTickets(sql`SELECT ${bookingId}::uuid`, 'CANCELLED', 'CONFIRMED'));
    const [paid] = await tx.select().from(payments).where(and(eq(payments.bookingId, bookingId), eq(payments.status, 'SUCCEEDED')));
    // Told in the same transaction: sent only if the cancellation commits. The refund follows below.
    await queueBookingEmail(tx, bookingId, 'cancellation', bookingLinks, paid?.amountCents ?? 0);
    return paid ?? null;
  });
  if (!refund || !refund.providerReference) return { bookingId, refundedCents: 0, currency };
  // After the commit: no row stays locked while the processor is called. If the call fails, the
  // payment stays SUCCEEDED on a cancelled booking, and settlement refunds it later with the same
  // idempotency key: refunded once however the two meet.
  await refundPayment(checkout, { id: refund.id, providerReference: refund.providerReference, amountCents: refund.amountCents });
  return { bookingId, refundedCents: refund.amountCents, currency };
}
